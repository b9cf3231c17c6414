import Records
import Reports

/// Counts the rows a database held before the half-hour tables existed
/// into them, once, when migration 3 runs (in its transaction): the repeat
/// marks in one SQL pass over the callers' calls, each answered call's
/// wrap-up by the same lookup the writer uses, then every call, state
/// interval and queue event's share, read in chunks.
enum SlotBackfill {
    static let chunk = 50_000

    static func run(_ db: SQLiteDatabase) throws(SQLiteError) {
        try db.execute("""
            UPDATE calls SET repeated = 1 WHERE id IN (
                SELECT id FROM (
                    SELECT id, arrived_ms, lead(arrived_ms) OVER (PARTITION BY caller_number ORDER BY arrived_ms, id) AS next_ms
                    FROM calls WHERE caller_number IS NOT NULL AND caller_number != '')
                WHERE next_ms - arrived_ms <= \(SlotWriter.repeatWindow))
            """)
        let writer = SlotWriter(db: db)
        var last = Int64.min
        while true {
            let calls = try db.statement("""
                SELECT \(CallStore.leanCallColumns), wrap_up_ms, repeated FROM calls WHERE id > ?1 ORDER BY id LIMIT ?2
                """).rows([last, chunk]) { SlotWriter.StoredCall(detail: CallStore.call($0), wrapUp: $0.int64(21), repeated: $0.int(22) != 0) }
            guard let tail = calls.last else { break }
            last = tail.detail.callID
            for call in calls {
                let wrapUp = try writer.wrapUpCharged(call.detail)
                if wrapUp != call.wrapUp {
                    try db.statement("UPDATE calls SET wrap_up_ms = ?2 WHERE id = ?1").run([call.detail.callID, wrapUp])
                }
                writer.pending.add(call: call.detail, wrapUpMilliseconds: wrapUp, repeated: call.repeated)
            }
            try writer.flush()
        }
        try states(db, writer)
        last = Int64.min
        while true {
            let events = try db.statement("""
                SELECT id, call_id, queue, kind, agent, waited_ms, talked_ms, detail, at_ms FROM queue_events WHERE id > ?1 ORDER BY id LIMIT ?2
                """).rows([last, chunk]) { ($0.int64(0), StoredQueueEvent(callID: $0.int64(1), queue: $0.string(2), kind: $0.string(3),
                                                                          agent: $0.optionalString(4), at: $0.int64(8))) }
            guard let tail = events.last else { break }
            last = tail.0
            for (_, event) in events { writer.eventWritten(event) }
            try writer.flush()
        }
    }

    /// Each agent's states in order: every state lasts to the next one.
    private static func states(_ db: SQLiteDatabase, _ writer: SlotWriter) throws(SQLiteError) {
        var after = (agent: "", at: Int64.min, id: Int64.min)
        var previous: SlotWriter.StateRow?
        var previousAgent = ""
        while true {
            let rows = try db.statement("""
                SELECT id, state, reason, call_id, at_ms, agent FROM agent_states
                WHERE (agent, at_ms, id) > (?1, ?2, ?3) ORDER BY agent, at_ms, id LIMIT ?4
                """).rows([after.agent, after.at, after.id, chunk]) { (SlotWriter.stateRow($0), $0.string(5)) }
            guard let tail = rows.last else { break }
            after = (tail.1, tail.0.at, tail.0.id)
            for (state, agent) in rows {
                if let p = previous, previousAgent == agent {
                    writer.pending.add(state: p.state, reason: p.reason, agent: agent, start: p.at, end: state.at)
                }
                writer.pending.addChange(agent: agent, at: state.at)
                previous = state
                previousAgent = agent
            }
            try writer.flush()
        }
    }
}
