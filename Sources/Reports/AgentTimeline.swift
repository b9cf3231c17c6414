import Records

/// Walks agents' state changes in time order once and keeps: each agent's
/// `AgentTime` in the window, their wrap-up intervals (`WrapUpLog`), and the
/// staffed agent-milliseconds of each staffing interval.
///
/// The states should include each agent's last change before `from`;
/// without it an agent counts as logged out until their first change in
/// the window. Per change it does one table lookup for the agent and a few
/// additions into flat arrays; pause reasons are numbered, so nothing
/// reference-counted is copied per change.
struct AgentTimeline {
    private struct Cursor {
        var state: AgentStateKind = .loggedOut
        var since: Int64 = .min
        /// Number of the pause reason (`reasons`), -1 for none.
        var reason: Int32 = -1
        /// The call the state names (for wrap-up, the call just talked on); nil: none.
        var callID: Int64?
    }

    let window: ReportWindow
    let bucketMilliseconds: Int64
    private(set) var wrapUps = WrapUpLog()
    /// Staffed agent-milliseconds per staffing interval, from `from`.
    private(set) var staffedByBucket: [Int64]
    private var cursors: [Cursor] = []
    /// The staffing interval the last staffed time started in.
    private var lastBucket = 0
    /// Milliseconds per agent and state: index agent × stateCount + state.
    private var milliseconds: [Int64] = []
    private var reasons = StringNumbering()
    /// Paused milliseconds by agent and reason number (−1: no reason).
    private var pausedByReason: [PauseKey: Int64] = [:]

    private struct PauseKey: Hashable {
        var agent: Int
        var reason: Int32
    }

    init(window: ReportWindow, bucketMilliseconds: Int64) {
        self.window = window
        self.bucketMilliseconds = bucketMilliseconds
        let buckets = (window.durationMilliseconds + bucketMilliseconds - 1) / bucketMilliseconds
        staffedByBucket = [Int64](repeating: 0, count: Int(buckets))
    }

    /// Applies every state change (sorted by time first if they are not),
    /// then closes the states still open.
    mutating func run(_ states: [StoredAgentState], registry: inout AgentRegistry) {
        var sorted = true
        var i = 1
        while i < states.count {
            if states[i].at < states[i - 1].at { sorted = false; break }
            i += 1
        }
        states.withUnsafeBufferPointer { rows in
            guard let base = rows.baseAddress else { return }
            if sorted {
                for k in rows.indices { apply(base + k, registry: &registry) }
            } else {
                let order = rows.indices.sorted { (rows[$0].at, $0) < (rows[$1].at, $1) }
                for k in order { apply(base + k, registry: &registry) }
            }
        }
        for agent in cursors.indices { close(agent, at: max(window.to, cursors[agent].since)) }
    }

    /// The agent's time in the window (empty for an agent without states).
    func time(agent: Int) -> AgentTime {
        var time = AgentTime()
        guard agent < cursors.count else { return time }
        let base = agent * AgentStateKind.count
        func ms(_ state: AgentStateKind) -> Int64 { milliseconds[base + state.rawValue] }
        time.pausedMilliseconds = ms(.paused)
        time.availableMilliseconds = ms(.available)
        time.ringingMilliseconds = ms(.ringing)
        time.onCallMilliseconds = ms(.onCall)
        time.wrapUpMilliseconds = ms(.wrapUp)
        time.loggedInMilliseconds = time.pausedMilliseconds + time.availableMilliseconds + time.ringingMilliseconds
            + time.onCallMilliseconds + time.wrapUpMilliseconds + ms(.other)
        for (key, value) in pausedByReason where key.agent == agent {
            time.pausedByReason[key.reason < 0 ? "" : reasons.keys[Int(key.reason)], default: 0] += value
        }
        return time
    }

    /// Applies one change, read in place (copying a row would retain its every string).
    private mutating func apply(_ change: UnsafePointer<StoredAgentState>, registry: inout AgentRegistry) {
        let agent = registry.id(change.pointee.agent)
        while cursors.count <= agent {
            cursors.append(Cursor())
            milliseconds.append(contentsOf: repeatElement(0, count: AgentStateKind.count))
        }
        let at = change.pointee.at
        close(agent, at: at)
        let state = AgentStateKind(change.pointee.state)
        var callID = change.pointee.callID
        if state == .wrapUp, callID == nil, cursors[agent].state == .onCall { callID = cursors[agent].callID }
        var reason: Int32 = -1
        if state == .paused, let name = change.pointee.reason { reason = Int32(reasons.id(name)) }
        cursors[agent] = Cursor(state: state, since: at, reason: reason, callID: callID)
    }

    /// Ends the agent's current state at `end`: counts its part inside the
    /// window, and logs a wrap-up whole.
    private mutating func close(_ agent: Int, at end: Int64) {
        let cursor = cursors[agent]
        guard cursor.state != .loggedOut else { return }
        let start = max(cursor.since, window.from), stop = min(end, window.to)
        if stop > start {
            milliseconds[agent * AgentStateKind.count + cursor.state.rawValue] += stop - start
            if cursor.state == .paused {
                pausedByReason[PauseKey(agent: agent, reason: cursor.reason), default: 0] += stop - start
            } else {
                spread(start, stop)
            }
        }
        if cursor.state == .wrapUp {
            wrapUps.append(.init(start: cursor.since, end: max(end, cursor.since), callID: cursor.callID), agent: agent)
        }
    }

    /// Adds staffed time [start, stop) (inside the window) to the intervals it covers.
    private mutating func spread(_ start: Int64, _ stop: Int64) {
        var t = start
        // States come in time order: usually the interval of the last one.
        let lastStart = window.from + Int64(lastBucket) * bucketMilliseconds
        var bucket = t >= lastStart && t - lastStart < bucketMilliseconds ? lastBucket : Int((t - window.from) / bucketMilliseconds)
        lastBucket = bucket
        while t < stop {
            let bucketEnd = window.from + Int64(bucket + 1) * bucketMilliseconds
            let piece = min(stop, bucketEnd)
            staffedByBucket[bucket] += piece - t
            t = piece
            bucket += 1
        }
    }
}
