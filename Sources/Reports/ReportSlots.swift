import Records

/// The half hours the stored report tables are kept by: Unix time cut
/// every 30 minutes from 1970-01-01 00:00 UTC. Local hours and days start
/// on this grid wherever the offset from UTC is a whole number of half
/// hours (every zone but a few, such as Nepal's +5:45).
public enum ReportSlot {
    public static let milliseconds: Int64 = 1_800_000

    /// The half hour holding `time`.
    public static func of(_ time: Int64) -> Int64 { ReportWindow.floorDivide(time, milliseconds) }
    /// Unix ms where half hour `slot` starts.
    public static func start(_ slot: Int64) -> Int64 { slot * milliseconds }
    /// Whether `time` is the start of a half hour.
    public static func isBoundary(_ time: Int64) -> Bool { time == start(of(time)) }
}

/// One half hour of one queue (or, named "", of the calls that joined
/// none), by the calls' arrival: the sums behind `CallFigures`. Waits and
/// survey scores are kept as counts per whole second and per score, so the
/// service-level threshold, the short-abandon limit and the survey scale
/// are applied when the report is read and may change in the config.
public struct QueueSlotFigures: Sendable, Equatable {
    public var offered = 0
    public var answered = 0
    public var abandoned = 0
    public var refused = 0
    public var otherEnds = 0
    public var callbacksBooked = 0
    public var callbacksConnected = 0
    public var messagesLeft = 0
    public var answerWaitMilliseconds: Int64 = 0
    public var abandonWaitMilliseconds: Int64 = 0
    public var longestWaitMilliseconds: Int64 = 0
    public var talkMilliseconds: Int64 = 0
    public var wrapUpMilliseconds: Int64 = 0
    public var resolutionBase = 0
    public var repeatCalls = 0
    /// Calls that arrived in the half hour and joined no queue (queue "" only).
    public var notQueued = 0
    /// Answered calls by seconds waited, rounded up (0: no wait).
    public var answerWaits: [Int: Int] = [:]
    /// Abandoned calls by seconds waited, rounded up (-1: the call has no end).
    public var abandonWaits: [Int: Int] = [:]
    /// Calls by survey score.
    public var scores: [Int: Int] = [:]

    public init() {}

    /// Whether the queue shows in a report for this half hour (a report
    /// lists a queue once a call joined it or a callback reached a caller).
    public var isCounted: Bool { offered != 0 || callbacksConnected != 0 }
}

/// One half hour of one agent: the calls they answered (by arrival), how
/// their time was spent (by the state they were in), and offers (by time).
public struct AgentSlotFigures: Sendable, Equatable {
    public var answered = 0
    public var talkMilliseconds: Int64 = 0
    public var wrapUpMilliseconds: Int64 = 0
    /// The answered calls by survey score.
    public var scores: [Int: Int] = [:]
    public var availableMilliseconds: Int64 = 0
    public var ringingMilliseconds: Int64 = 0
    public var onCallMilliseconds: Int64 = 0
    public var wrapUpStateMilliseconds: Int64 = 0
    public var pausedMilliseconds: Int64 = 0
    /// Logged in, in a state this version does not know.
    public var otherMilliseconds: Int64 = 0
    /// Paused time by the pause's reason ("" when it gave none).
    public var pausedByReason: [String: Int64] = [:]
    public var offers = 0
    public var missedOffers = 0
    /// State changes stamped in the half hour.
    public var changes = 0

    public init() {}

    /// Logged in and not paused, ms.
    public var staffedMilliseconds: Int64 {
        availableMilliseconds + ringingMilliseconds + onCallMilliseconds + wrapUpStateMilliseconds + otherMilliseconds
    }
}

/// A half hour and whose it is (a queue or an agent).
public struct SlotKey: Hashable, Sendable {
    public var slot: Int64
    public var name: String
    public init(slot: Int64, name: String) {
        self.slot = slot
        self.name = name
    }
}

/// Per-half-hour sums of queues and agents: what the report tables hold,
/// or a change to them. Every stored row adds its share here (`add`), and
/// takes it back with `sign` -1 when it changes; `CenterReport.compute(slots:)`
/// turns whole half hours back into the report.
public struct ReportSlots: Sendable, Equatable {
    public var queues: [SlotKey: QueueSlotFigures] = [:]
    public var agents: [SlotKey: AgentSlotFigures] = [:]

    public init() {}

    public var isEmpty: Bool { queues.isEmpty && agents.isEmpty }

    /// Adds (sign 1) or takes back (sign -1) one call row's share, given
    /// the wrap-up charged to it and whether its caller called again within
    /// the repeat window. Returns true when a longest wait was taken back:
    /// the half hour's longest wait must then be found again from the rows.
    @discardableResult
    public mutating func add(call: CallDetail, wrapUpMilliseconds: Int64, repeated: Bool, sign: Int = 1) -> Bool {
        let slot = ReportSlot.of(call.arrived)
        let connected = call.connected, ended = call.ended, score = call.surveyScore
        var talk: Int64 = 0, wrapUp: Int64 = 0
        if let connected, let agent = call.agent {
            if let ended {
                talk = max(0, ended - connected)
                wrapUp = wrapUpMilliseconds
            }
            let s64 = Int64(sign)
            agents[SlotKey(slot: slot, name: agent), default: AgentSlotFigures()].answered += sign
            agents[SlotKey(slot: slot, name: agent)]!.talkMilliseconds += s64 * talk
            agents[SlotKey(slot: slot, name: agent)]!.wrapUpMilliseconds += s64 * wrapUp
            if let score { agents[SlotKey(slot: slot, name: agent)]!.scores[score, default: 0] += sign }
        } else if let connected, let ended {
            talk = max(0, ended - connected)
        }
        if call.isCallback, let queue = call.queue {
            if connected != nil { queues[SlotKey(slot: slot, name: queue), default: QueueSlotFigures()].callbacksConnected += sign }
            return false
        }
        guard let queue = call.queue, let queued = call.queued else {
            queues[SlotKey(slot: slot, name: ""), default: QueueSlotFigures()].notQueued += sign
            return false
        }
        let hasCallerNumber = !(call.callerNumber ?? "").isEmpty
        let facts = CallFacts(outcome: QueueOutcome(connected: connected != nil, endReason: call.endReason), queued: queued,
                              connected: connected, ended: ended, thresholdMilliseconds: 0, shortAbandonMilliseconds: 0,
                              talkMilliseconds: talk, wrapUpMilliseconds: wrapUp, surveyScore: score,
                              hasCallerNumber: hasCallerNumber, repeated: repeated)
        let key = SlotKey(slot: slot, name: queue)
        queues[key, default: QueueSlotFigures()].add(facts, sign: sign)
        return sign < 0 && (facts.waitMilliseconds ?? 0) > 0
    }

    /// Adds wrap-up to a call already counted (a wrap-up still open when a
    /// report is read, counted up to the report's end).
    public mutating func addWrapUp(call: CallDetail, milliseconds: Int64) {
        guard milliseconds != 0, call.connected != nil, call.ended != nil else { return }
        let slot = ReportSlot.of(call.arrived)
        if let agent = call.agent { agents[SlotKey(slot: slot, name: agent), default: AgentSlotFigures()].wrapUpMilliseconds += milliseconds }
        guard call.agent != nil, !call.isCallback, let queue = call.queue, call.queued != nil else { return }
        queues[SlotKey(slot: slot, name: queue), default: QueueSlotFigures()].wrapUpMilliseconds += milliseconds
    }

    /// Adds (or takes back) an agent's state `state` over [start, end).
    public mutating func add(state: String, reason: String?, agent: String, start: Int64, end: Int64, sign: Int = 1) {
        let kind = AgentStateKind(state)
        guard end > start, kind != .loggedOut else { return }
        var t = start
        while t < end {
            let slot = ReportSlot.of(t)
            let piece = min(end, ReportSlot.start(slot + 1)) - t
            let ms = Int64(sign) * piece
            let key = SlotKey(slot: slot, name: agent)
            var figures = agents[key] ?? AgentSlotFigures()
            switch kind {
            case .available: figures.availableMilliseconds += ms
            case .ringing: figures.ringingMilliseconds += ms
            case .onCall: figures.onCallMilliseconds += ms
            case .wrapUp: figures.wrapUpStateMilliseconds += ms
            case .paused:
                figures.pausedMilliseconds += ms
                figures.pausedByReason[reason ?? "", default: 0] += ms
            case .other: figures.otherMilliseconds += ms
            case .loggedOut: break
            }
            agents[key] = figures
            t += piece
        }
    }

    /// Counts (or takes back) one state change stamped `at`.
    public mutating func addChange(agent: String, at: Int64, sign: Int = 1) {
        agents[SlotKey(slot: ReportSlot.of(at), name: agent), default: AgentSlotFigures()].changes += sign
    }

    /// Counts an agent's offer or missed offer (other queue events add nothing).
    public mutating func add(event: StoredQueueEvent, sign: Int = 1) {
        guard let agent = event.agent else { return }
        let key = SlotKey(slot: ReportSlot.of(event.at), name: agent)
        if event.kind == "offered" {
            agents[key, default: AgentSlotFigures()].offers += sign
        } else if event.kind == "offer-ended" {
            agents[key, default: AgentSlotFigures()].missedOffers += sign
        }
    }
}

extension QueueSlotFigures {
    mutating func add(_ call: CallFacts, sign: Int) {
        let s64 = Int64(sign)
        offered += sign
        switch call.outcome {
        case .answered:
            answered += sign
            let wait = call.waitMilliseconds ?? 0
            answerWaitMilliseconds += s64 * wait
            answerWaits[Self.seconds(wait), default: 0] += sign
            talkMilliseconds += s64 * call.talkMilliseconds
            wrapUpMilliseconds += s64 * call.wrapUpMilliseconds
        case .abandoned:
            abandoned += sign
            abandonWaitMilliseconds += s64 * (call.waitMilliseconds ?? 0)
            abandonWaits[call.waitMilliseconds.map(Self.seconds) ?? -1, default: 0] += sign
        case .refused: refused += sign
        case .callback: callbacksBooked += sign
        case .message: messagesLeft += sign
        case .other: otherEnds += sign
        }
        if sign > 0, let wait = call.waitMilliseconds, wait > longestWaitMilliseconds { longestWaitMilliseconds = wait }
        if let score = call.surveyScore { scores[score, default: 0] += sign }
        if call.resolutionCounts {
            resolutionBase += sign
            if call.repeated { repeatCalls += sign }
        }
    }

    /// Whole seconds, rounded up: a wait is within T seconds exactly when this is at most T.
    static func seconds(_ milliseconds: Int64) -> Int {
        Int((max(0, milliseconds) + 999) / 1000)
    }

    /// The figures for a threshold of `thresholdSeconds`, a short-abandon
    /// limit of `shortAbandonSeconds` and scores on 1…`surveyScale`.
    func callFigures(thresholdSeconds: Int, shortAbandonSeconds: Int, surveyScale: Int) -> CallFigures {
        var f = CallFigures()
        f.offered = offered
        f.answered = answered
        f.answeredWithinThreshold = answerWaits.reduce(0) { $0 + ($1.key <= thresholdSeconds ? $1.value : 0) }
        f.abandoned = abandoned
        f.shortAbandons = abandonWaits.reduce(0) { $0 + ($1.key >= 0 && $1.key <= shortAbandonSeconds ? $1.value : 0) }
        f.refused = refused
        f.otherEnds = otherEnds
        f.callbacksBooked = callbacksBooked
        f.callbacksConnected = callbacksConnected
        f.messagesLeft = messagesLeft
        f.answerWaitMilliseconds = answerWaitMilliseconds
        f.abandonWaitMilliseconds = abandonWaitMilliseconds
        f.longestWaitMilliseconds = longestWaitMilliseconds
        f.talkMilliseconds = talkMilliseconds
        f.wrapUpMilliseconds = wrapUpMilliseconds
        f.surveys = SurveyTally(scores: scores, scale: surveyScale)
        f.resolutionBase = resolutionBase
        f.repeatCalls = repeatCalls
        return f
    }
}

extension SurveyTally {
    /// The tally of `scores` (score → calls) on a 1…`scale` survey.
    init(scores: [Int: Int], scale: Int) {
        self.init()
        for (score, calls) in scores where calls != 0 {
            count += calls
            scoreTotal += score * calls
            if score * 5 >= 4 * scale { satisfied += calls }
            if score * 5 <= 2 * scale { dissatisfied += calls }
        }
    }
}
