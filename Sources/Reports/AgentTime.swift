/// How an agent's time in the report window was spent, from their state
/// changes: each state lasts until the agent's next change, clipped to
/// [from, to); a state still open at `to` counts up to `to`.
///
/// Logged in = every state but `logged-out`; staffed = logged in − paused
/// (available, ringing, on call, wrap-up, or a state this version does not
/// know). Occupancy = (on call + wrap-up) ÷ staffed: the share of the time
/// an agent could take calls that went on handling them.
public struct AgentTime: Sendable, Equatable {
    public var loggedInMilliseconds: Int64 = 0
    public var pausedMilliseconds: Int64 = 0
    /// Paused time by the pause's reason (`lunch`, `break`, `auto-pause`, …;
    /// "" when the pause gave none).
    public var pausedByReason: [String: Int64] = [:]
    public var availableMilliseconds: Int64 = 0
    public var ringingMilliseconds: Int64 = 0
    /// Talking: the `on-call` state.
    public var onCallMilliseconds: Int64 = 0
    public var wrapUpMilliseconds: Int64 = 0

    public init() {}

    /// Logged in and not paused, ms.
    public var staffedMilliseconds: Int64 { loggedInMilliseconds - pausedMilliseconds }
    /// (on call + wrap-up) ÷ staffed, percent (nil when never staffed).
    public var occupancyPercent: Double? { Ratio.percent(onCallMilliseconds + wrapUpMilliseconds, of: staffedMilliseconds) }

    /// Whether no time at all was counted.
    public var isEmpty: Bool { loggedInMilliseconds == 0 }
}

/// An agent state as stored (`StoredAgentState.state`); the raw value is
/// its position in per-state tables.
enum AgentStateKind: Int {
    case loggedOut, available, ringing, onCall, wrapUp, paused
    /// A state name this version does not know: logged in and staffed.
    case other

    /// Reads a stored name: the first byte and the length pick the one
    /// candidate, and one comparison confirms it (this runs for every state
    /// change of a day).
    init(_ name: String) {
        let candidate: AgentStateKind
        let spelling: String
        switch (name.utf8.first, name.utf8.count) {
        case (UInt8(ascii: "a"), 9): (candidate, spelling) = (.available, "available")
        case (UInt8(ascii: "o"), 7): (candidate, spelling) = (.onCall, "on-call")
        case (UInt8(ascii: "c"), 10): (candidate, spelling) = (.onCall, "consulting")  // a colleague's call: work
        case (UInt8(ascii: "w"), 7): (candidate, spelling) = (.wrapUp, "wrap-up")
        case (UInt8(ascii: "r"), 7): (candidate, spelling) = (.ringing, "ringing")
        case (UInt8(ascii: "p"), 6): (candidate, spelling) = (.paused, "paused")
        case (UInt8(ascii: "l"), 10): (candidate, spelling) = (.loggedOut, "logged-out")
        default:
            self = .other
            return
        }
        self = name == spelling ? candidate : .other
    }

    static let count = 7
}
