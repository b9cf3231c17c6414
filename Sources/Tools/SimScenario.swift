import ACD
import Telephony

/// A simulated call center: the real ACD configuration, plus who calls and
/// how the simulated agents behave.
public struct SimScenario: Sendable {
    public var configuration: ACDConfiguration
    public var streams: [SimCallerStream]
    public var agents = SimAgentBehaviour()
    /// Where callers go before a queue. Today straight in; an IVR stage
    /// (menus, digit collection) plugs in here with its own delay and choice.
    public var frontDoor: any SimFrontDoor = StraightToQueue()
    /// The period measured, after the warm-up.
    public var duration: SampleTime
    /// Simulated first and left out of the figures, so a long run measures
    /// the steady state rather than an empty room at opening time.
    public var warmUp: SampleTime = .zero
    public var seed: UInt64 = 1
    /// Send the engine what the simulated lines say this often (nil: never).
    public var reconcileEvery: SampleTime?

    public init(configuration: ACDConfiguration, streams: [SimCallerStream], duration: SampleTime) {
        self.configuration = configuration
        self.streams = streams
        self.duration = duration
    }
}

/// One stream of callers: Poisson arrivals into the front door.
public struct SimCallerStream: Sendable {
    /// The queue the caller asks for (the front door may send them elsewhere).
    public var queue: QueueID
    public var callsPerHour: Double
    public var talkTime: SimDistribution
    /// How long a caller waits before hanging up.
    public var patience: SimDistribution = .infinite
    /// Share of callers whose caller ID is `vipCallerID`.
    public var vipShare = 0.0
    public var vipCallerID = "vip"
    /// Callers still waiting after this long press the callback key...
    public var callbackAfter: SampleTime?
    /// ...with this probability (and take a callback offered at the maximum wait).
    public var callbackShare = 0.0

    public init(queue: QueueID, callsPerHour: Double, talkTime: SimDistribution) {
        self.queue = queue
        self.callsPerHour = callsPerHour
        self.talkTime = talkTime
    }
}

/// How simulated agents answer their phones.
public struct SimAgentBehaviour: Sendable {
    /// From the phone ringing to the agent picking up.
    public var answerDelay: SimDistribution = .fixed(0)
    /// Chance that an offer rings out unanswered.
    public var missProbability = 0.0
    /// An auto-paused agent unpauses after this long.
    public var pauseRecovery: SampleTime = .seconds(60)
    public init() {}
}

/// What happens to a caller before they reach a queue.
public protocol SimFrontDoor: Sendable {
    mutating func admit(_ stream: SimCallerStream, now: SampleTime, random: inout SeededRandom) -> SimAdmission
}

public enum SimAdmission: Sendable, Equatable {
    /// Join this queue after this long (menus, greetings).
    case queue(QueueID, after: SampleTime)
    /// Leave without queueing (served by the IVR, or hung up in it).
    case leave
}

/// No IVR: every caller joins the queue they asked for at once.
public struct StraightToQueue: SimFrontDoor {
    public init() {}
    public func admit(_ stream: SimCallerStream, now: SampleTime, random: inout SeededRandom) -> SimAdmission {
        .queue(stream.queue, after: .zero)
    }
}

/// The figures of a simulated period.
public struct SimResult: Sendable {
    public struct Queue: Sendable {
        public var queue: QueueID
        public var statistics: QueueStatistics
    }
    /// The measured period (warm-up excluded).
    public var measured: SampleTime
    public var queues: [Queue]
    /// Simulation events handled (arrivals, answers, hang-ups, ticks...).
    public var events: Int
    public var autoPauses: Int
    public var repairs: Int
}
