import Foundation
import Testing
import Records
@testable import Storage

/// Mailboxes' messages in the database: stored, listed per box newest
/// first, marked heard by whom and when, deleted (the row stays).
@Suite struct MessageStoreTests {
    @Test("messages are listed per box, newest first; heard keeps the first listener; deleted ones drop out of the list")
    func messagesListMarkAndDelete() throws {
        let scratch = Scratch("messages")
        defer { scratch.remove() }
        let store = try CallStore(path: scratch.path + "/kefu.db")
        try store.write([
            .messageSaved(StoredMessage(callID: 1, box: "support", callerNumber: "13800138000", at: 1_000, durationMilliseconds: 12_000, path: "/r/1.wav")),
            .messageSaved(StoredMessage(callID: 2, box: "sales", callerNumber: nil, at: 2_000, durationMilliseconds: 3_000, path: "/r/2.wav")),
            .messageSaved(StoredMessage(callID: 3, box: "support", callerNumber: "02088886666", at: 3_000, durationMilliseconds: 40_000, path: "/r/3.wav")),
        ])
        let support = try store.messages(box: "support")
        #expect(support.map(\.callID) == [3, 1])
        #expect(support.allSatisfy { $0.state == "new" })
        #expect(try store.messages().count == 3)

        let first = try #require(support.last?.id)
        #expect(try store.setMessageState(first, "heard", by: "wang", at: 5_000))
        #expect(try store.setMessageState(first, "heard", by: "li", at: 6_000))
        let heard = try #require(try store.message(first))
        #expect(heard.state == "heard" && heard.heardBy == "wang" && heard.heardAt == 5_000)

        #expect(try store.setMessageState(first, "deleted", by: "wang", at: 7_000))
        #expect(try store.messages(box: "support").map(\.callID) == [3])
        #expect(try store.messages(box: "support", includeDeleted: true).count == 2)
        #expect(try store.setMessageState(999, "heard", by: "wang", at: 8_000) == false, "no such message")
    }
}

/// The console and agents' phones mark messages through one store function.
@Suite struct MessageMarkTests {
    @Test func deletingRemovesTheFileKeepsTheRowAndADeletedMessageCannotBeMarkedAgain() throws {
        let scratch = Scratch("message-mark")
        defer { scratch.remove() }
        let store = try CallStore(path: scratch.path + "/kefu.db")
        let file = scratch.path + "/m.wav"
        #expect(FileManager.default.createFile(atPath: file, contents: Data([1, 2, 3])))
        try store.write([.messageSaved(StoredMessage(callID: 1, box: "support", callerNumber: nil, at: 1_000, durationMilliseconds: 10, path: file))])
        let id = try #require(try store.messages().first?.id)
        #expect(try store.markMessage(id, "deleted", by: "wang", at: 2_000) == .marked)
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try store.message(id)?.state == "deleted")
        #expect(try store.markMessage(id, "heard", by: "li", at: 3_000) == .noSuchMessage, "a deleted message stays deleted")
        #expect(try store.markMessage(999, "heard", by: "li", at: 3_000) == .noSuchMessage)
    }
}
