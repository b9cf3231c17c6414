import Records

/// A recording as the database lists it.
public struct RecordingRow: Sendable, Equatable {
    public var callID: Int64
    public var path: String
    public var queue: String?
    public var agent: String?
    public var started: Int64
    public var ended: Int64?
    public var bytes: Int64
    public var sealedKey: String?
    /// recording, complete, repaired, cut-short, deleted.
    public var state: String
    public var note: String?
    public var score: Int?
    public var findings: String?
    public var flagged: Bool

    /// Seconds of audio (stereo 16-bit at 8 kHz: 32 000 bytes a second).
    public var seconds: Double { Double(bytes) / 32_000 }
}

extension CallStore {
    static let callColumns = """
        id, line, caller_number, caller_name, arrived_ms, answered_ms, connected_ms, ended_ms, end_reason, queue, agent,
        menu_path, keys, language, survey_asked, survey_score, missed_offers, queued_ms,
        (SELECT path FROM recordings r WHERE r.call_id = calls.id AND r.state != 'deleted'), direction, origin_call,
        holds, held_ms, transfers, conferences,
        release_kind, release_hz, release_on_ms, release_off_ms, release_count, release_ms, release_detail, release_by,
        called_number, caller_category
        """
    /// The same columns without the recording's path, holds and transfers
    /// (reports read millions of rows; the report tables add their own
    /// columns after these).
    static let leanCallColumns = """
        id, line, caller_number, caller_name, arrived_ms, answered_ms, connected_ms, ended_ms, end_reason, queue, agent,
        menu_path, keys, language, survey_asked, survey_score, missed_offers, queued_ms, NULL, direction, origin_call
        """

    static func call(_ s: SQLiteStatement) -> CallDetail {
        var c = CallDetail(callID: s.int64(0), line: s.int(1), arrived: s.int64(4))
        c.callerNumber = s.optionalString(2)
        c.callerName = s.optionalString(3)
        c.answered = s.optionalInt64(5)
        c.connected = s.optionalInt64(6)
        c.ended = s.optionalInt64(7)
        c.endReason = s.optionalString(8)
        c.queue = s.optionalString(9)
        c.agent = s.optionalString(10)
        let path = s.string(11)
        c.menuPath = path.isEmpty ? [] : path.split(separator: "\t").map(String.init)
        c.keys = s.string(12)
        c.language = s.optionalString(13)
        c.surveyAsked = s.int(14) != 0
        c.surveyScore = s.optionalInt(15)
        c.missedOffers = s.int(16)
        c.queued = s.optionalInt64(17)
        c.recording = s.optionalString(18)
        c.direction = s.string(19)
        c.origin = s.optionalInt64(20)
        return c
    }

    /// A row of `callColumns`: also the holds and transfers.
    static func fullCall(_ s: SQLiteStatement) -> CallDetail {
        var c = call(s)
        c.holds = s.int(21)
        c.heldMilliseconds = s.int64(22)
        let transfers = s.string(23)
        c.transfers = transfers.isEmpty ? [] : transfers.split(separator: "\t").map(String.init)
        c.conferences = s.int(24)
        if let kind = s.optionalString(25).flatMap(ReleaseReason.Kind.init(rawValue:)) {
            var r = ReleaseReason(kind, detail: s.optionalString(31), milliseconds: s.optionalInt(30), count: s.optionalInt(29), by: s.optionalString(32))
            r.hertz = s.optionalInt(26)
            r.onMilliseconds = s.optionalInt(27)
            r.offMilliseconds = s.optionalInt(28)
            c.release = r
        }
        c.calledNumber = s.optionalString(33)
        c.callerCategory = s.optionalString(34)
        return c
    }

    /// Calls that arrived in [from, to) (Unix ms), oldest first, with their
    /// collected data unless `withData` is false (reports do not need it).
    public func calls(from: Int64, to: Int64, withData: Bool = true) throws(SQLiteError) -> [CallDetail] {
        let columns = withData ? Self.callColumns : Self.leanCallColumns
        var calls = try db.statement("SELECT \(columns) FROM calls WHERE arrived_ms >= ?1 AND arrived_ms < ?2 ORDER BY arrived_ms, id")
            .rows([from, to], withData ? Self.fullCall : Self.call)
        if withData { try attachData(&calls) }
        return calls
    }

    /// A caller's calls, newest first.
    public func calls(caller: String, limit: Int = 100) throws(SQLiteError) -> [CallDetail] {
        var calls = try db.statement("SELECT \(Self.callColumns) FROM calls WHERE caller_number = ?1 ORDER BY arrived_ms DESC, id DESC LIMIT ?2")
            .rows([caller, limit], Self.fullCall)
        try attachData(&calls)
        return calls
    }

    public func call(_ id: Int64) throws(SQLiteError) -> CallDetail? {
        var calls = try db.statement("SELECT \(Self.callColumns) FROM calls WHERE id = ?1").rows([id], Self.fullCall)
        try attachData(&calls)
        return calls.first
    }

    /// What the DSP saw on a call.
    public func telemetry(_ id: Int64) throws(SQLiteError) -> CallTelemetry? {
        try db.statement("SELECT dtmf_keys, false_digit_suspects, ended_by_tone FROM calls WHERE id = ?1")
            .rows([id]) { CallTelemetry(dtmfKeys: $0.int(0), falseDigitSuspects: $0.int(1), endedByTone: $0.optionalString(2)) }.first
    }

    /// The state column of a call (in-progress, finished, interrupted).
    public func callState(_ id: Int64) throws(SQLiteError) -> String? {
        let rows = try db.statement("SELECT state FROM calls WHERE id = ?1").rows([id]) { $0.string(0) }
        return rows.first
    }

    private func attachData(_ calls: inout [CallDetail]) throws(SQLiteError) {
        for i in calls.indices {
            let pairs = try db.statement("SELECT key, value FROM call_data WHERE call_id = ?1").rows([calls[i].callID]) { ($0.string(0), $0.string(1)) }
            for (k, v) in pairs { calls[i].data[k] = v }
        }
    }

    static let recordingColumns = """
        r.call_id, r.path, r.queue, r.agent, r.started_ms, r.ended_ms, r.bytes, r.sealed_key, r.state, r.note, r.score, r.findings,
        coalesce((SELECT flagged FROM calls c WHERE c.id = r.call_id), 0)
        """

    static func recording(_ s: SQLiteStatement) -> RecordingRow {
        RecordingRow(callID: s.int64(0), path: s.string(1), queue: s.optionalString(2), agent: s.optionalString(3),
                     started: s.int64(4), ended: s.optionalInt64(5), bytes: s.int64(6), sealedKey: s.optionalString(7),
                     state: s.string(8), note: s.optionalString(9), score: s.optionalInt(10), findings: s.optionalString(11),
                     flagged: s.int(12) != 0)
    }

    /// A queue_events row (call_id, queue, kind, agent, waited_ms, talked_ms, detail, at_ms).
    static func queueEvent(_ s: SQLiteStatement) -> StoredQueueEvent {
        StoredQueueEvent(callID: s.int64(0), queue: s.string(1), kind: s.string(2), agent: s.optionalString(3),
                         waited: s.optionalInt64(4), talked: s.optionalInt64(5), detail: s.optionalString(6), at: s.int64(7))
    }

    /// An agent_states row (agent, state, reason, call_id, phone, at_ms).
    static func agentState(_ s: SQLiteStatement) -> StoredAgentState {
        StoredAgentState(agent: s.string(0), state: s.string(1), reason: s.optionalString(2), callID: s.optionalInt64(3),
                         phone: s.optionalInt(4), at: s.int64(5))
    }

    /// Recordings (not deleted ones unless asked) that started in [from, to), oldest first.
    public func recordings(from: Int64 = .min, to: Int64 = .max, includeDeleted: Bool = false) throws(SQLiteError) -> [RecordingRow] {
        try db.statement("""
            SELECT \(Self.recordingColumns) FROM recordings r
            WHERE r.started_ms >= ?1 AND r.started_ms < ?2 AND (?3 OR r.state != 'deleted') ORDER BY r.started_ms, r.call_id
            """).rows([from, to, includeDeleted], Self.recording)
    }

    public func recording(_ callID: Int64) throws(SQLiteError) -> RecordingRow? {
        try db.statement("SELECT \(Self.recordingColumns) FROM recordings r WHERE r.call_id = ?1").rows([callID], Self.recording).first
    }

    /// Audit entries in [from, to), oldest first.
    public func audit(from: Int64 = .min, to: Int64 = .max) throws(SQLiteError) -> [AuditEntry] {
        try db.statement("SELECT at_ms, user, action, object, detail FROM audit WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, id")
            .rows([from, to]) { AuditEntry(at: $0.int64(0), user: $0.string(1), action: $0.string(2), object: $0.string(3), detail: $0.optionalString(4)) }
    }

    public func queueEvents(call: Int64) throws(SQLiteError) -> [StoredQueueEvent] {
        try db.statement("SELECT call_id, queue, kind, agent, waited_ms, talked_ms, detail, at_ms FROM queue_events WHERE call_id = ?1 ORDER BY id")
            .rows([call], Self.queueEvent)
    }

    public func agentStates(agent: String) throws(SQLiteError) -> [StoredAgentState] {
        try db.statement("SELECT agent, state, reason, call_id, phone, at_ms FROM agent_states WHERE agent = ?1 ORDER BY id")
            .rows([agent], Self.agentState)
    }

    /// Marks a call flagged (a complaint: its recording is kept longer) or not.
    public func setFlagged(_ callID: Int64, _ flagged: Bool) throws(SQLiteError) {
        try db.statement("UPDATE calls SET flagged = ?2 WHERE id = ?1").run([callID, flagged])
    }

    /// Marks a recording deleted (the file is gone), keeping the row for the audit trail.
    public func markDeleted(_ callID: Int64, at: Int64, reason: String) throws(SQLiteError) {
        try db.statement("UPDATE recordings SET state = 'deleted', deleted_ms = ?2, delete_reason = ?3 WHERE call_id = ?1")
            .run([callID, at, reason])
    }

    /// Deletes call rows (and their data and events) that arrived before `before`; returns how many.
    public func deleteCalls(before: Int64) throws(SQLiteError) -> Int {
        try db.transaction { () throws(SQLiteError) -> Int in
            try forgetSlots(before: before)
            try db.statement("DELETE FROM queue_events WHERE call_id IN (SELECT id FROM calls WHERE arrived_ms < ?1)").run([before])
            try db.statement("DELETE FROM recordings WHERE state = 'deleted' AND call_id IN (SELECT id FROM calls WHERE arrived_ms < ?1)").run([before])
            try db.statement("DELETE FROM calls WHERE arrived_ms < ?1 AND state != 'in-progress' AND id NOT IN (SELECT call_id FROM recordings)").run([before])
            return db.changes
        }
    }

    /// Deletes audit entries older than `before` (retention), first writing
    /// an entry that says so at `now`: the log's append-only trigger lets an
    /// entry go only 30 days after the newest one. Returns how many went.
    @discardableResult
    public func deleteAudit(before: Int64, now: Int64) throws(SQLiteError) -> Int {
        try db.transaction { () throws(SQLiteError) -> Int in
            let old = try db.statement("SELECT count(*) FROM audit WHERE at_ms < ?1").firstInt([before]) ?? 0
            guard old > 0 else { return 0 }
            try apply(.audit(AuditEntry(at: now, user: "retention", action: "retention-delete", object: "audit entries before \(before)",
                                        detail: "\(old) entries past audit_days")))
            try db.statement("DELETE FROM audit WHERE at_ms < ?1").run([before])
            return db.changes
        }
    }
}

/// Counts for `kefu storage`.
public struct StoreSummary: Sendable, Equatable {
    public var calls: Int
    public var recordings: Int
    public var recordingBytes: Int64
    public var openRecordings: Int
    public var flagged: Int
    public var auditEntries: Int
}

extension CallStore {
    public func summary() throws(SQLiteError) -> StoreSummary {
        StoreSummary(calls: try db.statement("SELECT count(*) FROM calls").firstInt() ?? 0,
                     recordings: try db.statement("SELECT count(*) FROM recordings WHERE state != 'deleted'").firstInt() ?? 0,
                     recordingBytes: Int64(try db.statement("SELECT coalesce(sum(bytes), 0) FROM recordings WHERE state != 'deleted'").firstInt() ?? 0),
                     openRecordings: try db.statement("SELECT count(*) FROM recordings WHERE state = 'recording'").firstInt() ?? 0,
                     flagged: try db.statement("SELECT count(*) FROM calls WHERE flagged != 0").firstInt() ?? 0,
                     auditEntries: try db.statement("SELECT count(*) FROM audit").firstInt() ?? 0)
    }

    /// Bytes recorded per day over the last `days` days (fewer for a younger box), oldest first.
    public func dailyRecordedBytes(now: Int64, days: Int = 7) throws(SQLiteError) -> [Int64] {
        try RetentionRunner.dailyBytes(self, now: now, days: days)
    }
}

/// A supervisor's note on a caller's history.
public struct CallerNote: Sendable, Equatable {
    public var caller: String
    public var at: Int64
    public var user: String
    public var text: String
    public init(caller: String, at: Int64, user: String, text: String) {
        self.caller = caller
        self.at = at
        self.user = user
        self.text = text
    }
}

extension CallStore {
    public func addNote(_ note: CallerNote) throws(SQLiteError) {
        try db.statement("INSERT INTO caller_notes (caller_number, at_ms, user, text) VALUES (?1, ?2, ?3, ?4)")
            .run([note.caller, note.at, note.user, note.text])
    }

    /// A caller's notes, newest first.
    public func notes(caller: String) throws(SQLiteError) -> [CallerNote] {
        try db.statement("SELECT caller_number, at_ms, user, text FROM caller_notes WHERE caller_number = ?1 ORDER BY at_ms DESC, id DESC")
            .rows([caller]) { CallerNote(caller: $0.string(0), at: $0.int64(1), user: $0.string(2), text: $0.string(3)) }
    }
}

extension CallStore {
    /// Every agent's state changes in [from, to), oldest first, after the
    /// last change before `from` of each of `agents` and of every agent with
    /// a change inside (the state they were in when the window opened; one
    /// indexed lookup each). With `through` past `to`, the changes up to
    /// `through` follow, then each of those agents' first change at or after
    /// it: they end the wrap-ups of calls near the window's end, whose length
    /// is the whole state's (a report counts no time past `to`).
    public func agentStates(from: Int64, to: Int64, agents: [String], through: Int64? = nil) throws(SQLiteError) -> [StoredAgentState] {
        let end = max(to, through ?? to)
        let inside = try db.statement("SELECT agent, state, reason, call_id, phone, at_ms FROM agent_states WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, id")
            .rows([from, end], Self.agentState)
        var everyone = agents
        var named = Set(agents)
        for state in inside where state.at < to && !named.contains(state.agent) {
            named.insert(state.agent)
            everyone.append(state.agent)
        }
        var opening: [StoredAgentState] = []
        var closing: [StoredAgentState] = []
        for agent in everyone {
            opening += try db.statement("""
                SELECT agent, state, reason, call_id, phone, at_ms FROM agent_states
                WHERE agent = ?1 AND at_ms < ?2 ORDER BY at_ms DESC, id DESC LIMIT 1
                """).rows([agent, from], Self.agentState)
            guard end > to else { continue }
            closing += try db.statement("""
                SELECT agent, state, reason, call_id, phone, at_ms FROM agent_states
                WHERE agent = ?1 AND at_ms >= ?2 ORDER BY at_ms, id LIMIT 1
                """).rows([agent, end], Self.agentState)
        }
        opening.sort { $0.at < $1.at }
        closing.sort { $0.at < $1.at }
        return opening + inside + closing
    }

    /// Queue events in [from, to), oldest first.
    public func queueEvents(from: Int64, to: Int64) throws(SQLiteError) -> [StoredQueueEvent] {
        try db.statement("SELECT call_id, queue, kind, agent, waited_ms, talked_ms, detail, at_ms FROM queue_events WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, id")
            .rows([from, to], Self.queueEvent)
    }
}
