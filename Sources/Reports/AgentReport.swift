/// One agent's figures over the report window.
///
/// Two views, each with its own source:
/// - the calls the agent answered that arrived in the window (from the
///   call rows): count, handle time (talk + wrap-up, as for queues), AHT,
///   survey scores;
/// - how the agent's time inside the window was spent (from the state
///   changes, clipped to the window): `time`, with talk, wrap-up,
///   logged-in, paused (by reason), available and occupancy.
/// The two agree on talk and wrap-up except for calls crossing the window's
/// edges. Offers come from the queue events when the caller passes them.
public struct AgentReport: Sendable, Equatable {
    /// The config's agent id.
    public var agent: String
    /// Calls the agent answered (arrived in the window).
    public var answered: Int
    /// Talk of those calls (ended − connected), ms.
    public var handleTalkMilliseconds: Int64
    /// Wrap-up following those calls, ms.
    public var handleWrapUpMilliseconds: Int64
    /// Survey scores of those calls.
    public var surveys: SurveyTally
    /// The agent's time in the window by state.
    public var time: AgentTime
    /// Times the agent's phone was offered a caller (nil: queue events not given).
    public var offers: Int?
    /// Offers that ended without the agent answering: rang out, refused or
    /// withdrawn (`offer-ended` events; nil: queue events not given).
    public var missedOffers: Int?

    public init(agent: String, answered: Int = 0, handleTalkMilliseconds: Int64 = 0, handleWrapUpMilliseconds: Int64 = 0,
                surveys: SurveyTally = SurveyTally(), time: AgentTime = AgentTime(), offers: Int? = nil, missedOffers: Int? = nil) {
        self.agent = agent
        self.answered = answered
        self.handleTalkMilliseconds = handleTalkMilliseconds
        self.handleWrapUpMilliseconds = handleWrapUpMilliseconds
        self.surveys = surveys
        self.time = time
        self.offers = offers
        self.missedOffers = missedOffers
    }

    /// Average handle time of the agent's calls, seconds.
    public var averageHandleSeconds: Double? {
        Ratio.meanSeconds(handleTalkMilliseconds + handleWrapUpMilliseconds, over: answered)
    }

    /// Occupancy in the window, percent (see `AgentTime`).
    public var occupancyPercent: Double? { time.occupancyPercent }

    /// Whether the agent did anything at all in the window.
    var isEmpty: Bool { answered == 0 && time.isEmpty && (offers ?? 0) == 0 }
}
