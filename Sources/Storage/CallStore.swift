import Records

/// The call database: writes `StoreItem`s and answers the queries reports,
/// the console and retention need. One `CallStore` per connection (per
/// thread); the daemon's writes go through `StoreWriter`'s thread.
public final class CallStore {
    public let db: SQLiteDatabase
    /// Keeps the report's half-hour tables in step with the rows written.
    let slots: SlotWriter
    /// Inside `write`: the tables are written once, at its end.
    private(set) var batchingWrites = false

    /// Opens (creating) the database at `path` and brings its schema up to date.
    public init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 200) throws(SQLiteError) {
        db = try SQLiteDatabase(path: path, create: !readOnly, readOnly: readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        slots = SlotWriter(db: db)
        if !readOnly { try Schema.migrate(db) }
    }

    /// The highest call id ever stored (new calls are numbered above it).
    /// A call cut off by a crash before its row was written (still in the
    /// menus or waiting) may have left queue events or a message only: its
    /// number is taken too, so a new call never inherits its events.
    public func lastCallID() throws(SQLiteError) -> Int64 {
        let highest = try db.statement("""
            SELECT max(m) FROM (SELECT max(id) AS m FROM calls UNION ALL SELECT max(call_id) FROM recordings
                                UNION ALL SELECT max(call_id) FROM queue_events UNION ALL SELECT max(call_id) FROM messages)
            """).firstInt() ?? 0
        return Int64(highest)
    }

    /// Writes items in one transaction.
    public func write(_ items: [StoreItem]) throws(SQLiteError) {
        do {
            try db.transaction { () throws(SQLiteError) in
                batchingWrites = true
                defer { batchingWrites = false }
                for item in items { try apply(item) }
                try slots.flush()
            }
        } catch {
            slots.discard()
            throw error
        }
    }

    public func apply(_ item: StoreItem) throws(SQLiteError) {
        do {
            try store(item)
            if !batchingWrites { try slots.flush() }
        } catch {
            if !batchingWrites { slots.discard() }
            throw error
        }
    }

    private func store(_ item: StoreItem) throws(SQLiteError) {
        switch item {
        case .callStarted(let id, let line, let arrived):
            try db.statement("INSERT OR IGNORE INTO calls (id, line, arrived_ms, state) VALUES (?1, ?2, ?3, 'in-progress')")
                .run([id, line, arrived])
            if db.changes > 0 { try slots.callWritten(id, replacing: nil) }
        case .callFinished(let call, let telemetry):
            try insertFinished(call, telemetry, state: "finished")
        case .callInterrupted(let call, let telemetry):
            try insertFinished(call, telemetry, state: "interrupted")
        case .queueEvent(let e):
            try db.statement("""
                INSERT INTO queue_events (call_id, queue, kind, agent, waited_ms, talked_ms, detail, at_ms)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """).run([e.callID, e.queue, e.kind, e.agent, e.waited, e.talked, e.detail, e.at])
            slots.eventWritten(e)
        case .agentState(let s):
            let wrapUps = try slots.stateInserting(s)
            try db.statement("INSERT INTO agent_states (agent, state, reason, call_id, phone, at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .run([s.agent, s.state, s.reason, s.callID, s.phone, s.at])
            try slots.stateInserted(agent: s.agent, wrapUpsAt: wrapUps)
        case .messageSaved(let m):
            try insertMessage(m)
        case .recordingStarted(let r):
            try db.statement("""
                INSERT OR REPLACE INTO recordings (call_id, path, queue, agent, started_ms, sealed_key, state)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'recording')
                """).run([r.callID, r.path, r.queue, r.agent, r.started, r.sealedKey])
        case .recordingFinished(let r):
            let q = r.quality
            try db.statement("""
                UPDATE recordings SET ended_ms = ?2, bytes = ?3, state = ?4, note = ?5, caller_talk_ms = ?6,
                    agent_talk_ms = ?7, over_talk_ms = ?8, long_silences = ?9, longest_silence_ms = ?10, score = ?11, findings = ?12
                WHERE call_id = ?1
                """).run([r.callID, r.ended, r.bytes, r.state.rawValue, r.note, q?.callerTalk, q?.agentTalk, q?.overTalk,
                          q?.longSilences, q?.longestSilence, q?.score, q?.findings])
        case .audit(let a):
            try db.statement("INSERT INTO audit (at_ms, user, action, object, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .run([a.at, a.user, a.action, a.object, a.detail])
        }
    }

    private func insertFinished(_ c: CallDetail, _ t: CallTelemetry, state: String) throws(SQLiteError) {
        let old = try slots.callReplacing(c.callID)
        let r = c.release
        try db.statement("""
            INSERT INTO calls (id, line, caller_number, caller_name, arrived_ms, answered_ms, connected_ms, ended_ms,
                end_reason, queue, agent, menu_path, keys, language, survey_asked, survey_score, missed_offers, state,
                dtmf_keys, ended_by_tone, false_digit_suspects, queued_ms, direction, origin_call, holds, held_ms, transfers, conferences,
                release_kind, release_hz, release_on_ms, release_off_ms, release_count, release_ms, release_detail, release_by,
                called_number, caller_category)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?20, ?18, ?19, ?21, ?22, ?23, ?24,
                    ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38)
            ON CONFLICT(id) DO UPDATE SET line = excluded.line, caller_number = excluded.caller_number,
                caller_name = excluded.caller_name, arrived_ms = excluded.arrived_ms, answered_ms = excluded.answered_ms,
                connected_ms = excluded.connected_ms, ended_ms = excluded.ended_ms, end_reason = excluded.end_reason,
                queue = excluded.queue, agent = excluded.agent, menu_path = excluded.menu_path, keys = excluded.keys,
                language = excluded.language, survey_asked = excluded.survey_asked, survey_score = excluded.survey_score,
                missed_offers = excluded.missed_offers, state = excluded.state, dtmf_keys = excluded.dtmf_keys,
                ended_by_tone = excluded.ended_by_tone, false_digit_suspects = excluded.false_digit_suspects, queued_ms = excluded.queued_ms,
                direction = excluded.direction, origin_call = excluded.origin_call, holds = excluded.holds, held_ms = excluded.held_ms,
                transfers = excluded.transfers, conferences = excluded.conferences, release_kind = excluded.release_kind,
                release_hz = excluded.release_hz, release_on_ms = excluded.release_on_ms, release_off_ms = excluded.release_off_ms,
                release_count = excluded.release_count, release_ms = excluded.release_ms, release_detail = excluded.release_detail,
                release_by = excluded.release_by, called_number = excluded.called_number, caller_category = excluded.caller_category
            """).run([c.callID, c.line, c.callerNumber, c.callerName, c.arrived, c.answered, c.connected, c.ended,
                      c.endReason, c.queue, c.agent, c.menuPath.joined(separator: "\t"), c.keys, c.language, c.surveyAsked,
                      c.surveyScore, c.missedOffers, t.dtmfKeys, t.endedByTone, state, t.falseDigitSuspects, c.queued, c.direction, c.origin,
                      c.holds, c.heldMilliseconds, c.transfers.joined(separator: "\t"), c.conferences,
                      r?.kind.rawValue, r?.hertz, r?.onMilliseconds, r?.offMilliseconds, r?.count, r?.milliseconds, r?.detail, r?.by,
                      c.calledNumber, c.callerCategory])
        try db.statement("DELETE FROM call_data WHERE call_id = ?1").run([c.callID])
        for (key, value) in c.data.sorted(by: { $0.key < $1.key }) {
            try db.statement("INSERT INTO call_data (call_id, key, value) VALUES (?1, ?2, ?3)").run([c.callID, key, value])
        }
        try slots.callWritten(c.callID, replacing: old)
    }
}
