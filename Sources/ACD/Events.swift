import Telephony

/// What happens around the ACD, told to `ACDEngine.on(_:now:)`.
public enum ACDEvent: Sendable, Equatable {
    /// A caller enters a queue (from the IVR or straight off a line).
    case callArrived(CallArrival)
    /// The caller hung up (while waiting, or while talking to an agent).
    case callerHungUp(CallID)
    /// The caller pressed a key while waiting.
    case callerKey(CallID, DTMFKey)
    /// The caller chose a callback: the number keyed in, or "" for their caller ID.
    case callbackNumberEntered(CallID, number: String)
    /// The ringing agent picked up.
    case agentAnswered(AgentID)
    /// The ringing agent refused the offer (counts as a missed offer).
    case agentDeclined(AgentID)
    /// The agent hung up their call.
    case agentHungUp(AgentID)
    /// The callback's outside call was answered by the caller, on `line`.
    case callbackConnected(CallID, line: ChannelID)
    /// The callback's outside call failed (busy, no answer, no line).
    case callbackFailed(CallID)
    /// A callback was offered (or its agent answered) but no outside line
    /// could be used: the offers are withdrawn (not counted as missed) or
    /// the agent is freed, and the booking waits; not counted as an attempt.
    case callbackLineUnavailable(CallID)
    /// A callback booked before a restart, put back at the place its
    /// caller's arrival (`since`, possibly before time zero) gives it.
    case restoreCallback(CallArrival, number: String, since: SampleTime)
    /// A supervisor moves a waiting caller to another queue; they keep the
    /// place their original arrival gives them there.
    case transfer(CallID, to: QueueID)
    /// The agent on the call passes the caller to a queue (blind transfer
    /// from the phone); the caller keeps the place their arrival gives them.
    case agentTransfer(AgentID, to: QueueID)
    /// An agent on `call` rings a colleague to consult them; answered with
    /// `.consultAnswer`.
    case consult(CallID, agent: AgentID)
    /// The consultation ended without the colleague taking the call.
    case consultEnded(AgentID)
    /// The consulted colleague takes the call (attended transfer).
    case handOver(CallID, to: AgentID)
    /// Digits dialled on an idle phone that start with a feature code.
    case featureCode(ChannelID, digits: String)
    /// A command from the console.
    case console(AgentCommand)
    /// What the lines say now; the engine repairs states that disagree.
    case reconcile(ChannelSnapshot)
    /// Time has passed (the engine asked for it with `nextWakeup`).
    case tick
}

/// A caller joining a queue.
public struct CallArrival: Sendable, Equatable {
    public var call: CallID
    public var queue: QueueID
    /// The caller's line.
    public var channel: ChannelID
    public var callerID: String?
    /// The number the caller dialled (DNIS), for VIP lines.
    public var dialled: String?
    public init(call: CallID, queue: QueueID, channel: ChannelID, callerID: String? = nil, dialled: String? = nil) {
        self.call = call
        self.queue = queue
        self.channel = channel
        self.callerID = callerID
        self.dialled = dialled
    }
}

/// Console commands about agents (the same as feature codes, by agent id).
public enum AgentCommand: Sendable, Equatable {
    case login(AgentID, channel: ChannelID?)
    case logout(AgentID)
    case pause(AgentID, reason: String)
    case unpause(AgentID)
    /// Finish wrap-up now.
    case endWrapUp(AgentID)
}

/// The state of the lines as the channel layer sees it.
public struct ChannelSnapshot: Sendable, Equatable {
    public var lines: [ChannelID: LineCondition]
    public init(_ lines: [ChannelID: LineCondition]) { self.lines = lines }
}

public enum LineCondition: Sendable, Equatable {
    /// On hook, no call on it.
    case idle
    /// Off hook or carrying a call.
    case busy
    /// Out of service (alarm, unplugged, driver gone).
    case down
}
