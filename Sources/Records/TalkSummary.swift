/// Who spoke how long in a recorded call, as `TalkMeter` measured it
/// (times at block resolution, speech including each side's hangover).
public struct TalkSummary: Sendable, Hashable {
    /// Audio measured.
    public var totalMilliseconds: Int64
    /// The caller (left channel) speaking, with or without the agent.
    public var callerTalkMilliseconds: Int64
    /// The agent (right channel) speaking, with or without the caller.
    public var agentTalkMilliseconds: Int64
    /// Both speaking at once.
    public var overTalkMilliseconds: Int64
    /// The longest stretch with neither speaking.
    public var longestSilenceMilliseconds: Int64
    /// Stretches of mutual silence at least `longSilenceThresholdMilliseconds` long.
    public var longSilenceCount: Int
    /// Their total length.
    public var longSilenceMilliseconds: Int64
    /// The length from which a mutual silence counts as long.
    public var longSilenceThresholdMilliseconds: Int64

    public init(totalMilliseconds: Int64 = 0, callerTalkMilliseconds: Int64 = 0, agentTalkMilliseconds: Int64 = 0,
                overTalkMilliseconds: Int64 = 0, longestSilenceMilliseconds: Int64 = 0, longSilenceCount: Int = 0,
                longSilenceMilliseconds: Int64 = 0, longSilenceThresholdMilliseconds: Int64 = 10_000) {
        self.totalMilliseconds = totalMilliseconds
        self.callerTalkMilliseconds = callerTalkMilliseconds
        self.agentTalkMilliseconds = agentTalkMilliseconds
        self.overTalkMilliseconds = overTalkMilliseconds
        self.longestSilenceMilliseconds = longestSilenceMilliseconds
        self.longSilenceCount = longSilenceCount
        self.longSilenceMilliseconds = longSilenceMilliseconds
        self.longSilenceThresholdMilliseconds = longSilenceThresholdMilliseconds
    }

    /// Time when at least one side spoke.
    public var talkMilliseconds: Int64 {
        callerTalkMilliseconds + agentTalkMilliseconds - overTalkMilliseconds
    }

    /// Over-talk as a share of `talkMilliseconds` (nil: nobody spoke).
    public var overTalkShare: Double? {
        let talk = talkMilliseconds
        return talk > 0 ? Double(overTalkMilliseconds) / Double(talk) : nil
    }

    /// The agent's share of both sides' speech, agent ÷ (caller + agent),
    /// over-talk counted for both (nil: nobody spoke).
    public var agentShare: Double? {
        let both = callerTalkMilliseconds + agentTalkMilliseconds
        return both > 0 ? Double(agentTalkMilliseconds) / Double(both) : nil
    }
}
