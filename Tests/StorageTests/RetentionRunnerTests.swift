import Foundation
import Records
import Storage
import Testing

@Suite struct RetentionRunnerTests {
    static let day: Int64 = 86_400_000
    static let now: Int64 = 1_790_000_000_000

    /// A store with recordings of the given ages (days) and queues, files written.
    static func store(_ scratch: Scratch, _ recordings: [(id: Int64, ageDays: Int64, queue: String, flagged: Bool)]) throws -> CallStore {
        let store = try CallStore(path: scratch.path + "/kefu.db")
        for r in recordings {
            let path = "\(scratch.path)/rec/\(r.id).wav"
            try FileManager.default.createDirectory(atPath: scratch.path + "/rec", withIntermediateDirectories: true)
            try Data(repeating: 1, count: 44 + 32_000).write(to: URL(fileURLWithPath: path))
            let started = now - r.ageDays * day
            try store.write([.callFinished(CallDetail(callID: r.id, line: 1, arrived: started), telemetry: CallTelemetry()),
                             .recordingStarted(RecordingStart(callID: r.id, path: path, queue: r.queue, agent: "8001", started: started)),
                             .recordingFinished(RecordingEnd(callID: r.id, ended: started + 1_000, bytes: 32_000, state: .complete))])
            if r.flagged { try store.setFlagged(r.id, true) }
        }
        return store
    }

    @Test("expired recordings are deleted by their queue's days, flagged ones kept longer; rows stay marked deleted with an audit entry each")
    func expiredDeletedFlaggedKept() throws {
        let scratch = Scratch("retention")
        defer { scratch.remove() }
        let store = try Self.store(scratch, [(1, 200, "sales", false), (2, 100, "sales", false), (3, 40, "vip", false),
                                             (4, 200, "sales", true), (5, 800, "sales", true)])
        let rules = try RetentionRules(days: 180, queueDays: ["vip": 30], flaggedDays: 730, minFreeBytes: 0)
        let settings = RetentionRunner.Settings(rules: rules, callsDays: 730, auditDays: 1095, recordingsDirectory: scratch.path)
        let result = try RetentionRunner.run(store, settings, now: Self.now) { _ in 10_000_000_000 }
        #expect(result.deleted.map(\.callID) == [5, 1, 3])
        #expect(result.deleted.map(\.reason) == ["kept 730 days", "kept 180 days", "kept 30 days"])
        for id: Int64 in [1, 3, 5] { #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/rec/\(id).wav")) }
        #expect(try store.recording(1)?.state == "deleted" && store.recording(3)?.state == "deleted")
        // Call 5 is older than calls_days too: its rows are gone; the audit entry stays.
        #expect(try store.recording(5) == nil && store.call(5) == nil)
        for id: Int64 in [2, 4] { #expect(FileManager.default.fileExists(atPath: "\(scratch.path)/rec/\(id).wav")) }
        let audit = try store.audit()
        #expect(audit.map(\.object) == ["recording 5", "recording 1", "recording 3"])
        #expect(audit.allSatisfy { $0.user == "retention" && $0.action == "retention-delete" && $0.at == Self.now })
        // A second run finds nothing more to do.
        #expect(try RetentionRunner.run(store, settings, now: Self.now) { _ in 10_000_000_000 }.deleted.isEmpty)
    }

    @Test("messages past voicemail_days lose their audio; the row stays marked deleted by retention, younger ones stay")
    func oldMessagesExpire() throws {
        let scratch = Scratch("retention-messages")
        defer { scratch.remove() }
        let store = try Self.store(scratch, [])
        for (call, age) in [(Int64(1), Int64(40)), (2, 10)] {
            let path = "\(scratch.path)/m\(call).wav"
            try Data(repeating: 1, count: 1_000).write(to: URL(fileURLWithPath: path))
            try store.write([.messageSaved(StoredMessage(callID: call, box: "support", callerNumber: nil, at: Self.now - age * Self.day,
                                                         durationMilliseconds: 5_000, path: path))])
        }
        var settings = RetentionRunner.Settings(rules: try RetentionRules(days: 180, queueDays: [:], flaggedDays: 730, minFreeBytes: 0),
                                                callsDays: 730, auditDays: 1095, recordingsDirectory: scratch.path)
        settings.messagesDays = 30
        let result = try RetentionRunner.run(store, settings, now: Self.now) { _ in 10_000_000_000 }
        #expect(result.messagesDeleted == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/m1.wav") && FileManager.default.fileExists(atPath: scratch.path + "/m2.wav"))
        #expect(try store.messages(box: "support").map(\.callID) == [2])
        #expect(try store.messages(box: "support", includeDeleted: true).first { $0.callID == 1 }?.heardBy == "retention")
        #expect(try store.audit().map(\.object).contains("message #1"))
        #expect(try RetentionRunner.run(store, settings, now: Self.now) { _ in 10_000_000_000 }.messagesDeleted == 0, "deleted once")
    }

    @Test("below the free-space floor, delete-oldest removes the oldest unflagged recordings until the floor is met; stop-recording removes none and says recording must stop")
    func spaceFloor() throws {
        let scratch = Scratch("floor")
        defer { scratch.remove() }
        let store = try Self.store(scratch, [(1, 10, "sales", true), (2, 9, "sales", false), (3, 8, "sales", false), (4, 1, "sales", false)])
        let file: Int64 = 44 + 32_000
        var free: Int64 = 1_000_000 - file + 10   // two recordings' worth short of the floor
        let stop = try RetentionRules(days: 180, flaggedDays: 730, minFreeBytes: 1_000_000 + file)
        let held = try RetentionRunner.run(store, RetentionRunner.Settings(rules: stop, callsDays: 730, auditDays: 1095, recordingsDirectory: scratch.path),
                                           now: Self.now) { _ in free }
        #expect(held.deleted.isEmpty)
        #expect(held.mustStopRecording)

        let deleteOldest = try RetentionRules(days: 180, flaggedDays: 730, minFreeBytes: 1_000_000 + file, whenFull: .deleteOldest)
        let result = try RetentionRunner.run(store, RetentionRunner.Settings(rules: deleteOldest, callsDays: 730, auditDays: 1095,
                                                                             recordingsDirectory: scratch.path), now: Self.now) { _ in
            defer { free += 2 * file }  // the second reading (after the run) sees the space freed
            return free
        }
        #expect(result.deleted.map(\.callID) == [2, 3])
        #expect(result.deleted.allSatisfy { $0.reason == "free space below the floor" })
        #expect(!result.mustStopRecording)
        #expect(try store.recording(1)?.state == "complete")
    }

    @Test("call rows older than calls_days go (with their events); the forecast divides the headroom by the daily growth")
    func oldCallsAndForecast() throws {
        let scratch = Scratch("calls")
        defer { scratch.remove() }
        let store = try Self.store(scratch, [(10, 2, "sales", false)])
        try store.write([.callFinished(CallDetail(callID: 1, line: 1, arrived: Self.now - 800 * Self.day), telemetry: CallTelemetry()),
                         .queueEvent(StoredQueueEvent(callID: 1, queue: "sales", kind: "joined", at: Self.now - 800 * Self.day)),
                         .callFinished(CallDetail(callID: 2, line: 1, arrived: Self.now - 10 * Self.day), telemetry: CallTelemetry())])
        let rules = try RetentionRules(days: 180, flaggedDays: 730, minFreeBytes: 0)
        let result = try RetentionRunner.run(store, RetentionRunner.Settings(rules: rules, callsDays: 730, auditDays: 1095, recordingsDirectory: scratch.path),
                                             now: Self.now) { _ in 320_000 }
        #expect(result.callRowsDeleted == 1)
        #expect(try store.call(1) == nil && store.call(2) != nil && store.queueEvents(call: 1).isEmpty)
        // One recording of 32 000 bytes two days ago, the box's first: 16 000 a day over its two days; 320 000 free.
        #expect(result.daysUntilFull.map { abs($0 - 20) < 0.001 } == true, "\(String(describing: result.daysUntilFull))")
    }
}
