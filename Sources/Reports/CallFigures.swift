/// Counts and times of a group of calls that joined a queue (one queue,
/// all queues, one hour, one day), from which the KPIs follow.
///
/// Definitions (waits are from joining the queue, `queued`; "within"
/// includes the limit):
/// - offered: calls that joined the queue (the last queue, after an overflow);
/// - answered, abandoned, refused, other: their `QueueOutcome`s;
/// - short abandon: abandoned within `shortAbandonSeconds` of joining;
/// - service level = answered within T ÷ (offered − short abandons), where
///   T is each call's queue's threshold: refused and otherwise-ended calls
///   count against it, as a caller turned away was not served in time;
/// - ASA = mean wait of answered calls (joined → connected);
/// - average abandon wait = mean wait of abandoned calls (joined → ended);
/// - longest wait = the longest wait of any offered call, whatever its fate;
/// - AHT = mean (talk + wrap-up) of answered calls, where talk = ended −
///   connected (0 without an end) and wrap-up is the agent's wrap-up state
///   that starts when the call ends (0 if none);
/// - FCR = of answered calls with a caller number, the share whose caller
///   did not call again (any call, answered or not) within
///   `repeatWindowHours` after the call's arrival.
public struct CallFigures: Sendable, Equatable {
    public var offered = 0
    public var answered = 0
    /// Answered within the queue's service-level threshold T.
    public var answeredWithinThreshold = 0
    /// Caller hung up before an agent took the call (short abandons included).
    public var abandoned = 0
    public var shortAbandons = 0
    /// Turned away by the queue (`queue-refused`).
    public var refused = 0
    /// Ended without an agent another way (line failure, restart, …).
    public var otherEnds = 0
    /// Offered calls on which the caller booked a callback instead of waiting.
    public var callbacksBooked = 0
    /// Callbacks placed for the queue that reached the caller (their own calls).
    public var callbacksConnected = 0
    /// Offered calls that ended in a message to a mailbox.
    public var messagesLeft = 0
    /// Sum of answered calls' waits, ms.
    public var answerWaitMilliseconds: Int64 = 0
    /// Sum of abandoned calls' waits, ms.
    public var abandonWaitMilliseconds: Int64 = 0
    public var longestWaitMilliseconds: Int64 = 0
    /// Sum of answered calls' talk, ms.
    public var talkMilliseconds: Int64 = 0
    /// Sum of answered calls' wrap-up, ms.
    public var wrapUpMilliseconds: Int64 = 0
    public var surveys = SurveyTally()
    /// Answered calls with a caller number (the FCR base).
    public var resolutionBase = 0
    /// Of those, calls whose caller called again within the repeat window.
    public var repeatCalls = 0

    public init() {}

    /// Service level, percent (nil when no call counts).
    public var serviceLevelPercent: Double? { Ratio.percent(answeredWithinThreshold, of: offered - shortAbandons) }
    /// Abandoned ÷ offered, percent.
    public var abandonPercent: Double? { Ratio.percent(abandoned, of: offered) }
    /// Average speed of answer, seconds.
    public var averageSpeedOfAnswerSeconds: Double? { Ratio.meanSeconds(answerWaitMilliseconds, over: answered) }
    /// Mean wait before abandoning, seconds.
    public var averageAbandonWaitSeconds: Double? { Ratio.meanSeconds(abandonWaitMilliseconds, over: abandoned) }
    public var longestWaitSeconds: Double { Double(longestWaitMilliseconds) / 1000 }
    /// Handle time (talk + wrap-up) of answered calls, ms.
    public var handleMilliseconds: Int64 { talkMilliseconds + wrapUpMilliseconds }
    /// Average handle time, seconds.
    public var averageHandleSeconds: Double? { Ratio.meanSeconds(handleMilliseconds, over: answered) }
    /// First-call resolution, percent (nil without answered calls from known numbers).
    public var firstCallResolutionPercent: Double? { Ratio.percent(resolutionBase - repeatCalls, of: resolutionBase) }

    /// Counts one call.
    mutating func add(_ call: CallFacts, surveyScale: Int) {
        offered += 1
        switch call.outcome {
        case .answered:
            answered += 1
            answerWaitMilliseconds += call.waitMilliseconds ?? 0
            if call.withinThreshold { answeredWithinThreshold += 1 }
            talkMilliseconds += call.talkMilliseconds
            wrapUpMilliseconds += call.wrapUpMilliseconds
        case .abandoned:
            abandoned += 1
            abandonWaitMilliseconds += call.waitMilliseconds ?? 0
            if call.shortAbandon { shortAbandons += 1 }
        case .refused:
            refused += 1
        case .callback:
            callbacksBooked += 1
        case .message:
            messagesLeft += 1
        case .other:
            otherEnds += 1
        }
        if let wait = call.waitMilliseconds, wait > longestWaitMilliseconds { longestWaitMilliseconds = wait }
        if let score = call.surveyScore { surveys.add(score: score, scale: surveyScale) }
        if call.resolutionCounts {
            resolutionBase += 1
            if call.repeated { repeatCalls += 1 }
        }
    }

    /// Adds another group's calls (the longest wait is the longer of the two).
    public mutating func merge(_ other: CallFigures) {
        offered += other.offered
        answered += other.answered
        answeredWithinThreshold += other.answeredWithinThreshold
        abandoned += other.abandoned
        shortAbandons += other.shortAbandons
        refused += other.refused
        otherEnds += other.otherEnds
        callbacksBooked += other.callbacksBooked
        callbacksConnected += other.callbacksConnected
        messagesLeft += other.messagesLeft
        answerWaitMilliseconds += other.answerWaitMilliseconds
        abandonWaitMilliseconds += other.abandonWaitMilliseconds
        longestWaitMilliseconds = max(longestWaitMilliseconds, other.longestWaitMilliseconds)
        talkMilliseconds += other.talkMilliseconds
        wrapUpMilliseconds += other.wrapUpMilliseconds
        surveys.merge(other.surveys)
        resolutionBase += other.resolutionBase
        repeatCalls += other.repeatCalls
    }
}
