import Telephony

/// Service-level accounting of one queue over a period.
///
/// Definitions (each call is counted in the queue it was in when its fate
/// was decided; a caller who overflows counts as `timedOut`/`rejectedFull` in
/// the first queue and is offered again in the second):
/// - service level = answered within the threshold ÷ (answered + abandoned
///   − short abandons + timed out): short abandons and callbacks are left out;
/// - ASA = total wait of answered calls ÷ answered;
/// - AHT = (talk + wrap-up) ÷ calls handled (talk ended);
/// - occupancy = (talk + wrap-up) ÷ staffed time of the queue's agents
///   (logged in, not paused); an agent serving two queues counts in both;
/// - probability of waiting = callers not offered to an agent on arrival ÷ offered.
public struct QueueStatistics: Sendable, Equatable {
    public var threshold: SampleTime = .zero
    public var shortAbandonThreshold: SampleTime = .zero

    /// Callers who entered the queue.
    public var offered = 0
    /// Of those, callers no agent was offered to when they arrived.
    public var queuedOnArrival = 0
    public var answered = 0
    public var answeredWithinThreshold = 0
    /// Hung up while waiting (short abandons included).
    public var abandoned = 0
    public var shortAbandons = 0
    /// Left at the maximum wait (moved, refused or offered a callback).
    public var timedOut = 0
    /// Turned away because the queue was full.
    public var rejectedFull = 0
    /// Turned away because no agent was logged in.
    public var rejectedNoAgents = 0
    public var callbacksRequested = 0
    /// Waiting callers a supervisor moved to another queue.
    public var transferredOut = 0
    public var callbacksConnected = 0
    public var callbacksGivenUp = 0
    /// Removed by the reconciler (queued on a dead line).
    public var lost = 0

    public var totalWait: SampleTime = .zero
    public var longestWait: SampleTime = .zero
    public var handled = 0
    public var totalTalk: SampleTime = .zero
    public var totalWrapUp: SampleTime = .zero
    public var staffedTime: SampleTime = .zero

    public init() {}

    /// Calls whose outcome counts for the service level.
    public var serviceLevelBase: Int { answered + abandoned - shortAbandons + timedOut }
    public var serviceLevel: Double? { ratio(answeredWithinThreshold, serviceLevelBase) }
    public var averageSpeedOfAnswer: SampleTime? {
        answered == 0 ? nil : SampleTime(samples: totalWait.samples / Int64(answered))
    }
    public var averageHandleTime: SampleTime? {
        handled == 0 ? nil : SampleTime(samples: (totalTalk + totalWrapUp).samples / Int64(handled))
    }
    /// Abandoned (short ones included) ÷ (answered + abandoned).
    public var abandonRate: Double? { ratio(abandoned, answered + abandoned) }
    public var occupancy: Double? {
        staffedTime.samples == 0 ? nil : Double((totalTalk + totalWrapUp).samples) / Double(staffedTime.samples)
    }
    public var probabilityOfWaiting: Double? { ratio(queuedOnArrival, offered) }

    private func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    /// The counts of the period from `earlier` to `self` (thresholds and the
    /// longest wait are kept).
    public func since(_ earlier: QueueStatistics) -> QueueStatistics {
        var d = self
        d.offered -= earlier.offered
        d.queuedOnArrival -= earlier.queuedOnArrival
        d.answered -= earlier.answered
        d.answeredWithinThreshold -= earlier.answeredWithinThreshold
        d.abandoned -= earlier.abandoned
        d.shortAbandons -= earlier.shortAbandons
        d.timedOut -= earlier.timedOut
        d.rejectedFull -= earlier.rejectedFull
        d.rejectedNoAgents -= earlier.rejectedNoAgents
        d.callbacksRequested -= earlier.callbacksRequested
        d.callbacksConnected -= earlier.callbacksConnected
        d.callbacksGivenUp -= earlier.callbacksGivenUp
        d.lost -= earlier.lost
        d.totalWait = totalWait - earlier.totalWait
        d.handled -= earlier.handled
        d.totalTalk = totalTalk - earlier.totalTalk
        d.totalWrapUp = totalWrapUp - earlier.totalWrapUp
        d.staffedTime = staffedTime - earlier.staffedTime
        return d
    }

    mutating func countAnswer(wait: SampleTime) {
        answered += 1
        totalWait += wait
        if wait > longestWait { longestWait = wait }
        if wait <= threshold { answeredWithinThreshold += 1 }
    }

    mutating func countAbandon(wait: SampleTime) {
        abandoned += 1
        if wait < shortAbandonThreshold { shortAbandons += 1 }
    }
}
