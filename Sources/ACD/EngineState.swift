import Telephony

/// An agent's live state inside the engine.
struct AgentRuntime: Sendable {
    let id: AgentID
    let order: Int
    /// Indexed by queue index.
    var serves: [Bool]
    var skills: SkillLevels
    var wrapUp: SampleTime?
    var homeChannel: ChannelID?

    var status: AgentStatus = .loggedOut
    var since: SampleTime = .zero
    var channel: ChannelID?
    var idleSince: SampleTime = .zero
    var callsTaken = 0
    var talkTime: SampleTime = .zero
    var consecutiveMisses = 0
    var afterCall: AfterCall?
    /// Staffed time up to `since` (the current state's share is added on query).
    var staffed: SampleTime = .zero
    var ringDeadline: SampleTime = .zero
    /// The queue whose call this agent is wrapping up, and since when.
    var wrapQueue = 0
    var wrapStarted: SampleTime = .zero

    enum AfterCall: Sendable, Equatable {
        case pause(String)
        case logout
    }

    func meets(_ requirements: SkillLevels) -> Bool {
        for (skill, level) in requirements where (skills[skill] ?? 0) < level { return false }
        return true
    }

    func score(in requirements: SkillLevels) -> Int {
        requirements.keys.reduce(0) { $0 + (skills[$1] ?? 0) }
    }
}

/// A caller in a queue: on the line, or booked for a callback.
struct WaitingCaller: Sendable {
    var call: CallID
    /// The caller's line; nil once they have hung up for a callback.
    var channel: ChannelID?
    var callerID: String?
    var dialled: String?
    var arrivedAt: SampleTime
    /// Queue order: arrival time less any VIP head start, then sequence.
    var orderKey: SampleTime
    var sequence: UInt64
    /// Overflow hops so far (a guard against overflow loops).
    var hops = 0
    /// Agents whose phones ring for this caller now.
    var ringing: [Int] = []
    /// Agents who let an offer for this caller ring out; tried last.
    var missedBy: [Int] = []
    var nextAnnouncement: SampleTime?
    var nextMessage: SampleTime?
    var messageIndex = 0
    /// The maximum wait has been dealt with (a callback was offered).
    var timedOut = false
    var callback: CallbackBooking?

    func precedes(_ other: WaitingCaller) -> Bool {
        orderKey != other.orderKey ? orderKey < other.orderKey : sequence < other.sequence
    }
}

struct CallbackBooking: Sendable, Equatable {
    var number: String
    var failures = 0
    /// Not dialled again before this time.
    var notBefore: SampleTime
}

/// A queue's configuration and what is worked out from it once. Never
/// changed in place (a new configuration brings a new one), so shared by
/// reference: copying a `QueueRuntime` then copies one pointer, not the
/// whole configuration.
final class QueueSetup: Sendable {
    let config: QueueConfiguration
    let strategy: any RoutingStrategy
    /// Per escalation rule, the indices of the extra queues whose agents may help.
    let escalationQueues: [[Int]]

    init(_ config: QueueConfiguration, queueIndex: [QueueID: Int]) {
        self.config = config
        strategy = RoutingStrategies.named(config.strategy)!
        escalationQueues = config.escalation.map { $0.alsoQueues.compactMap { queueIndex[$0] } }
    }
}

/// A queue's live state.
struct QueueRuntime: Sendable {
    var setup: QueueSetup
    /// In queue order.
    var waiting: [WaitingCaller] = []
    var stats = QueueStatistics()
    var lastOffered: Int?
    /// Moving average of handle time, for wait estimates.
    var handleTimeEstimate: SampleTime

    /// Where a caller with this order goes (after every caller it does not precede).
    func insertionIndex(for caller: WaitingCaller) -> Int {
        if let last = waiting.last, !caller.precedes(last) { return waiting.count }  // the usual case
        var low = 0, high = waiting.count
        while low < high {
            let mid = (low + high) / 2
            if waiting[mid].precedes(caller) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func position(of call: CallID) -> Int? { waiting.firstIndex { $0.call == call } }
}

/// A caller with an agent (or a callback being dialled).
struct ConnectedCall: Sendable {
    var queue: Int
    var agent: Int
    /// The caller's line: their inbound line, or the outside line of a callback.
    var channel: ChannelID?
    var answeredAt: SampleTime
    /// A callback being dialled: the booking, to put back in place if it fails.
    var dialling: WaitingCaller?
    var isCallback: Bool
    /// The caller as they waited (their arrival keeps their place if the
    /// agent transfers them to a queue).
    var caller: WaitingCaller
}
