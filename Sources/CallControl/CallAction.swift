import Channels
import MediaLoop
import Telephony

/// What the call flow decides; `CallController` performs it.
public enum CallAction: Sendable, Equatable {
    case media(MediaCommand)
    /// Start writing a recording for a call into a tap slot.
    case recordingStarted(CallID, RecordingSlot)
    case recordingStopped(CallID, RecordingSlot)
    /// Start writing a caller's message for mailbox `box` into a tap slot.
    case messageStarted(CallID, RecordingSlot, box: String)
    /// The message is complete (`length` of audio).
    case messageStopped(CallID, RecordingSlot, box: String, length: SampleTime)
    /// The box answered a call: it is stored as in progress from now on, so
    /// a crash leaves a row that start-up marks interrupted.
    case callAnswered(CallID)
    /// A call is over; its record is final.
    case finished(CallRecord)
    /// An agent's state changed (for storage and reports).
    case agentState(AgentStateChange)
    /// Something happened to a caller in a queue (for storage and reports).
    case queueEvent(QueueEvent)
    /// Look up the new messages of these mailboxes (all when empty) and
    /// tell the flow (`messagesFetched`).
    case fetchMessages(ChannelNumber, boxes: [String])
    /// Play a stored message to a phone (audio loaded from its file).
    case playMessage(ChannelNumber, MessageItem)
    /// Mark a stored message heard or deleted by `user`.
    case markMessage(Int64, state: String, user: String)
    /// Something a supervisor did from a phone (monitoring), for the audit log.
    case audit(user: String, action: String, object: String, detail: String?)
    /// Something the operator should know: a configured feature Kefu does
    /// not carry out yet, a state the ACD repaired.
    case note(String)
}

/// An agent's new state, as the ACD decided it.
public struct AgentStateChange: Sendable, Equatable {
    /// The config's agent id (`8001`).
    public var agent: String
    /// logged-out, available, ringing, on-call, wrap-up or paused.
    public var state: String
    /// Why: the pause reason (`break`, `auto-pause`, `line-down`).
    public var reason: String?
    /// The call the agent is ringing for or talking on.
    public var call: CallID?
    /// The phone the agent is logged in on.
    public var phone: ChannelNumber?
    public var at: SampleTime

    public init(agent: String, state: String, reason: String? = nil, call: CallID? = nil, phone: ChannelNumber? = nil, at: SampleTime) {
        self.agent = agent
        self.state = state
        self.reason = reason
        self.call = call
        self.phone = phone
        self.at = at
    }
}

/// One step of a caller's time in a queue.
public struct QueueEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The caller entered the queue.
        case joined
        /// An agent's phone rings for the caller.
        case offered(agent: String)
        /// The offer ended without an answer (rang out, refused, withdrawn).
        case offerEnded(agent: String)
        /// An agent answered; the caller waited `waited` in the queue.
        case answered(agent: String, waited: SampleTime)
        /// The caller hung up while waiting.
        case abandoned(waited: SampleTime)
        /// The queue would not keep the caller (queue-full, max-wait, no-agents, overflow-loop).
        case refused(reason: String)
        /// Overflow to another queue.
        case moved(to: String)
        /// The conversation with the agent ended.
        case completed(agent: String, talked: SampleTime)
        /// The caller booked a callback to `number` and hung up, keeping their place.
        case callbackBooked(number: String)
        /// A callback attempt (call `leg`) failed; the booking waits for a retry.
        case callbackFailed(reason: String, leg: CallID)
        /// The called-back caller answered; `agent` talks to them on call `leg`.
        case callbackConnected(agent: String, leg: CallID, waited: SampleTime)
        /// Every callback attempt failed; the booking is dropped.
        case callbackGaveUp(number: String)
        /// The agent passed the caller on (a queue, or a colleague's agent id).
        case transferred(agent: String, to: String)
    }

    public var call: CallID
    public var queue: String
    public var kind: Kind
    public var at: SampleTime

    public init(call: CallID, queue: String, kind: Kind, at: SampleTime) {
        self.call = call
        self.queue = queue
        self.kind = kind
        self.at = at
    }
}
