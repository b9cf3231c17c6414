import Telephony

/// Where an agent is, as the console and wallboard show it.
public enum AgentStatus: Sendable, Equatable, CustomStringConvertible {
    case loggedOut
    /// Logged in, not paused, free for an offer.
    case available
    /// Their phone rings for this caller.
    case ringing(CallID)
    /// Talking (or, for a callback, waiting for the caller to answer).
    case onCall(CallID)
    /// Consulted by a colleague about this call (ringing or talking with
    /// them, or in a conference with the caller): no offers.
    case consulting(CallID)
    /// After-call work: no offers until `until`.
    case wrapUp(until: SampleTime)
    case paused(reason: String)

    /// Counts as staffed time (logged in and not paused).
    public var isStaffed: Bool {
        switch self {
        case .loggedOut, .paused: false
        default: true
        }
    }

    public var isLoggedIn: Bool { self != .loggedOut }

    public var name: String {
        switch self {
        case .loggedOut: "logged-out"
        case .available: "available"
        case .ringing: "ringing"
        case .onCall: "on-call"
        case .consulting: "consulting"
        case .wrapUp: "wrap-up"
        case .paused: "paused"
        }
    }

    public var description: String {
        switch self {
        case .ringing(let call), .onCall(let call), .consulting(let call): "\(name) (\(call))"
        case .wrapUp(let until): "wrap-up until \(until)"
        case .paused(let reason): "paused (\(reason))"
        default: name
        }
    }
}

/// An agent's state and counters, for the console.
public struct AgentSnapshot: Sendable, Equatable {
    public var id: AgentID
    public var status: AgentStatus
    public var channel: ChannelID?
    public var since: SampleTime
    public var callsTaken: Int
    public var talkTime: SampleTime
    public var consecutiveMisses: Int
}

/// A caller in a queue, for the console (in queue order).
public struct WaitingSnapshot: Sendable, Equatable {
    public var call: CallID
    public var position: Int
    public var waited: SampleTime
    /// Booked for a callback (the caller is not on the line).
    public var callbackNumber: String?
    public var ringing: [AgentID]
}
