import Records
import Reports

/// Where a report's figures were read from.
public enum ReportSource: String, Sendable, Equatable {
    /// The half-hour tables (48 rows a day per queue and agent).
    case halfHours = "half-hour tables"
    /// Every call, agent state and queue event row of the window.
    case rows
}

/// The center report from the database: from the half-hour tables when
/// they can give it (whole half hours, see `ReportSlots.unsuitable`, and
/// a window the tables cover), otherwise from the rows. Both give the same
/// figures.
extension CallStore {
    /// The report of `window`; `agents` are the config's agents (their
    /// state at the window's start counts even without a change inside).
    public func centerReport(window: ReportWindow, settings: ReportSettings, agents: [String]) throws(SQLiteError) -> (CenterReport, ReportSource) {
        if ReportSlots.unsuitable(window: window, settings: settings) == nil,
           let slots = try reportSlots(window: window, agents: agents) {
            return (CenterReport.compute(slots: slots, window: window, settings: settings), .halfHours)
        }
        return (try centerReportFromRows(window: window, settings: settings, agents: agents), .rows)
    }

    /// The report from the rows: the window's calls (and those up to the
    /// repeat window after it, for first-call resolution), the agents'
    /// states (with the ones that end wrap-ups of the window's calls) and
    /// the queue events.
    public func centerReportFromRows(window: ReportWindow, settings: ReportSettings, agents: [String]) throws(SQLiteError) -> CenterReport {
        let calls = try self.calls(from: window.from, to: window.to + Int64(settings.repeatWindowHours) * 3_600_000, withData: false)
        var lastEnd = window.to
        for call in calls where call.arrived < window.to && call.agent != nil {
            if let ended = call.ended { lastEnd = max(lastEnd, ended + settings.wrapUpMatchMilliseconds + 1) }
        }
        let states = try agentStates(from: window.from, to: window.to, agents: agents, through: lastEnd)
        let events = try queueEvents(from: window.from, to: window.to)
        return CenterReport.compute(calls: calls, agentStates: states, queueEvents: events, window: window, settings: settings)
    }

    /// The half-hour tables over `window`, with the states still open at
    /// its end counted up to it; nil when the tables do not hold the whole
    /// window (a database from before them opened read-only, half hours
    /// retention has cut, or rows stored after a window that ends inside a
    /// half hour).
    public func reportSlots(window: ReportWindow, agents: [String]) throws(SQLiteError) -> ReportSlots? {
        guard db.userVersion >= 3 else { return nil }
        let range = ReportSlots.slots(of: window)
        if let kept = try db.statement("SELECT value FROM report_meta WHERE name = 'complete-from-slot'").firstInt(),
           range.lowerBound < Int64(kept) {
            return nil
        }
        if !ReportSlot.isBoundary(window.to) {
            for sql in ["SELECT max(arrived_ms) FROM calls", "SELECT max(at_ms) FROM agent_states", "SELECT max(at_ms) FROM queue_events"] {
                if let last = try db.statement(sql).firstInt(), Int64(last) >= window.to { return nil }
            }
        }
        var slots = try SlotTables.read(range, db)
        var everyone = Set(agents)
        for (key, figures) in slots.agents where figures.changes > 0 { everyone.insert(key.name) }
        for agent in everyone.sorted() { try countOpenState(agent, window: window, into: &slots) }
        return slots
    }

    /// Adds the agent's last state, if it is still open, up to the window's
    /// end; a wrap-up still open is charged to its call up to there too.
    private func countOpenState(_ agent: String, window: ReportWindow, into slots: inout ReportSlots) throws(SQLiteError) {
        guard let last = try self.slots.neighbour(agent: agent, at: .max, id: .max, before: true), last.at < window.to else { return }
        slots.add(state: last.state, reason: last.reason, agent: agent, start: max(last.at, window.from), end: window.to)
        guard last.state == "wrap-up" else { return }
        let tolerance = SlotWriter.tolerance
        for id in try self.slots.callsEnded(agent: agent, from: last.at - tolerance, through: last.at + tolerance) {
            guard let call = try self.slots.storedCall(id), window.contains(call.detail.arrived),
                  try self.slots.wrapUpCharge(call.detail) == .open(start: last.at) else { continue }
            slots.addWrapUp(call: call.detail, milliseconds: max(0, window.to - last.at))
        }
    }

    /// A call in progress when the box stopped, marked interrupted (ended
    /// at `ended` when its recording says when).
    public func markInterrupted(_ id: Int64, ended: Int64?) throws(SQLiteError) {
        let old = try slots.callReplacing(id)
        try db.statement("UPDATE calls SET state = 'interrupted', end_reason = 'interrupted', ended_ms = ?2, release_kind = 'interrupted' WHERE id = ?1").run([id, ended])
        try slots.callWritten(id, replacing: old)
        if !batchingWrites { try slots.flush() }
    }

    /// Before retention deletes the calls that arrived before `before`: the
    /// half hours from the first one starting at or after it stay exact
    /// (queue events of the deleted calls that fall there are taken back);
    /// the ones before are dropped and reports over them read the rows left.
    func forgetSlots(before: Int64) throws(SQLiteError) {
        let kept = ReportSlot.of(before - 1) + 1
        let events = try db.statement("""
            SELECT call_id, queue, kind, agent, at_ms FROM queue_events
            WHERE call_id IN (SELECT id FROM calls WHERE arrived_ms < ?1) AND at_ms >= ?2
            """).rows([before, ReportSlot.start(kept)]) {
            StoredQueueEvent(callID: $0.int64(0), queue: $0.string(1), kind: $0.string(2), agent: $0.optionalString(3), at: $0.int64(4))
        }
        for event in events { slots.eventWritten(event, sign: -1) }
        try slots.flush()
        for table in ["report_queue_slots", "report_agent_slots", "report_pause_slots", "report_counts"] {
            try db.statement("DELETE FROM \(table) WHERE slot < ?1").run([kept])
        }
        try db.statement("""
            INSERT INTO report_meta (name, value) VALUES ('complete-from-slot', ?1)
            ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)
            """).run([kept])
    }
}
