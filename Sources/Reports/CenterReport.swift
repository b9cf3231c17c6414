import Records

/// The whole center's KPIs over one window, as `kefu report` and the
/// wallboard show them: per queue and in total, per agent, by local hour
/// and day, and the measured staffing intervals behind `staffingAdvice`.
///
/// Computed by `compute(calls:agentStates:queueEvents:window:settings:)`
/// in one pass over the calls and one over the agents' states.
public struct CenterReport: Sendable, Equatable {
    public var window: ReportWindow
    public var settings: ReportSettings
    /// One row per queue with calls in the window or named in the
    /// settings, by queue id.
    public var queues: [QueueReport]
    /// All queues together.
    public var total: QueueReport
    /// One row per agent with calls, logged-in time or offers, by agent id.
    public var agents: [AgentReport]
    public var intervals: IntervalReport
    /// The window cut into `settings.staffingIntervalMinutes` from `from`.
    public var staffingIntervals: [StaffingInterval]
    /// Calls that arrived in the window but never joined a queue (ended in
    /// the menus, sent elsewhere, or straight to an agent).
    public var callsNotQueued: Int

    public init(window: ReportWindow, settings: ReportSettings, queues: [QueueReport], total: QueueReport,
                agents: [AgentReport], intervals: IntervalReport, staffingIntervals: [StaffingInterval], callsNotQueued: Int) {
        self.window = window
        self.settings = settings
        self.queues = queues
        self.total = total
        self.agents = agents
        self.intervals = intervals
        self.staffingIntervals = staffingIntervals
        self.callsNotQueued = callsNotQueued
    }

    /// Computes every report of the window.
    ///
    /// Linear in the rows, with memory for the per-queue, per-agent and
    /// per-caller tables only: a day of 1 000 000 calls with 3 000 000 state
    /// changes takes under a second (`report-bench`).
    ///
    /// - Parameters:
    ///   - calls: call rows in order of arrival (as the store returns them;
    ///     they are sorted first if not). Calls arriving before `from` are
    ///     ignored. Calls arriving at or after `to` are not counted but
    ///     serve as the later calls of first-call resolution: to judge the
    ///     last day's calls fully, query `repeatWindowHours` past `to`.
    ///   - agentStates: agents' state changes, including each agent's last
    ///     change before `from`.
    ///   - queueEvents: queue events in the window, for agents' offers and
    ///     missed offers; nil leaves those figures out.
    ///   - window: what to count and how to read local time.
    ///   - settings: thresholds.
    public static func compute(calls: [CallDetail], agentStates: [StoredAgentState] = [],
                               queueEvents: [StoredQueueEvent]? = nil, window: ReportWindow,
                               settings: ReportSettings = ReportSettings()) -> CenterReport {
        var registry = AgentRegistry()
        var timeline = AgentTimeline(window: window, bucketMilliseconds: settings.staffingIntervalMilliseconds)
        timeline.run(agentStates, registry: &registry)
        var pass = CallPass(window: window, settings: settings, wrapUps: timeline.wrapUps)
        pass.run(calls, agents: &registry)
        var offers = OfferCount()
        if let queueEvents { offers.count(queueEvents, window: window, agents: &registry) }
        return pass.report(timeline: timeline, offers: queueEvents == nil ? nil : offers, agents: registry)
    }
}
