import Testing
@testable import ACD
import Config
import Telephony

/// A new configuration taken in while calls run.
@Suite struct ReconfigureTests {
    @Test("an agent added while a caller waits can log in and is offered calls of their queue")
    func addedAgentTakesCalls() throws {
        var configuration = ACDConfiguration(queues: [QueueConfiguration(id: "q")],
                                             agents: [AgentConfiguration(id: "a", homeChannel: ChannelID(1), queues: ["q"])])
        var engine = try ACDEngine(configuration: configuration, random: SeededRandom(seed: 1))
        _ = engine.on(.callArrived(CallArrival(call: ACD.CallID(1), queue: "q", channel: ChannelID(9))), now: .zero)
        #expect(engine.waiting(in: "q").count == 1)
        configuration.agents.append(AgentConfiguration(id: "b", homeChannel: ChannelID(2), queues: ["q"]))
        configuration.queues.append(QueueConfiguration(id: "r"))
        try engine.reconfigure(configuration)
        #expect(engine.waiting(in: "q").count == 1, "the caller keeps their place")
        let actions = engine.on(.console(.login("b", channel: nil)), now: .seconds(1))
        #expect(actions.contains(.offer(ACD.CallID(1), agent: "b", channel: ChannelID(2), callback: false)))
        configuration.queues.removeAll { $0.id == "r" }
        #expect(engine.reconfigurationProblems(configuration) == [Bilingual("queue 'r' is removed: removing a queue needs a restart",
                                                                            "队列 'r' 被删除了：删除队列需要重启 kefud")])
    }
}
