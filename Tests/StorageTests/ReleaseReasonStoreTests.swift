import Foundation
import Records
import Storage
import Testing

/// Release reasons in the database: schema 6 keeps the kind and the
/// measured figures with each call, upgrades a version-5 file, and per-line
/// tallies count them.
@Suite struct ReleaseReasonStoreTests {
    @Test("a call's release reason is kept with its kind and measured figures")
    func releaseReasonRoundTrips() throws {
        let scratch = Scratch("release")
        defer { scratch.remove() }
        let store = try CallStore(path: scratch.path + "/kefu.db")
        var busy = CallStoreTests.sampleCall(1)
        busy.release = .tone("busy", hertz: 449, on: 352, off: 336, cycles: 2)
        var dropped = CallStoreTests.sampleCall(2)
        dropped.release = ReleaseReason(.loopDrop, detail: "restored", milliseconds: 600)
        var hungUp = CallStoreTests.sampleCall(3)
        hungUp.release = ReleaseReason(.operatorHangUp, by: "alice")
        try store.write([busy, dropped, hungUp].map { .callFinished($0, telemetry: CallTelemetry()) })
        #expect(try store.call(1)?.release == busy.release)
        #expect(try store.call(2)?.release == dropped.release)
        #expect(try store.call(3)?.release == hungUp.release)
        #expect(try store.call(3)?.release?.by == "alice")
    }

    @Test("migration 6 upgrades a version-5 database: release kinds its end reasons make certain, the rest unknown")
    func migrationSixUpgradesAnExistingDatabase() throws {
        let scratch = Scratch("schema5")
        defer { scratch.remove() }
        let path = scratch.path + "/kefu.db"
        do {
            let db = try SQLiteDatabase(path: path)
            for version in 0..<5 { try db.execute(Schema.migrations[version]) }
            try db.execute("PRAGMA user_version = 5")
            try db.execute("""
                INSERT INTO calls (id, line, arrived_ms, ended_ms, end_reason, state, ended_by_tone, survey_asked)
                VALUES (1, 2, 1000, 9000, 'caller-busy-tone', 'finished', 'busy', 0),
                       (2, 2, 2000, 9000, 'agent-hung-up', 'finished', NULL, 0),
                       (3, 3, 3000, 9000, 'agent-hung-up', 'finished', NULL, 1),
                       (4, 3, 4000, 9000, 'callee-no-answer', 'finished', NULL, 0),
                       (5, 3, 5000, NULL, NULL, 'in-progress', NULL, 0)
                """)
        }
        let store = try CallStore(path: path)
        #expect(store.db.userVersion == Schema.migrations.count, "migration 6 and those after it ran")
        #expect(try store.call(1)?.release == ReleaseReason(.busyTone, detail: "busy"))
        #expect(try store.call(2)?.release?.kind == .agentHungUp)
        #expect(try store.call(3)?.release == nil, "after a survey the line may have been released by the caller or the survey: unknown")
        #expect(try store.call(4)?.release == ReleaseReason(.callFailed, detail: "callee-no-answer"))
        #expect(try store.call(5)?.release == nil)
        let tallies = try store.lineTallies(from: 0, to: .max)
        #expect(tallies[2]?.releases == ["busy-tone": 1, "agent-hung-up": 1])
        #expect(tallies[3]?.releases == ["unknown": 1, "call-failed": 1], "the call in progress is not counted")
    }

    @Test("per-line tallies count calls, release kinds, digits and false digits in a span, and those that ended by waiting")
    func lineTalliesCountEachLine() throws {
        let scratch = Scratch("tallies")
        defer { scratch.remove() }
        let store = try CallStore(path: scratch.path + "/kefu.db")
        func call(_ id: Int64, line: Int, at: Int64, _ release: ReleaseReason, keys: Int, falseDigits: Int) -> StoreItem {
            var c = CallDetail(callID: id, line: line, arrived: at)
            c.ended = at + 1_000
            c.release = release
            return .callFinished(c, telemetry: CallTelemetry(dtmfKeys: keys, falseDigitSuspects: falseDigits))
        }
        try store.write([
            call(1, line: 1, at: 100, .tone("busy", hertz: 450, on: 350, off: 350, cycles: 2), keys: 3, falseDigits: 0),
            call(2, line: 1, at: 200, ReleaseReason(.timeout, detail: "menu:main", milliseconds: 5_000, count: 3), keys: 0, falseDigits: 0),
            call(3, line: 1, at: 300, ReleaseReason(.maxLength, milliseconds: 3_600_000), keys: 5, falseDigits: 2),
            call(4, line: 2, at: 400, ReleaseReason(.loopDrop, milliseconds: 600), keys: 1, falseDigits: 1),
            call(5, line: 2, at: 50, ReleaseReason(.loopDrop), keys: 9, falseDigits: 9),
        ])
        let tallies = try store.lineTallies(from: 100, to: 1_000)
        let one = try #require(tallies[1])
        #expect(one.calls == 3 && one.dtmfKeys == 8 && one.falseDigits == 2)
        #expect(one.releases == ["busy-tone": 1, "timeout": 1, "max-length": 1])
        #expect(one.endedByWaiting == 2)
        #expect(tallies[2] == { var t = LineTally(line: 2); t.calls = 1; t.releases = ["loop-drop": 1]; t.dtmfKeys = 1; t.falseDigits = 1; return t }(),
                "the call before the span is left out")
    }
}
