import Records

/// Something to keep in the database. Call control hands these to the
/// `StoreWriter`; the writer's thread puts them in the file in order.
public enum StoreItem: Sendable, Equatable {
    /// A call that is in progress (its recording has begun): after a crash
    /// the row says the call was interrupted and points at the recording.
    case callStarted(callID: Int64, line: Int, arrived: Int64)
    /// The call's final row (replaces an in-progress one).
    case callFinished(CallDetail, telemetry: CallTelemetry)
    /// A call still in progress when kefud stopped: what was known, marked interrupted.
    case callInterrupted(CallDetail, telemetry: CallTelemetry)
    case queueEvent(StoredQueueEvent)
    case agentState(StoredAgentState)
    case recordingStarted(RecordingStart)
    case recordingFinished(RecordingEnd)
    case audit(AuditEntry)
    /// A caller's message, once they finished leaving it.
    case messageSaved(StoredMessage)
}

/// What the DSP saw on a call.
public struct CallTelemetry: Sendable, Equatable {
    /// DTMF keys detected on the line after the answer.
    public var dtmfKeys: Int
    /// Keys detected where none was expected (during the conversation with
    /// the agent): suspects of talk-off.
    public var falseDigitSuspects: Int
    /// The tone that ended the call (busy, congestion), if one did.
    public var endedByTone: String?

    public init(dtmfKeys: Int = 0, falseDigitSuspects: Int = 0, endedByTone: String? = nil) {
        self.dtmfKeys = dtmfKeys
        self.falseDigitSuspects = falseDigitSuspects
        self.endedByTone = endedByTone
    }
}

public struct RecordingStart: Sendable, Equatable {
    public var callID: Int64
    public var path: String
    public var queue: String?
    public var agent: String?
    public var started: Int64
    /// The id of the key the file is sealed with; nil: plain WAV.
    public var sealedKey: String?

    public init(callID: Int64, path: String, queue: String?, agent: String?, started: Int64, sealedKey: String? = nil) {
        self.callID = callID
        self.path = path
        self.queue = queue
        self.agent = agent
        self.started = started
        self.sealedKey = sealedKey
    }
}

/// How a recording finished.
public struct RecordingEnd: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Written to the end of the call.
        case complete
        /// Found open after a crash and made playable up to the cut.
        case repaired
        /// Stopped before the call ended (disk full, write error); `note` says why.
        case cutShort = "cut-short"
    }

    public var callID: Int64
    public var ended: Int64
    /// Audio bytes in the file (PCM, before any sealing).
    public var bytes: Int64
    public var state: State
    public var note: String?
    public var quality: QualityFigures?

    public init(callID: Int64, ended: Int64, bytes: Int64, state: State, note: String? = nil, quality: QualityFigures? = nil) {
        self.callID = callID
        self.ended = ended
        self.bytes = bytes
        self.state = state
        self.note = note
        self.quality = quality
    }
}

/// A recording's quality-inspection figures, as stored.
public struct QualityFigures: Sendable, Equatable {
    public var callerTalk: Int64
    public var agentTalk: Int64
    public var overTalk: Int64
    public var longSilences: Int
    public var longestSilence: Int64
    public var score: Int
    /// The findings, as text ("long silence 14 s; over-talk 22 %").
    public var findings: String

    public init(callerTalk: Int64, agentTalk: Int64, overTalk: Int64, longSilences: Int, longestSilence: Int64, score: Int, findings: String) {
        self.callerTalk = callerTalk
        self.agentTalk = agentTalk
        self.overTalk = overTalk
        self.longSilences = longSilences
        self.longestSilence = longestSilence
        self.score = score
        self.findings = findings
    }
}

/// Who did what to which object, when: every access to a recording
/// (listen, export, delete) and every change an operator makes.
public struct AuditEntry: Sendable, Equatable {
    public var at: Int64
    public var user: String
    /// listen, export, delete, retention-delete, flag, key-generate, …
    public var action: String
    /// `recording 1234`, `agent 8001`, …
    public var object: String
    public var detail: String?

    public init(at: Int64, user: String, action: String, object: String, detail: String? = nil) {
        self.at = at
        self.user = user
        self.action = action
        self.object = object
        self.detail = detail
    }
}
