import Telephony

/// What the engine asks its owner to do. The owner performs them in order.
public enum ACDAction: Sendable, Equatable {
    /// Play the queue's music to a waiting caller.
    case startMusic(CallID, music: String)
    /// Ring `agent`'s phone on `channel` for this caller; `callback`: the
    /// caller is not on the line, the box dials them once the agent answers.
    case offer(CallID, agent: AgentID, channel: ChannelID, callback: Bool)
    /// Stop ringing `agent` for this caller.
    case cancelOffer(CallID, agent: AgentID)
    /// Bridge the waiting caller to the agent who answered.
    case connect(CallID, agent: AgentID)
    /// The agent is on the line: dial the callback number on an outside line.
    case dialCallback(CallID, number: String, agent: AgentID)
    /// Stop dialling the callback (the agent hung up first).
    case cancelCallbackDial(CallID)
    /// The agent hung up: clear the caller's side.
    case hangUpCaller(CallID)
    /// The caller hung up: clear the agent's side.
    case releaseAgent(AgentID, call: CallID)
    /// Tell a waiting caller their position (1 = next) and estimated wait.
    case announcePosition(CallID, position: Int, estimatedWait: SampleTime)
    /// Play a message to a waiting caller, then back to music.
    case playMessage(CallID, PromptID)
    /// Ask the caller to confirm `suggested` or key in a callback number;
    /// answer with `.callbackNumberEntered`.
    case collectCallbackNumber(CallID, suggested: String?)
    /// The callback is booked: confirm it to the caller and hang up.
    case releaseForCallback(CallID, number: String)
    /// The caller moves to another queue (overflow).
    case moveToQueue(CallID, from: QueueID, to: QueueID)
    /// The queue will not keep the caller: play `prompt` (nil: congestion)
    /// and hang up.
    case refuse(CallID, reason: RefusalReason, prompt: PromptID?)
    /// Every attempt to call back failed; the booking is dropped.
    case callbackGaveUp(CallID, number: String)
    /// An agent's state changed (for the console, the wallboard and storage).
    case agentStatus(AgentID, AgentStatus)
    /// Whether a colleague may be consulted about the call (free or paused:
    /// taken out of the offers) or not (busy, logged out).
    case consultAnswer(CallID, agent: AgentID, accepted: Bool)
    /// Answer to digits dialled on a phone: confirmation or error tone.
    case featureResult(ChannelID, accepted: Bool, agent: AgentID?)
    /// The reconciler repaired a state that disagreed with the lines.
    case repaired(Repair)
}

public enum RefusalReason: String, Sendable, Equatable {
    case queueFull = "queue-full"
    case maxWait = "max-wait"
    case noAgents = "no-agents"
    /// Overflowed from queue to queue too many times.
    case overflowLoop = "overflow-loop"
}

/// One repair of the reconciler, for the log.
public enum Repair: Sendable, Equatable, CustomStringConvertible {
    /// The agent was "on call" but their line was idle: the call is ended.
    case ghostAgentReleased(AgentID, call: CallID)
    /// A caller was queued on a line that is idle or down: removed.
    case ghostCallerRemoved(CallID, channel: ChannelID)
    /// The connected caller's line is idle: the agent is released.
    case ghostCallEnded(CallID, agent: AgentID)
    /// An offer rang a phone whose line is down: withdrawn.
    case offerWithdrawn(CallID, agent: AgentID)
    /// A logged-in agent's line is down: paused ("line-down").
    case agentPausedLineDown(AgentID, channel: ChannelID)
    /// The line is back: the "line-down" pause is lifted.
    case agentLineRestored(AgentID, channel: ChannelID)

    public var description: String {
        switch self {
        case .ghostAgentReleased(let agent, let call): "agent \(agent) was on \(call) with an idle line: released"
        case .ghostCallerRemoved(let call, let channel): "\(call) was queued on \(channel), which has no call: removed"
        case .ghostCallEnded(let call, let agent): "\(call) with agent \(agent) has no caller on the line: ended"
        case .offerWithdrawn(let call, let agent): "offer of \(call) to agent \(agent) rang a line that is down: withdrawn"
        case .agentPausedLineDown(let agent, let channel): "agent \(agent)'s \(channel) is down: paused"
        case .agentLineRestored(let agent, let channel): "agent \(agent)'s \(channel) is back: unpaused"
        }
    }
}
