import ACD
import Telephony

/// Runs a `SimScenario` through the real ACD engine on a virtual clock: a
/// heap of timed events (arrivals, answers, hang-ups, abandons, the engine's
/// own wake-ups) is drained in time order; each engine action schedules
/// what the simulated people do next. Deterministic for a seed.
public enum CallCenterSimulation {
    public static func run(_ scenario: SimScenario) throws(ACDConfigurationError) -> SimResult {
        var run = try SimRun(scenario)
        return run.run()
    }
}

struct SimRun {
    enum Event {
        case arrival(stream: Int)
        case enterQueue(caller: Int, queue: Int)
        case abandon(caller: Int)
        case pressCallbackKey(caller: Int)
        case bookCallback(caller: Int)
        case answer(agent: Int, token: UInt64)
        case hangUp(agent: Int, caller: Int)
        case callbackAnswered(caller: Int)
        case unpause(agent: Int)
        case tick
        case reconcile
        case endWarmUp
    }

    enum CallerState { case frontDoor, waiting, booked, connected, gone }

    struct Caller {
        var stream: Int
        var state = CallerState.frontDoor
    }

    static let callerChannelBase = 100_000
    static let outsideLine = ChannelID(99_999)

    let scenario: SimScenario
    var engine: ACDEngine
    var events = SimEventQueue<Event>()
    var frontDoor: any SimFrontDoor
    var arrivals: SeededRandom, talk: SeededRandom, patience: SeededRandom, people: SeededRandom, doors: SeededRandom
    var callers: [Caller] = []
    var offerTokens: [UInt64]
    let agentIDs: [AgentID]
    let queueIDs: [QueueID]
    let agentIndex: [AgentID: Int]
    var pendingTick: SampleTime?
    var baseline: [QueueStatistics]?
    var handled = 0, autoPauses = 0, repairs = 0

    init(_ scenario: SimScenario) throws(ACDConfigurationError) {
        self.scenario = scenario
        var seed = SeededRandom(seed: scenario.seed)
        engine = try ACDEngine(configuration: scenario.configuration, random: seed.split())
        arrivals = seed.split(); talk = seed.split(); patience = seed.split(); people = seed.split(); doors = seed.split()
        frontDoor = scenario.frontDoor
        agentIDs = scenario.configuration.agents.map(\.id)
        queueIDs = scenario.configuration.queues.map(\.id)
        var index: [AgentID: Int] = [:]
        for (i, id) in agentIDs.enumerated() { index[id] = i }
        agentIndex = index
        offerTokens = Array(repeating: 0, count: agentIDs.count)
    }

    mutating func run() -> SimResult {
        for (i, agent) in scenario.configuration.agents.enumerated() {
            send(.console(.login(agent.id, channel: agent.homeChannel ?? ChannelID(1000 + i))), at: .zero)
        }
        for s in scenario.streams.indices where scenario.streams[s].callsPerHour > 0 {
            events.schedule(.arrival(stream: s), at: nextArrival(s, after: .zero))
        }
        if scenario.warmUp > .zero { events.schedule(.endWarmUp, at: scenario.warmUp) }
        if let every = scenario.reconcileEvery { events.schedule(.reconcile, at: every) }
        let end = scenario.warmUp + scenario.duration
        while let (time, event) = events.next(), time <= end {
            handled += 1
            handle(event, at: time)
        }
        let queues = scenario.configuration.queues.enumerated().map { q, config in
            var stats = engine.statistics(for: config.id, now: end)!
            if let baseline { stats = stats.since(baseline[q]) }
            return SimResult.Queue(queue: config.id, statistics: stats)
        }
        return SimResult(measured: scenario.duration, queues: queues, events: handled, autoPauses: autoPauses, repairs: repairs)
    }

    mutating func nextArrival(_ s: Int, after now: SampleTime) -> SampleTime {
        now + SampleTime(seconds: arrivals.exponential(mean: 3600 / scenario.streams[s].callsPerHour))
    }

    func callID(_ caller: Int) -> CallID { CallID(UInt64(caller + 1)) }

    mutating func handle(_ event: Event, at now: SampleTime) {
        switch event {
        case .arrival(let s):
            events.schedule(.arrival(stream: s), at: nextArrival(s, after: now))
            callers.append(Caller(stream: s))
            let caller = callers.count - 1
            switch frontDoor.admit(scenario.streams[s], now: now, random: &doors) {
            case .queue(let queue, let after) where after <= .zero: enterQueue(caller, queue, at: now)
            case .queue(let queue, let after):
                guard let q = queueIDs.firstIndex(of: queue) else { callers[caller].state = .gone; return }
                events.schedule(.enterQueue(caller: caller, queue: q), at: now + after)
            case .leave: callers[caller].state = .gone
            }
        case .enterQueue(let caller, let queue):
            enterQueue(caller, queueIDs[queue], at: now)
        case .abandon(let caller):
            guard callers[caller].state == .waiting else { return }
            callers[caller].state = .gone
            send(.callerHungUp(callID(caller)), at: now)
        case .pressCallbackKey(let caller):
            let stream = scenario.streams[callers[caller].stream]
            guard callers[caller].state == .waiting, people.nextUnit() < stream.callbackShare,
                  let policy = scenario.configuration.queues.first(where: { $0.id == stream.queue })?.callback else { return }
            send(.callerKey(callID(caller), policy.key), at: now)
        case .bookCallback(let caller):
            guard callers[caller].state == .waiting else { return }
            send(.callbackNumberEntered(callID(caller), number: ""), at: now)
        case .answer(let agent, let token):
            guard offerTokens[agent] == token else { return }
            send(.agentAnswered(agentIDs[agent]), at: now)
        case .hangUp(let agent, let caller):
            guard callers[caller].state == .connected else { return }
            callers[caller].state = .gone
            send(.agentHungUp(agentIDs[agent]), at: now)
        case .callbackAnswered(let caller):
            send(.callbackConnected(callID(caller), line: Self.outsideLine), at: now)
        case .unpause(let agent):
            send(.console(.unpause(agentIDs[agent])), at: now)
        case .tick:
            if pendingTick == now { pendingTick = nil }
            send(.tick, at: now)
        case .reconcile:
            send(.reconcile(lines()), at: now)
            if let every = scenario.reconcileEvery { events.schedule(.reconcile, at: now + every) }
        case .endWarmUp:
            baseline = scenario.configuration.queues.map { engine.statistics(for: $0.id, now: now)! }
        }
    }

    mutating func enterQueue(_ caller: Int, _ queue: QueueID, at now: SampleTime) {
        let stream = scenario.streams[callers[caller].stream]
        callers[caller].state = .waiting
        let vip = stream.vipShare > 0 && people.nextUnit() < stream.vipShare
        send(.callArrived(CallArrival(call: callID(caller), queue: queue, channel: ChannelID(Self.callerChannelBase + caller),
                                      callerID: vip ? stream.vipCallerID : (stream.callbackShare > 0 ? "sim-\(caller)" : nil))), at: now)
        guard callers[caller].state == .waiting else { return }
        let wait = stream.patience.sample(&patience)
        if wait.isFinite { events.schedule(.abandon(caller: caller), at: now + SampleTime(seconds: wait)) }
        if let after = stream.callbackAfter, stream.callbackShare > 0 {
            events.schedule(.pressCallbackKey(caller: caller), at: now + after)
        }
    }

    /// What the simulated lines say: callers on the line are busy, agents'
    /// phones are busy while they talk.
    func lines() -> ChannelSnapshot {
        var lines: [ChannelID: LineCondition] = [:]
        for id in agentIDs {
            guard let agent = engine.agent(id), let channel = agent.channel else { continue }
            if case .onCall = agent.status { lines[channel] = .busy } else { lines[channel] = .idle }
        }
        for (c, caller) in callers.enumerated() where caller.state == .waiting || caller.state == .connected {
            lines[ChannelID(Self.callerChannelBase + c)] = .busy
        }
        return ChannelSnapshot(lines)
    }

    mutating func send(_ event: ACDEvent, at now: SampleTime) {
        for action in engine.on(event, now: now) { perform(action, at: now) }
        if let wake = engine.nextWakeup, pendingTick == nil || wake < pendingTick! {
            events.schedule(.tick, at: wake)
            pendingTick = wake
        }
    }

    func caller(_ call: CallID) -> Int { Int(call.rawValue) - 1 }

    mutating func perform(_ action: ACDAction, at now: SampleTime) {
        switch action {
        case .offer(_, let agent, _, _):
            guard let a = agentIndex[agent] else { return }
            offerTokens[a] += 1
            let behaviour = scenario.agents
            if behaviour.missProbability > 0, people.nextUnit() < behaviour.missProbability { return }
            let delay = SampleTime(seconds: behaviour.answerDelay.sample(&people))
            events.schedule(.answer(agent: a, token: offerTokens[a]), at: now + delay)
        case .cancelOffer(_, let agent):
            if let a = agentIndex[agent] { offerTokens[a] += 1 }
        case .connect(let call, let agent):
            let c = caller(call)
            guard let a = agentIndex[agent], c >= 0, c < callers.count else { return }
            callers[c].state = .connected
            let seconds = scenario.streams[callers[c].stream].talkTime.sample(&talk)
            events.schedule(.hangUp(agent: a, caller: c), at: now + SampleTime(seconds: seconds))
        case .dialCallback(let call, _, _):
            events.schedule(.callbackAnswered(caller: caller(call)), at: now + .seconds(8))
        case .collectCallbackNumber(let call, _):
            let c = caller(call)
            if people.nextUnit() < scenario.streams[callers[c].stream].callbackShare {
                events.schedule(.bookCallback(caller: c), at: now)
            }
        case .releaseForCallback(let call, _):
            callers[caller(call)].state = .booked
        case .hangUpCaller(let call), .refuse(let call, _, _), .callbackGaveUp(let call, _):
            callers[caller(call)].state = .gone
        case .agentStatus(let agent, .paused(let reason)) where reason == "auto-pause":
            autoPauses += 1
            if let a = agentIndex[agent] { events.schedule(.unpause(agent: a), at: now + scenario.agents.pauseRecovery) }
        case .repaired:
            repairs += 1
        default:
            break
        }
    }
}
