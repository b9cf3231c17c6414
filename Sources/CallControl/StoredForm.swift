import Records
import Storage
import Telephony

/// Call control's records in the form the store keeps: wall-clock Unix
/// milliseconds, plain ids and words.
enum StoredForm {
    static func detail(_ r: CallRecord, wallClock: (SampleTime) -> Int64) -> CallDetail {
        var d = CallDetail(callID: Int64(r.id.rawValue), line: r.line.rawValue, arrived: wallClock(r.arrived))
        d.callerNumber = r.callerID?.number ?? r.dialled
        d.callerName = r.callerID?.name
        d.calledNumber = r.called
        d.callerCategory = r.category
        d.answered = r.answered.map(wallClock)
        d.queued = r.queued.map(wallClock)
        d.connected = r.connected.map(wallClock)
        d.ended = r.ended.map(wallClock)
        d.endReason = r.end?.rawValue
        d.release = r.release
        d.queue = r.queue
        d.agent = r.agentID
        d.menuPath = r.menuPath
        d.data = r.data
        d.keys = r.keys
        d.language = r.language
        d.surveyAsked = r.surveyAsked
        d.surveyScore = r.surveyScore
        d.missedOffers = r.missedOffers
        d.direction = r.direction.rawValue
        d.origin = r.origin.map { Int64($0.rawValue) }
        d.holds = r.holds
        d.heldMilliseconds = r.heldFor.milliseconds
        d.transfers = r.transfers
        d.conferences = r.conferences
        return d
    }

    static func telemetry(_ r: CallRecord) -> CallTelemetry {
        CallTelemetry(dtmfKeys: r.keys.count, falseDigitSuspects: r.keysWhileTalking, endedByTone: r.end == .callerBusyTone ? "busy" : nil)
    }

    static func agentState(_ c: AgentStateChange, wallClock: (SampleTime) -> Int64) -> StoredAgentState {
        StoredAgentState(agent: c.agent, state: c.state, reason: c.reason, callID: c.call.map { Int64($0.rawValue) },
                         phone: c.phone?.rawValue, at: wallClock(c.at))
    }

    static func queueEvent(_ e: QueueEvent, wallClock: (SampleTime) -> Int64) -> StoredQueueEvent {
        var s = StoredQueueEvent(callID: Int64(e.call.rawValue), queue: e.queue, kind: "", at: wallClock(e.at))
        switch e.kind {
        case .joined: s.kind = "joined"
        case .offered(let agent): s.kind = "offered"; s.agent = agent
        case .offerEnded(let agent): s.kind = "offer-ended"; s.agent = agent
        case .answered(let agent, let waited): s.kind = "answered"; s.agent = agent; s.waited = waited.milliseconds
        case .abandoned(let waited): s.kind = "abandoned"; s.waited = waited.milliseconds
        case .refused(let reason): s.kind = "refused"; s.detail = reason
        case .moved(let to): s.kind = "moved"; s.detail = to
        case .completed(let agent, let talked): s.kind = "completed"; s.agent = agent; s.talked = talked.milliseconds
        case .callbackBooked(let number): s.kind = "callback-booked"; s.detail = number
        case .callbackFailed(let reason, let leg): s.kind = "callback-failed"; s.detail = "\(reason) (\(leg))"
        case .callbackConnected(let agent, let leg, let waited):
            s.kind = "callback-connected"; s.agent = agent; s.waited = waited.milliseconds; s.detail = leg.description
        case .callbackGaveUp(let number): s.kind = "callback-gave-up"; s.detail = number
        case .transferred(let agent, let to): s.kind = "transferred"; s.agent = agent; s.detail = to
        }
        return s
    }

    static func quality(_ talk: TalkSummary, _ a: QualityAssessment) -> QualityFigures {
        QualityFigures(callerTalk: talk.callerTalkMilliseconds, agentTalk: talk.agentTalkMilliseconds, overTalk: talk.overTalkMilliseconds,
                       longSilences: talk.longSilenceCount, longestSilence: talk.longestSilenceMilliseconds, score: a.score,
                       findings: a.findings.map(\.description).joined(separator: "; "))
    }
}
