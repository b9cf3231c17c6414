import ACD
import Telephony

/// A call-center desk for tests: the engine, a virtual clock that only
/// moves when a test says so, and every action the engine asked for.
struct Desk {
    var engine: ACDEngine
    var now: SampleTime = .zero
    /// Every action since the desk was made, in order.
    var log: [ACDAction] = []

    init(queues: [QueueConfiguration], agents: [AgentConfiguration], seed: UInt64 = 7,
         configure: (inout ACDConfiguration) -> Void = { _ in }) throws {
        var configuration = ACDConfiguration(queues: queues, agents: agents)
        configure(&configuration)
        engine = try ACDEngine(configuration: configuration, random: SeededRandom(seed: seed))
    }

    /// One queue "q" served by agents "a", "b", ... on phones 1, 2, ...
    init(strategy: String = "longest-idle", agents names: [String] = ["a", "b", "c"], seed: UInt64 = 7,
         queue adjust: (inout QueueConfiguration) -> Void = { _ in },
         configure: (inout ACDConfiguration) -> Void = { _ in }) throws {
        var queue = QueueConfiguration(id: "q", strategy: strategy)
        adjust(&queue)
        let agents = names.enumerated().map { n, name in
            AgentConfiguration(id: AgentID(name), homeChannel: ChannelID(n + 1), queues: ["q"])
        }
        try self.init(queues: [queue], agents: agents, seed: seed, configure: configure)
    }

    @discardableResult
    mutating func send(_ event: ACDEvent) -> [ACDAction] {
        let actions = engine.on(event, now: now)
        log += actions
        return actions
    }

    /// Moves the clock on, waking the engine at every deadline on the way.
    @discardableResult
    mutating func wait(_ seconds: Double) -> [ACDAction] {
        let end = now + SampleTime(seconds: seconds)
        var actions: [ACDAction] = []
        while let wake = engine.nextWakeup, wake <= end {
            now = wake
            actions += send(.tick)
        }
        now = end
        return actions
    }

    /// Logs agents in on their home phones, one second apart (so the first
    /// has been idle longest).
    mutating func logIn(_ agents: AgentID...) {
        for agent in agents {
            send(.console(.login(agent, channel: nil)))
            wait(1)
        }
    }

    @discardableResult
    mutating func call(_ n: UInt64, queue: QueueID = "q", callerID: String? = nil, dialled: String? = nil) -> [ACDAction] {
        send(.callArrived(CallArrival(call: CallID(n), queue: queue, channel: ChannelID(100 + Int(n)),
                                      callerID: callerID, dialled: dialled)))
    }

    /// Answer, talk for `seconds`, hang up.
    mutating func talk(_ agent: AgentID, for seconds: Double) {
        send(.agentAnswered(agent))
        wait(seconds)
        send(.agentHungUp(agent))
    }

    func status(_ agent: AgentID) -> AgentStatus? { engine.status(of: agent) }
    func waiting(_ queue: QueueID = "q") -> [CallID] { engine.waiting(in: queue).map(\.call) }
    func stats(_ queue: QueueID = "q") -> QueueStatistics { engine.statistics(for: queue, now: now)! }
}

/// The agents offered a call in these actions, in order.
func offers(_ actions: [ACDAction]) -> [AgentID] {
    actions.compactMap { if case .offer(_, let agent, _, _) = $0 { agent } else { nil } }
}

/// Offers as (call, agent) pairs.
func offerPairs(_ actions: [ACDAction]) -> [(CallID, AgentID)] {
    actions.compactMap { if case .offer(let call, let agent, _, _) = $0 { (call, agent) } else { nil } }
}

func repairs(_ actions: [ACDAction]) -> [Repair] {
    actions.compactMap { if case .repaired(let repair) = $0 { repair } else { nil } }
}

func call(_ n: UInt64) -> CallID { CallID(n) }
