import Foundation
import Testing
import DSP
import Records
import Storage
import CallControl
@testable import KefuDaemon

/// The daemon's mailboxes for agents on the phone: rows from kefu.db,
/// audio from the message files, marks written back.
@Suite struct StoreMessageShelfTests {
    @Test func newMessagesComeOldestFirstWithTheCallersSideOfTheFileAndADeleteRemovesTheFile() throws {
        let dir = NSTemporaryDirectory() + "kefu-shelf-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wav = dir + "/m1.wav"
        let caller = [Int16](repeating: 1234, count: 400), line = [Int16](repeating: -5, count: 400)
        try Data(WAVCodec.encode(WAVAudio(channels: [caller, line]))).write(to: URL(fileURLWithPath: wav))
        let store = try CallStore(path: dir + "/kefu.db")
        try store.write([
            .messageSaved(StoredMessage(callID: 7, box: "support", callerNumber: "13800138000", at: 2_000, durationMilliseconds: 50, path: wav)),
            .messageSaved(StoredMessage(callID: 5, box: "support", callerNumber: nil, at: 1_000, durationMilliseconds: 50, path: dir + "/gone.wav")),
            .messageSaved(StoredMessage(callID: 6, box: "sales", callerNumber: nil, at: 1_500, durationMilliseconds: 50, path: dir + "/s.wav")),
        ])
        let shelf = try StoreMessageShelf(databasePath: dir + "/kefu.db", key: nil)
        let items = shelf.newMessages(boxes: ["support"])
        #expect(items.map(\.callID) == [5, 7], "oldest first, sales' left out")
        #expect(shelf.newMessages(boxes: []).count == 3, "every box")
        let first = try #require(items.last)
        #expect(shelf.audio(first) == .success(caller), "the caller's side")
        #expect(shelf.audio(items[0]) == .failure(MessageAudioError("\(dir)/gone.wav cannot be read")))
        shelf.mark(first.id, state: "deleted", user: "8003", at: 3_000)
        #expect(!FileManager.default.fileExists(atPath: wav))
        let row = try #require(try store.message(first.id))
        #expect(row.state == "deleted" && row.heardBy == "agent 8003")
        #expect(shelf.newMessages(boxes: ["support"]).map(\.callID) == [5])
    }
}
