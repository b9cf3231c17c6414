import DSP
import Foundation
import KefuTesting
import Storage
import Testing

/// The data directory of a running kefud on a real 64 MB tmpfs, filled in
/// two steps during recorded calls (below `min_free_mb`, then to the last
/// byte), then freed. Mounting needs root, as `make test` runs.
@Suite(.serialized) struct LiveDiskFullTests {
    static let floorMB: Int64 = 50

    @Test("disk full under a live kefud: callers still reach agents and the console answers, recordings in progress are cut at a whole frame and play, none starts below min_free_mb, status says disk full; once space returns calls are recorded and stored again")
    func recordedCallsGoOnThroughAFullDisk() throws {
        let dir = "/tmp/kefu-diskfull-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/prompts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let disk = try TmpfsMount(dir + "/data", kilobytes: 64 * 1024)
        defer { disk.unmount() }
        try DaemonProcess.config(lines: 16, agents: 16, recording: "min_free_mb = \(Self.floorMB)")
            .write(toFile: dir + "/kefu.toml", atomically: true, encoding: .utf8)
        let kefud = try DaemonProcess.start(dir: dir, dataDirectory: disk.path, callsPerMinute: 120, talkSeconds: 15, log: dir + "/kefud.log")
        var watch = CallWatch()

        // Recording as usual.
        try watch.follow(kefud, seconds: 30) { $0.withAgent.count >= 4 }
        #expect(watch.withAgent.count >= 4, "calls with agents before the disk fills: \(watch.withAgent.count)")

        // Below the floor: recordings in progress go on, none starts.
        disk.fill(disk.path + "/filler-1", leaving: (Self.floorMB - 10) << 20)
        let belowFloor = Date()
        let recordedBefore = Self.recordingFiles(disk.path)
        try watch.follow(kefud, seconds: 4)
        // Full to the last byte: recordings in progress are cut, database writes wait.
        disk.fill(disk.path + "/filler-2")
        let full = Date()
        #expect(disk.freeBytes < 64 * 1024)
        try watch.follow(kefud, seconds: 6)
        let startedWhileFull = Self.recordingFiles(disk.path).subtracting(recordedBefore)
        let servedWhileFull = watch.reachedAgent(from: belowFloor)
        let alarmsWhileFull = watch.statuses.joined().filter { $0.contains("ALARM") }
        let finishedWhileFull = watch.finished(before: Date()).subtracting(watch.finished(before: belowFloor))

        // Space returns: a call that reaches an agent now is recorded, and everything waiting is written.
        try FileManager.default.removeItem(atPath: disk.path + "/filler-1")
        try FileManager.default.removeItem(atPath: disk.path + "/filler-2")
        let freed = Date()
        func recordedSinceFreed(_ watch: CallWatch) -> Set<Int> {
            Self.recordingFiles(disk.path).intersection(watch.reachedAgent(from: freed.addingTimeInterval(1)))
        }
        func clear(_ status: [String]) -> Bool {
            DaemonProcess.number(after: "written,", in: status) == 0 && !status.contains { $0.contains("ALARM") || $0.contains("FAILING") }
        }
        try watch.follow(kefud, seconds: 30) { recordedSinceFreed($0).count >= 2 && clear($0.statuses.last ?? []) }
        let recordedAgain = recordedSinceFreed(watch), lastStatus = watch.statuses.last ?? []
        let stoppedAt = Date()
        let rss = kefud.residentKilobytes
        #expect(kefud.stop(), "kefud did not stop on SIGINT within 10 s")
        #expect(kefud.process.terminationReason == .exit && kefud.process.terminationStatus == 0, "kefud ended \(kefud.process.terminationReason) \(kefud.process.terminationStatus)")

        // While the disk was full: calls went on, the console answered, status said why, nothing new was recorded.
        #expect(servedWhileFull.count >= 3, "callers who reached an agent while the disk was full: \(servedWhileFull.count)")
        #expect(watch.statuses.allSatisfy { !$0.isEmpty } && watch.slowestStatus < 2, "the slowest status took \(watch.slowestStatus) s")
        #expect(alarmsWhileFull.contains { $0.contains("ALARM: recording stopped, disk full") && $0.contains("below the floor of \(Self.floorMB) MB") },
                "\(Set(alarmsWhileFull))")
        #expect(startedWhileFull.isEmpty, "recordings started below min_free_mb: \(startedWhileFull.sorted())")
        // Once space returned: recording again, the alarm and the waiting writes over.
        #expect(recordedAgain.count >= 2, "calls recorded after space returned: \(recordedAgain.sorted())")
        #expect(clear(lastStatus), "\(lastStatus)")
        #expect(kefud.logText.contains("recording again"))

        // What is stored: every recording plays, whole frames; those in progress at the fill were cut there.
        let store = try CallStore(path: disk.path + "/kefu.db", readOnly: true)
        let rows = try store.recordings()
        var cut = 0
        for row in rows {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: row.path))
            let audio = try WAVCodec.decode(Array(bytes))
            #expect(audio.channels.count == 2 && Int64(audio.frameCount) * 4 == row.bytes, "recording \(row.callID): \(audio.frameCount) frames, row says \(row.bytes) bytes")
            #expect(Int64(bytes.count) == 44 + row.bytes, "recording \(row.callID): \(bytes.count) bytes in the file for \(row.bytes) of audio")
            #expect(row.state != "recording", "recording \(row.callID) left open")
            if row.state == "cut-short" && row.note?.hasPrefix("disk full") == true { cut += 1 }
        }
        #expect(cut >= 1, "recordings cut by the full disk: \(cut) (\(rows.map(\.state)))")
        #expect(Set(rows.map { Int($0.callID) }).isSuperset(of: recordedAgain))
        // Every call that ended, during the fill too, has its finished row.
        for call in watch.finished(before: stoppedAt) {
            let state = try store.callState(Int64(call))
            #expect(state == "finished", "call \(call) ended: \(state ?? "no row")")
        }
        print("disk full: \(servedWhileFull.count) calls reached agents while the disk was full (\(finishedWhileFull.count) ended then), \(cut) recordings cut, \(recordedAgain.count) recorded within \(String(format: "%.1f", stoppedAt.timeIntervalSince(freed))) s of space returning; slowest status \(String(format: "%.2f", watch.slowestStatus)) s; full for \(String(format: "%.1f", freed.timeIntervalSince(full))) s; RSS \(rss) kB")
    }

    /// Call numbers of the recordings on disk (`<call>.wav` anywhere below `data`).
    static func recordingFiles(_ data: String) -> Set<Int> {
        let files = FileManager.default.enumerator(atPath: data + "/recordings")?.allObjects as? [String] ?? []
        return Set(files.compactMap { $0.hasSuffix(".wav") ? Int(($0 as NSString).lastPathComponent.dropLast(4)) : nil })
    }
}
