import Foundation
import Records
import Storage
import Testing

@Suite struct CallStoreTests {
    static func sampleCall(_ id: Int64, caller: String = "13800138000", arrived: Int64 = 1_780_000_000_000) -> CallDetail {
        var c = CallDetail(callID: id, line: 3, arrived: arrived)
        c.callerNumber = caller
        c.callerName = "王小明"
        c.answered = arrived + 4_000
        c.queued = arrived + 11_000
        c.connected = arrived + 19_000
        c.ended = arrived + 79_000
        c.endReason = "agent-hung-up"
        c.queue = "support"
        c.agent = "8001"
        c.menuPath = ["main", "support"]
        c.data = ["order_number": "2026031501", "id_last4": "1234"]
        c.keys = "22026031501#"
        c.language = "zh"
        c.surveyAsked = true
        c.surveyScore = 4
        c.missedOffers = 1
        c.holds = 2
        c.heldMilliseconds = 31_500
        c.transfers = ["8003", "support"]
        c.conferences = 1
        return c
    }

    @Test("a new database gets the newest schema; reopening runs no migration twice")
    func migrationsRunOnce() throws {
        let scratch = Scratch("schema")
        defer { scratch.remove() }
        let path = scratch.path + "/kefu.db"
        let first = try CallStore(path: path)
        #expect(first.db.userVersion == Schema.migrations.count)
        try first.write([.callStarted(callID: 7, line: 1, arrived: 1)])
        let second = try CallStore(path: path)
        #expect(second.db.userVersion == Schema.migrations.count)
        #expect(try second.lastCallID() == 7)
    }

    @Test("call numbering continues above calls that left only queue events or a message (cut off by a crash before their row)")
    func numberingSkipsCallsWithoutARow() throws {
        let scratch = Scratch("numbering")
        defer { scratch.remove() }
        let store = try CallStore(path: scratch.path + "/kefu.db")
        try store.write([.callStarted(callID: 3, line: 1, arrived: 1),
                         .queueEvent(StoredQueueEvent(callID: 9, queue: "sales", kind: "joined", at: 2))])
        #expect(try store.lastCallID() == 9)
        try store.write([.messageSaved(StoredMessage(callID: 12, box: "sales", callerNumber: nil, at: 3, durationMilliseconds: 1_000, path: "m.wav"))])
        #expect(try store.lastCallID() == 12)
    }

    @Test("a database from newer firmware is refused with its version named, not misread")
    func newerSchemaRefused() throws {
        let scratch = Scratch("newer")
        defer { scratch.remove() }
        let path = scratch.path + "/kefu.db"
        let db = try SQLiteDatabase(path: path)
        try db.execute("PRAGMA user_version = \(Schema.migrations.count + 5)")
        #expect { try CallStore(path: path) } throws: { error in
            "\(error)".contains("schema version \(Schema.migrations.count + 5)")
        }
    }

    @Test("a finished call reads back field for field, with its collected data, holds and transfers, and replaces its in-progress row")
    func finishedCallRoundTrip() throws {
        let scratch = Scratch("roundtrip")
        defer { scratch.remove() }
        let store = try CallStore(path: scratch.path + "/kefu.db")
        let call = Self.sampleCall(42)
        try store.write([.callStarted(callID: 42, line: 3, arrived: call.arrived)])
        #expect(try store.callState(42) == "in-progress")
        try store.write([.callFinished(call, telemetry: CallTelemetry(dtmfKeys: 12, falseDigitSuspects: 2, endedByTone: "busy"))])
        #expect(try store.telemetry(42) == CallTelemetry(dtmfKeys: 12, falseDigitSuspects: 2, endedByTone: "busy"))
        #expect(try store.callState(42) == "finished")
        #expect(try store.call(42) == call)
        #expect(try store.calls(from: call.arrived, to: call.arrived + 1) == [call])
        #expect(try store.calls(from: call.arrived + 1, to: .max).isEmpty)
        #expect(try store.calls(caller: "13800138000") == [call])
    }

    @Test("queue events, agent states and audit entries are kept in order")
    func eventsKeptInOrder() throws {
        let scratch = Scratch("events")
        defer { scratch.remove() }
        let store = try CallStore(path: scratch.path + "/kefu.db")
        let events = [StoredQueueEvent(callID: 5, queue: "sales", kind: "joined", at: 10),
                      StoredQueueEvent(callID: 5, queue: "sales", kind: "offered", agent: "8002", at: 20),
                      StoredQueueEvent(callID: 5, queue: "sales", kind: "answered", agent: "8002", waited: 12_000, at: 30)]
        let states = [StoredAgentState(agent: "8002", state: "ringing", callID: 5, phone: 10, at: 20),
                      StoredAgentState(agent: "8002", state: "paused", reason: "lunch", at: 90)]
        let audit = AuditEntry(at: 100, user: "zhang", action: "export", object: "recording 5", detail: "to /tmp/x.wav")
        try store.write(events.map(StoreItem.queueEvent) + states.map(StoreItem.agentState) + [.audit(audit)])
        #expect(try store.queueEvents(call: 5) == events)
        #expect(try store.agentStates(agent: "8002") == states)
        #expect(try store.audit() == [audit])
    }
}
