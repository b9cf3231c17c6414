import Telephony

/// The ACD as a value: `on(event, now:)` returns what to do. See ACD.swift.
public struct ACDEngine: Sendable {
    public internal(set) var configuration: ACDConfiguration
    var queues: [QueueRuntime]
    var agents: [AgentRuntime]
    var queueIndex: [QueueID: Int]
    var agentIndex: [AgentID: Int]
    var agentOnChannel: [ChannelID: Int] = [:]
    /// Queue index of every waiting caller.
    var whereWaiting: [CallID: Int] = [:]
    var connected: [CallID: ConnectedCall] = [:]
    var random: SeededRandom
    /// Agents whose status is `.available`, in configuration order.
    var freeList: [Int] = []
    var freeAgents: Int { freeList.count }
    var timers = TimerQueue()
    /// Outside lines held by callbacks (reserved from the offer to the agent on).
    var callbackLinesInUse = 0
    var sequence: UInt64 = 0
    var emitted: [ACDAction] = []

    /// When the engine next needs `.tick` (nil: nothing is timed).
    public private(set) var nextWakeup: SampleTime?
    /// The latest time the engine has been told; time never goes back.
    public private(set) var now: SampleTime = .zero

    public init(configuration: ACDConfiguration, random: SeededRandom) throws(ACDConfigurationError) {
        let problems = configuration.problems()
        guard problems.isEmpty else { throw ACDConfigurationError(problems: problems) }
        self.configuration = configuration
        self.random = random
        var queueIndex: [QueueID: Int] = [:]
        for (i, queue) in configuration.queues.enumerated() { queueIndex[queue.id] = i }
        self.queueIndex = queueIndex
        queues = configuration.queues.map { config in
            var stats = QueueStatistics()
            stats.threshold = config.serviceLevelThreshold
            stats.shortAbandonThreshold = config.shortAbandonThreshold
            return QueueRuntime(setup: QueueSetup(config, queueIndex: queueIndex), stats: stats, handleTimeEstimate: config.expectedHandleTime)
        }
        var agentIndex: [AgentID: Int] = [:]
        agents = configuration.agents.enumerated().map { order, config in
            agentIndex[config.id] = order
            let serves = configuration.queues.map { config.queues.contains($0.id) }
            return AgentRuntime(id: config.id, order: order, serves: serves, skills: config.skills,
                                wrapUp: config.wrapUp, homeChannel: config.homeChannel)
        }
        self.agentIndex = agentIndex
    }

    /// Handles one event at `now` and returns the actions to perform, in order.
    public mutating func on(_ event: ACDEvent, now: SampleTime) -> [ACDAction] {
        let now = max(now, self.now)
        self.now = now
        runTimers(now: now)
        switch event {
        case .callArrived(let arrival): arrive(arrival, now: now)
        case .callerHungUp(let call): callerHungUp(call, now: now)
        case .callerKey(let call, let key): callerKey(call, key, now: now)
        case .callbackNumberEntered(let call, let number): bookCallback(call, number: number, now: now)
        case .agentAnswered(let agent): if let i = agentIndex[agent] { agentAnswered(i, now: now) }
        case .agentDeclined(let agent): if let i = agentIndex[agent] { missedOffer(i, now: now) }
        case .agentHungUp(let agent): if let i = agentIndex[agent] { agentHungUp(i, now: now) }
        case .callbackConnected(let call, let line): callbackConnected(call, line: line, now: now)
        case .callbackFailed(let call): callbackFailed(call, now: now)
        case .callbackLineUnavailable(let call): callbackLineUnavailable(call, now: now)
        case .transfer(let call, let queue): transferCaller(call, to: queue, now: now)
        case .restoreCallback(let arrival, let number, let since): restoreCallback(arrival, number: number, since: since, now: now)
        case .agentTransfer(let agent, let queue): if let i = agentIndex[agent] { agentTransfer(i, to: queue, now: now) }
        case .consult(let call, let agent): if let i = agentIndex[agent] { consult(call, agent: i, now: now) }
        case .consultEnded(let agent): if let i = agentIndex[agent] { consultEnded(i, now: now) }
        case .handOver(let call, let agent): if let i = agentIndex[agent] { handOver(call, to: i, now: now) }
        case .featureCode(let channel, let digits): featureCode(channel, digits: digits, now: now)
        case .console(let command): console(command, now: now)
        case .reconcile(let snapshot): reconcile(snapshot, now: now)
        case .tick: break
        }
        dispatch(now: now)
        nextWakeup = earliestDeadline()
        let actions = emitted
        emitted = []
        return actions
    }

    mutating func emit(_ action: ACDAction) { emitted.append(action) }

    /// Changes an agent's status, keeping the staffed-time and free-agent
    /// counts; `idle: true` restarts their idle time (for longest-idle).
    mutating func setStatus(_ i: Int, _ status: AgentStatus, at now: SampleTime, idle: Bool = false) {
        let old = agents[i].status
        if old.isStaffed { agents[i].staffed += now - agents[i].since }
        if old == .available, let k = freeList.firstIndex(of: i) { freeList.remove(at: k) }
        if status == .available, old != .available {
            freeList.insert(i, at: freeList.firstIndex { $0 > i } ?? freeList.count)
        }
        if idle { agents[i].idleSince = now }
        agents[i].status = status
        agents[i].since = now
        emit(.agentStatus(agents[i].id, status))
    }

    // MARK: Queries (for the console, the wallboard and tests)

    public func status(of agent: AgentID) -> AgentStatus? {
        agentIndex[agent].map { agents[$0].status }
    }

    public func agent(_ id: AgentID) -> AgentSnapshot? {
        guard let i = agentIndex[id] else { return nil }
        let a = agents[i]
        return AgentSnapshot(id: a.id, status: a.status, channel: a.channel, since: a.since, callsTaken: a.callsTaken,
                             talkTime: a.talkTime, consecutiveMisses: a.consecutiveMisses)
    }

    public var agentSnapshots: [AgentSnapshot] { agents.compactMap { agent($0.id) } }

    /// The agent logged in on this phone.
    public func agent(on channel: ChannelID) -> AgentID? {
        agentOnChannel[channel].map { agents[$0].id }
    }

    /// Callers of a queue in queue order.
    public func waiting(in queue: QueueID) -> [WaitingSnapshot] {
        guard let q = queueIndex[queue] else { return [] }
        return queues[q].waiting.enumerated().map { n, caller in
            WaitingSnapshot(call: caller.call, position: n + 1, waited: now - caller.arrivedAt,
                            callbackNumber: caller.callback?.number, ringing: caller.ringing.map { agents[$0].id })
        }
    }

    /// The queue's accounting up to `now` (staffed time included).
    public func statistics(for queue: QueueID, now: SampleTime) -> QueueStatistics? {
        guard let q = queueIndex[queue] else { return nil }
        var stats = queues[q].stats
        for agent in agents where agent.serves[q] {
            stats.staffedTime += agent.staffed
            if agent.status.isStaffed { stats.staffedTime += max(now, agent.since) - agent.since }
        }
        return stats
    }

    /// Callbacks holding an outside line now.
    public var callbackLinesBusy: Int { callbackLinesInUse }
    /// The queues, in configuration order.
    public var queueIDs: [QueueID] { queues.map(\.setup.config.id) }
}
