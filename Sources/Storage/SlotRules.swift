import Records
import Reports

/// The lookups behind a call's stored wrap-up and repeat mark, the report
/// engine's rules put as index queries:
/// - a call's wrap-up is the first wrap-up state of its agent (by time,
///   then by row) starting within the match of the call's end whose call
///   is this one or unknown (a wrap-up's call is the one its state names,
///   else the one of the `on-call` state just before it); it lasts to the
///   agent's next state. One still open is charged nothing here (a report
///   counts it up to its end);
/// - a call is repeated when its caller has a later call (by arrival, then
///   by id) arriving within the repeat window of it.
extension SlotWriter {
    /// A stored agent state, as the rules need it.
    struct StateRow {
        var id: Int64
        var state: String
        var reason: String?
        var callID: Int64?
        var at: Int64
    }

    enum WrapUpCharge: Equatable {
        case none
        case closed(Int64)
        case open(start: Int64)
    }

    func storedCall(_ id: Int64) throws(SQLiteError) -> StoredCall? {
        try db.statement("SELECT \(CallStore.leanCallColumns), wrap_up_ms, repeated FROM calls WHERE id = ?1").rows([id]) {
            StoredCall(detail: CallStore.call($0), wrapUp: $0.int64(21), repeated: $0.int(22) != 0)
        }.first
    }

    /// The closed wrap-up the call is charged (0 when none or still open).
    func wrapUpCharged(_ call: CallDetail) throws(SQLiteError) -> Int64 {
        if case .closed(let ms) = try wrapUpCharge(call) { return ms }
        return 0
    }

    func wrapUpCharge(_ call: CallDetail) throws(SQLiteError) -> WrapUpCharge {
        guard let agent = call.agent, call.connected != nil, let ended = call.ended else { return .none }
        let states = try db.statement("""
            SELECT id, state, reason, call_id, at_ms FROM agent_states
            WHERE agent = ?1 AND at_ms >= ?2 AND at_ms <= ?3 ORDER BY at_ms, id
            """).rows([agent, ended - Self.tolerance, ended + Self.tolerance], Self.stateRow)
        for wrapUp in states where wrapUp.state == "wrap-up" {
            var forCall = wrapUp.callID
            if forCall == nil, let before = try neighbour(agent: agent, at: wrapUp.at, id: wrapUp.id, before: true),
               before.state == "on-call" {
                forCall = before.callID
            }
            if let forCall, forCall != call.callID { continue }
            guard let after = try neighbour(agent: agent, at: wrapUp.at, id: wrapUp.id, before: false) else {
                return .open(start: wrapUp.at)
            }
            return .closed(max(0, after.at - wrapUp.at))
        }
        return .none
    }

    /// Whether the call's caller has a later call within the repeat window.
    func calledAgain(_ call: CallDetail) throws(SQLiteError) -> Bool {
        guard let number = call.callerNumber, !number.isEmpty else { return false }
        return try db.statement("""
            SELECT 1 FROM calls WHERE caller_number = ?1 AND arrived_ms >= ?2 AND arrived_ms <= ?3
            AND (arrived_ms > ?2 OR id > ?4) LIMIT 1
            """).firstInt([number, call.arrived, call.arrived + Self.repeatWindow, call.callID]) != nil
    }

    /// The caller's call just before this one (by arrival, then id).
    func previousCall(of call: CallDetail) throws(SQLiteError) -> Int64? {
        guard let number = call.callerNumber, !number.isEmpty else { return nil }
        return try db.statement("""
            SELECT id FROM calls WHERE caller_number = ?1 AND arrived_ms <= ?2 AND (arrived_ms < ?2 OR id < ?3)
            ORDER BY arrived_ms DESC, id DESC LIMIT 1
            """).firstInt([number, call.arrived, call.callID]).map(Int64.init)
    }

    /// The agent's state just before (or after) the one at `at` with row `id`.
    func neighbour(agent: String, at: Int64, id: Int64, before: Bool) throws(SQLiteError) -> StateRow? {
        let sql = before
            ? """
              SELECT id, state, reason, call_id, at_ms FROM agent_states WHERE agent = ?1 AND at_ms <= ?2
              AND (at_ms < ?2 OR id < ?3) ORDER BY at_ms DESC, id DESC LIMIT 1
              """
            : """
              SELECT id, state, reason, call_id, at_ms FROM agent_states WHERE agent = ?1 AND at_ms >= ?2
              AND (at_ms > ?2 OR id > ?3) ORDER BY at_ms, id LIMIT 1
              """
        return try db.statement(sql).rows([agent, at, id], Self.stateRow).first
    }

    /// Calls the agent took that ended in [from, through].
    func callsEnded(agent: String, from: Int64, through: Int64) throws(SQLiteError) -> [Int64] {
        try db.statement("SELECT id FROM calls WHERE agent = ?1 AND ended_ms >= ?2 AND ended_ms <= ?3 ORDER BY id")
            .rows([agent, from, through]) { $0.int64(0) }
    }

    static func stateRow(_ s: SQLiteStatement) -> StateRow {
        StateRow(id: s.int64(0), state: s.string(1), reason: s.optionalString(2), callID: s.optionalInt64(3), at: s.int64(4))
    }
}
