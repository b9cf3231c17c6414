import Records
import Reports

/// Keeps the report's half-hour tables (migration 3) in step with the rows,
/// in the transaction that writes them: every call, agent state and queue
/// event adds its share (`ReportSlots`), and a row that changes takes its
/// old share back first. The shares are gathered in memory and written
/// once per transaction (`flush`), one upsert per half hour touched.
///
/// Two figures of a call depend on rows written later, so each call row
/// keeps them and they are worked out again when such a row arrives:
/// - `repeated`: the caller called again within 24 hours (first-call
///   resolution). Storing a call looks up the caller's previous call (index
///   on caller and arrival) and marks it when this one comes within 24 hours.
/// - `wrap_up_ms`: the wrap-up charged to the call (AHT), known once the
///   agent's wrap-up state has ended. Storing a state that ends, starts or
///   follows a wrap-up works out again the calls of that agent that ended
///   within the match of the wrap-up's start (index on agent and end).
/// Both follow the report engine's rules (`CenterReport.compute`) exactly.
final class SlotWriter {
    let db: SQLiteDatabase
    /// Shares not yet written to the tables.
    var pending = ReportSlots()
    /// Queues' half hours whose longest wait must be found again from the rows.
    private(set) var longestToRedo: Set<SlotKey> = []

    init(db: SQLiteDatabase) {
        self.db = db
    }

    /// A call row with the figures stored beside it.
    struct StoredCall {
        var detail: CallDetail
        var wrapUp: Int64
        var repeated: Bool
    }

    static let tolerance = ReportSlots.storedWrapUpMatchMilliseconds
    static let repeatWindow = Int64(ReportSlots.storedRepeatWindowHours) * 3_600_000

    // MARK: Calls

    /// Before call `id` is written: takes back the share of the row it
    /// replaces, and returns that row (nil: a new call).
    func callReplacing(_ id: Int64) throws(SQLiteError) -> StoredCall? {
        guard let old = try storedCall(id) else { return nil }
        if pending.add(call: old.detail, wrapUpMilliseconds: old.wrapUp, repeated: old.repeated, sign: -1),
           let queue = old.detail.queue {
            longestToRedo.insert(SlotKey(slot: ReportSlot.of(old.detail.arrived), name: queue))
        }
        return old
    }

    /// After call `id` was written: works out its wrap-up and repeat mark,
    /// adds its share, and marks the caller's previous call when this one
    /// makes it a repeat.
    func callWritten(_ id: Int64, replacing old: StoredCall?) throws(SQLiteError) {
        guard var call = try storedCall(id) else { return }
        let wrapUp = try wrapUpCharged(call.detail)
        let repeated = try calledAgain(call.detail)
        if wrapUp != call.wrapUp || repeated != call.repeated {
            try db.statement("UPDATE calls SET wrap_up_ms = ?2, repeated = ?3 WHERE id = ?1").run([id, wrapUp, repeated])
            call.wrapUp = wrapUp
            call.repeated = repeated
        }
        pending.add(call: call.detail, wrapUpMilliseconds: wrapUp, repeated: repeated)
        if let previous = try previousCall(of: call.detail) { try refresh(previous, wrapUp: false) }
        if let old, let number = old.detail.callerNumber, !number.isEmpty,
           number != call.detail.callerNumber || old.detail.arrived != call.detail.arrived,
           let previous = try previousCall(of: old.detail) {
            try refresh(previous, wrapUp: false)
        }
    }

    /// Works out call `id`'s wrap-up (and, if asked, its repeat mark) again
    /// and moves its share when either changed.
    func refresh(_ id: Int64, wrapUp refreshWrapUp: Bool = true, repeated refreshRepeated: Bool = true) throws(SQLiteError) {
        guard let call = try storedCall(id) else { return }
        let wrapUp = refreshWrapUp ? try wrapUpCharged(call.detail) : call.wrapUp
        let repeated = refreshRepeated ? try calledAgain(call.detail) : call.repeated
        guard wrapUp != call.wrapUp || repeated != call.repeated else { return }
        // The wait is the same before and after: the longest wait stands.
        pending.add(call: call.detail, wrapUpMilliseconds: call.wrapUp, repeated: call.repeated, sign: -1)
        try db.statement("UPDATE calls SET wrap_up_ms = ?2, repeated = ?3 WHERE id = ?1").run([id, wrapUp, repeated])
        pending.add(call: call.detail, wrapUpMilliseconds: wrapUp, repeated: repeated)
    }

    // MARK: Agent states

    /// Before `state` is inserted: its agent's previous state now ends at
    /// it, and it lasts until the agent's next state (if one was stored
    /// already). Returns the starts of the wrap-ups whose length or call
    /// this changes, for `stateInserted`.
    func stateInserting(_ state: StoredAgentState) throws(SQLiteError) -> [Int64] {
        let previous = try neighbour(agent: state.agent, at: state.at, id: .max, before: true)
        let next = try neighbour(agent: state.agent, at: state.at, id: .max, before: false)
        var wrapUps: [Int64] = []
        if let previous {
            if let next {
                pending.add(state: previous.state, reason: previous.reason, agent: state.agent, start: previous.at, end: next.at, sign: -1)
            }
            pending.add(state: previous.state, reason: previous.reason, agent: state.agent, start: previous.at, end: state.at)
            if previous.state == "wrap-up" { wrapUps.append(previous.at) }
        }
        if let next {
            pending.add(state: state.state, reason: state.reason, agent: state.agent, start: state.at, end: next.at)
            if next.state == "wrap-up" { wrapUps.append(next.at) }
        }
        if state.state == "wrap-up" { wrapUps.append(state.at) }
        pending.addChange(agent: state.agent, at: state.at)
        return wrapUps
    }

    /// After a state was inserted: the calls whose wrap-up it may change are worked out again.
    func stateInserted(agent: String, wrapUpsAt starts: [Int64]) throws(SQLiteError) {
        for start in starts {
            for id in try callsEnded(agent: agent, from: start - Self.tolerance, through: start + Self.tolerance) {
                try refresh(id, repeated: false)
            }
        }
    }

    // MARK: Queue events

    func eventWritten(_ event: StoredQueueEvent, sign: Int = 1) {
        pending.add(event: event, sign: sign)
    }

    /// Forgets what is not yet written (the transaction was rolled back).
    func discard() {
        pending = ReportSlots()
        longestToRedo = []
    }

    /// Writes the gathered shares into the tables.
    func flush() throws(SQLiteError) {
        guard !pending.isEmpty || !longestToRedo.isEmpty else { return }
        try SlotTables.write(pending, db)
        for key in longestToRedo { try SlotTables.redoLongestWait(key, db) }
        discard()
    }
}
