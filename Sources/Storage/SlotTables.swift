import Records
import Reports

/// The report's half-hour tables in SQL: adding shares to them and reading
/// a range of half hours back as `ReportSlots`.
enum SlotTables {
    /// Adds every share in `slots` to the tables (counts add up; a longest
    /// wait only ever grows here).
    static func write(_ slots: ReportSlots, _ db: SQLiteDatabase) throws(SQLiteError) {
        let queueRow = try db.statement("""
            INSERT INTO report_queue_slots (slot, queue, offered, answered, abandoned, refused, other_ends, callbacks_booked,
                callbacks_connected, messages_left, answer_wait_ms, abandon_wait_ms, longest_wait_ms, talk_ms, wrap_up_ms,
                resolution_base, repeat_calls, not_queued)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
            ON CONFLICT (slot, queue) DO UPDATE SET offered = offered + excluded.offered, answered = answered + excluded.answered,
                abandoned = abandoned + excluded.abandoned, refused = refused + excluded.refused,
                other_ends = other_ends + excluded.other_ends, callbacks_booked = callbacks_booked + excluded.callbacks_booked,
                callbacks_connected = callbacks_connected + excluded.callbacks_connected,
                messages_left = messages_left + excluded.messages_left, answer_wait_ms = answer_wait_ms + excluded.answer_wait_ms,
                abandon_wait_ms = abandon_wait_ms + excluded.abandon_wait_ms,
                longest_wait_ms = max(longest_wait_ms, excluded.longest_wait_ms), talk_ms = talk_ms + excluded.talk_ms,
                wrap_up_ms = wrap_up_ms + excluded.wrap_up_ms, resolution_base = resolution_base + excluded.resolution_base,
                repeat_calls = repeat_calls + excluded.repeat_calls, not_queued = not_queued + excluded.not_queued
            """)
        for (key, q) in slots.queues {
            try queueRow.run([key.slot, key.name, q.offered, q.answered, q.abandoned, q.refused, q.otherEnds, q.callbacksBooked,
                              q.callbacksConnected, q.messagesLeft, q.answerWaitMilliseconds, q.abandonWaitMilliseconds,
                              q.longestWaitMilliseconds, q.talkMilliseconds, q.wrapUpMilliseconds, q.resolutionBase, q.repeatCalls,
                              q.notQueued])
            try count(q.answerWaits, "answer-wait", key, db)
            try count(q.abandonWaits, "abandon-wait", key, db)
            try count(q.scores, "queue-score", key, db)
        }
        let agentRow = try db.statement("""
            INSERT INTO report_agent_slots (slot, agent, answered, talk_ms, wrap_up_ms, available_ms, ringing_ms, on_call_ms,
                wrap_up_state_ms, paused_ms, other_ms, offers, missed_offers, changes)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
            ON CONFLICT (slot, agent) DO UPDATE SET answered = answered + excluded.answered, talk_ms = talk_ms + excluded.talk_ms,
                wrap_up_ms = wrap_up_ms + excluded.wrap_up_ms, available_ms = available_ms + excluded.available_ms,
                ringing_ms = ringing_ms + excluded.ringing_ms, on_call_ms = on_call_ms + excluded.on_call_ms,
                wrap_up_state_ms = wrap_up_state_ms + excluded.wrap_up_state_ms, paused_ms = paused_ms + excluded.paused_ms,
                other_ms = other_ms + excluded.other_ms, offers = offers + excluded.offers,
                missed_offers = missed_offers + excluded.missed_offers, changes = changes + excluded.changes
            """)
        let pauseRow = try db.statement("""
            INSERT INTO report_pause_slots (slot, agent, reason, ms) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (slot, agent, reason) DO UPDATE SET ms = ms + excluded.ms
            """)
        for (key, a) in slots.agents {
            try agentRow.run([key.slot, key.name, a.answered, a.talkMilliseconds, a.wrapUpMilliseconds, a.availableMilliseconds,
                              a.ringingMilliseconds, a.onCallMilliseconds, a.wrapUpStateMilliseconds, a.pausedMilliseconds,
                              a.otherMilliseconds, a.offers, a.missedOffers, a.changes])
            for (reason, ms) in a.pausedByReason where ms != 0 { try pauseRow.run([key.slot, key.name, reason, ms]) }
            try count(a.scores, "agent-score", key, db)
        }
    }

    private static func count(_ values: [Int: Int], _ kind: String, _ key: SlotKey, _ db: SQLiteDatabase) throws(SQLiteError) {
        for (value, calls) in values where calls != 0 {
            try db.statement("""
                INSERT INTO report_counts (slot, kind, owner, value, calls) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (slot, kind, owner, value) DO UPDATE SET calls = calls + excluded.calls
                """).run([key.slot, kind, key.name, value, calls])
        }
    }

    /// Finds a queue's longest wait in a half hour again from its call rows
    /// (after a call that may have held it was taken back).
    static func redoLongestWait(_ key: SlotKey, _ db: SQLiteDatabase) throws(SQLiteError) {
        var slots = ReportSlots()
        let start = ReportSlot.start(key.slot)
        let rows = try db.statement("""
            SELECT \(CallStore.leanCallColumns), wrap_up_ms, repeated FROM calls
            WHERE queue = ?1 AND arrived_ms >= ?2 AND arrived_ms < ?3
            """).rows([key.name, start, start + ReportSlot.milliseconds]) { ($0.int64(21), $0.int(22) != 0, CallStore.call($0)) }
        for (wrapUp, repeated, call) in rows { slots.add(call: call, wrapUpMilliseconds: wrapUp, repeated: repeated) }
        try db.statement("UPDATE report_queue_slots SET longest_wait_ms = ?3 WHERE slot = ?1 AND queue = ?2")
            .run([key.slot, key.name, slots.queues[key]?.longestWaitMilliseconds ?? 0])
    }

    /// The tables' half hours in `range`.
    static func read(_ range: Range<Int64>, _ db: SQLiteDatabase) throws(SQLiteError) -> ReportSlots {
        var slots = ReportSlots()
        let bounds: [SQLiteBindable] = [range.lowerBound, range.upperBound]
        for (key, q) in try db.statement("""
            SELECT slot, queue, offered, answered, abandoned, refused, other_ends, callbacks_booked, callbacks_connected,
                messages_left, answer_wait_ms, abandon_wait_ms, longest_wait_ms, talk_ms, wrap_up_ms, resolution_base,
                repeat_calls, not_queued
            FROM report_queue_slots WHERE slot >= ?1 AND slot < ?2
            """).rows(bounds, queueSlot) {
            slots.queues[key] = q
        }
        for (key, a) in try db.statement("""
            SELECT slot, agent, answered, talk_ms, wrap_up_ms, available_ms, ringing_ms, on_call_ms, wrap_up_state_ms,
                paused_ms, other_ms, offers, missed_offers, changes
            FROM report_agent_slots WHERE slot >= ?1 AND slot < ?2
            """).rows(bounds, agentSlot) {
            slots.agents[key] = a
        }
        for (key, reason, ms) in try db.statement("SELECT slot, agent, reason, ms FROM report_pause_slots WHERE slot >= ?1 AND slot < ?2")
            .rows(bounds, { (SlotKey(slot: $0.int64(0), name: $0.string(1)), $0.string(2), $0.int64(3)) }) {
            slots.agents[key, default: AgentSlotFigures()].pausedByReason[reason, default: 0] += ms
        }
        for (key, kind, value, calls) in try db.statement("SELECT slot, owner, kind, value, calls FROM report_counts WHERE slot >= ?1 AND slot < ?2")
            .rows(bounds, { (SlotKey(slot: $0.int64(0), name: $0.string(1)), $0.string(2), $0.int(3), $0.int(4)) }) {
            switch kind {
            case "answer-wait": slots.queues[key, default: QueueSlotFigures()].answerWaits[value, default: 0] += calls
            case "abandon-wait": slots.queues[key, default: QueueSlotFigures()].abandonWaits[value, default: 0] += calls
            case "queue-score": slots.queues[key, default: QueueSlotFigures()].scores[value, default: 0] += calls
            default: slots.agents[key, default: AgentSlotFigures()].scores[value, default: 0] += calls
            }
        }
        return slots
    }

    private static func queueSlot(_ s: SQLiteStatement) -> (SlotKey, QueueSlotFigures) {
        var q = QueueSlotFigures()
        q.offered = s.int(2); q.answered = s.int(3); q.abandoned = s.int(4); q.refused = s.int(5); q.otherEnds = s.int(6)
        q.callbacksBooked = s.int(7); q.callbacksConnected = s.int(8); q.messagesLeft = s.int(9)
        q.answerWaitMilliseconds = s.int64(10); q.abandonWaitMilliseconds = s.int64(11); q.longestWaitMilliseconds = s.int64(12)
        q.talkMilliseconds = s.int64(13); q.wrapUpMilliseconds = s.int64(14); q.resolutionBase = s.int(15)
        q.repeatCalls = s.int(16); q.notQueued = s.int(17)
        return (SlotKey(slot: s.int64(0), name: s.string(1)), q)
    }

    private static func agentSlot(_ s: SQLiteStatement) -> (SlotKey, AgentSlotFigures) {
        var a = AgentSlotFigures()
        a.answered = s.int(2); a.talkMilliseconds = s.int64(3); a.wrapUpMilliseconds = s.int64(4)
        a.availableMilliseconds = s.int64(5); a.ringingMilliseconds = s.int64(6); a.onCallMilliseconds = s.int64(7)
        a.wrapUpStateMilliseconds = s.int64(8); a.pausedMilliseconds = s.int64(9); a.otherMilliseconds = s.int64(10)
        a.offers = s.int(11); a.missedOffers = s.int(12); a.changes = s.int(13)
        return (SlotKey(slot: s.int64(0), name: s.string(1)), a)
    }
}
