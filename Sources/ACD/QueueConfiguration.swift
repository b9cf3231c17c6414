import Telephony

/// One queue, as configured. Start from `QueueConfiguration(id:)` and set
/// what differs from the defaults.
public struct QueueConfiguration: Sendable {
    public var id: QueueID
    /// A name from `RoutingStrategies.table` ("longest-idle", "ring-all", ...).
    public var strategy: String
    /// Skills (with minimum levels) an agent needs to take this queue's calls.
    public var requiredSkills: SkillLevels = [:]
    /// Rules that widen the set of agents as a caller waits; the caller keeps
    /// their place. The last rule whose `after` has passed applies.
    public var escalation: [EscalationRule] = []
    /// VIP rules: matching callers are ordered as if they had called earlier.
    public var priorities: [PriorityRule] = []
    /// Among queues, callers of a higher weight are offered first.
    public var weight = 0

    /// How long one offer rings before it counts as missed.
    public var ringTimeout: SampleTime = .seconds(15)
    /// After-call work before the agent is offered calls again.
    public var wrapUp: SampleTime = .zero
    /// Longest a caller waits before `onTimeout` (nil: no limit).
    public var maxWait: SampleTime?
    public var onTimeout: OverflowTarget = .hangUp
    /// Most callers waiting at once before `onFull` (nil: no limit).
    public var maxLength: Int?
    public var onFull: OverflowTarget = .message("queue-full")
    /// When no agent of the queue is logged in.
    public var whenNoAgents: NoAgentPolicy = .join

    /// Music class played while waiting.
    public var music = "default"
    /// Tell callers their position and estimated wait this often (nil: never).
    public var positionAnnouncementInterval: SampleTime?
    /// Also tell them as soon as they join.
    public var announcePositionOnJoin = false
    /// Messages played in turn, one every `periodicMessageInterval`.
    public var periodicMessages: [PromptID] = []
    public var periodicMessageInterval: SampleTime?
    /// Handle time assumed for wait estimates before any call has been handled.
    public var expectedHandleTime: SampleTime = .seconds(180)

    /// Callers may ask to be called back (nil: not offered).
    public var callback: CallbackPolicy?

    /// Service level counts calls answered within this time.
    public var serviceLevelThreshold: SampleTime = .seconds(20)
    /// Callers who hang up sooner than this are counted apart (short abandons).
    public var shortAbandonThreshold: SampleTime = .seconds(5)

    public init(id: QueueID, strategy: String = "longest-idle") {
        self.id = id
        self.strategy = strategy
    }
}

/// After `after` of waiting, agents need only `requiredSkills` (instead of
/// the queue's) and agents of `alsoQueues` may take the call too.
public struct EscalationRule: Sendable, Equatable {
    public var after: SampleTime
    public var requiredSkills: SkillLevels
    public var alsoQueues: [QueueID]
    public init(after: SampleTime, requiredSkills: SkillLevels = [:], alsoQueues: [QueueID] = []) {
        self.after = after
        self.requiredSkills = requiredSkills
        self.alsoQueues = alsoQueues
    }
}

/// Callers whose caller ID, or the number they dialled, is listed are placed
/// as if they had called `headStart` earlier. The head start is fixed, so
/// the priority ages: a normal caller who has waited `headStart` longer than
/// a VIP is ahead of them, and nobody waits for ever behind a stream of VIPs.
public struct PriorityRule: Sendable, Equatable {
    public var callerIDs: Set<String>
    public var dialledNumbers: Set<String>
    public var headStart: SampleTime
    public init(callerIDs: Set<String> = [], dialledNumbers: Set<String> = [], headStart: SampleTime) {
        self.callerIDs = callerIDs
        self.dialledNumbers = dialledNumbers
        self.headStart = headStart
    }

    func matches(callerID: String?, dialled: String?) -> Bool {
        if let callerID, callerIDs.contains(callerID) { return true }
        if let dialled, dialledNumbers.contains(dialled) { return true }
        return false
    }
}

/// Where a caller goes when the queue cannot keep them.
public enum OverflowTarget: Sendable, Equatable {
    /// Congestion, then hang up.
    case hangUp
    /// Play a message, then hang up.
    case message(PromptID)
    /// Join another queue.
    case queue(QueueID)
    /// Offer a callback (the caller keeps their place if they take it).
    case callback
}

/// What a caller meets when no agent of the queue is logged in.
public enum NoAgentPolicy: Sendable, Equatable {
    case join
    case refuse(OverflowTarget)

    var refusal: OverflowTarget? {
        if case .refuse(let target) = self { return target }
        return nil
    }
}

/// Callback keeping place: the caller presses `key`, confirms or keys in a
/// number, hangs up and keeps their position. At the front, the agent's
/// phone rings first, then the box dials the caller; a failed attempt is
/// retried after `retryDelay`, doubling up to `maxRetryDelay`.
public struct CallbackPolicy: Sendable, Equatable {
    public var key: DTMFKey
    public var maxAttempts: Int
    public var retryDelay: SampleTime
    public var maxRetryDelay: SampleTime
    public init(key: DTMFKey = .one, maxAttempts: Int = 3, retryDelay: SampleTime = .seconds(60), maxRetryDelay: SampleTime = .seconds(600)) {
        self.key = key
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.maxRetryDelay = maxRetryDelay
    }

    /// Wait before attempt `attempt + 1`, after `attempt` failures.
    func delay(afterFailures attempt: Int) -> SampleTime {
        var delay = retryDelay
        for _ in 1..<max(1, attempt) where delay < maxRetryDelay { delay = delay + delay }
        return min(delay, maxRetryDelay)
    }
}
