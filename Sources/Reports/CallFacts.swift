/// What the figures need of one queued call, worked out once and added to
/// every group the call belongs to (its queue, its hour, its day, its
/// staffing interval). A value on the stack: nothing is allocated per call.
struct CallFacts {
    var outcome: QueueOutcome
    /// Joined → connected (answered) or → ended (otherwise); nil without an end.
    var waitMilliseconds: Int64?
    var withinThreshold: Bool
    var shortAbandon: Bool
    var talkMilliseconds: Int64
    var wrapUpMilliseconds: Int64
    var surveyScore: Int?
    /// Answered and from a known number: in the FCR base.
    var resolutionCounts: Bool
    /// The caller called again within the repeat window.
    var repeated: Bool

    init(outcome: QueueOutcome, queued: Int64, connected: Int64?, ended: Int64?, thresholdMilliseconds: Int64,
         shortAbandonMilliseconds: Int64, talkMilliseconds: Int64, wrapUpMilliseconds: Int64, surveyScore: Int?,
         hasCallerNumber: Bool, repeated: Bool) {
        self.outcome = outcome
        if outcome == .answered, let connected {
            waitMilliseconds = max(0, connected - queued)
        } else if let ended {
            waitMilliseconds = max(0, ended - queued)
        } else {
            waitMilliseconds = nil
        }
        withinThreshold = outcome == .answered && (waitMilliseconds ?? 0) <= thresholdMilliseconds
        shortAbandon = outcome == .abandoned && waitMilliseconds.map { $0 <= shortAbandonMilliseconds } == true
        self.talkMilliseconds = talkMilliseconds
        self.wrapUpMilliseconds = wrapUpMilliseconds
        self.surveyScore = surveyScore
        resolutionCounts = outcome == .answered && hasCallerNumber
        self.repeated = resolutionCounts && repeated
    }
}
