import Testing
import ACD
import Telephony

/// Skills, VIP priority that ages, escalation, queue weights.
@Suite struct SkillsAndPriorityTests {
    @Test func queueRequiresEverySkillAtItsMinimumLevel() throws {
        var queue = QueueConfiguration(id: "q")
        queue.requiredSkills = ["cantonese": 3]
        var desk = try Desk(queues: [queue], agents: [
            AgentConfiguration(id: "weak", homeChannel: 1, queues: ["q"], skills: ["cantonese": 2]),
            AgentConfiguration(id: "none", homeChannel: 2, queues: ["q"]),
            AgentConfiguration(id: "able", homeChannel: 3, queues: ["q"], skills: ["cantonese": 3]),
        ])
        desk.logIn("weak", "none", "able")
        #expect(offers(desk.call(1)) == ["able"])
        desk.send(.agentAnswered("able"))
        #expect(offers(desk.call(2)).isEmpty)
        #expect(desk.waiting() == [call(2)])
    }

    @Test func vipJumpsAheadOfNormalCallers() throws {
        var desk = try Desk(agents: ["a"]) { queue in
            queue.priorities = [PriorityRule(callerIDs: ["13800000001"], headStart: .seconds(60))]
        }
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2, callerID: "555")
        desk.wait(30)
        desk.call(3, callerID: "13800000001")
        #expect(desk.waiting() == [call(3), call(2)])
        desk.send(.agentHungUp("a"))
        #expect(desk.log.last == .offer(call(3), agent: "a", channel: 1, callback: false))
    }

    @Test func vipAgesPastNormalCallers() throws {
        // A normal caller who has waited longer than the VIP head start is ahead.
        var desk = try Desk(agents: ["a"]) { queue in
            queue.priorities = [PriorityRule(dialledNumbers: ["4008001"], headStart: .seconds(60))]
        }
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2)
        desk.wait(70)
        desk.call(3, dialled: "4008001")
        #expect(desk.waiting() == [call(2), call(3)])
        desk.send(.agentHungUp("a"))
        #expect(desk.status("a") == .ringing(call(2)))
    }

    @Test func escalationWidensTheAgentSetAndTheCallerKeepsTheirPlace() throws {
        var sales = QueueConfiguration(id: "sales")
        sales.requiredSkills = ["sales": 3]
        sales.escalation = [EscalationRule(after: .seconds(30), requiredSkills: ["sales": 1], alsoQueues: ["support"])]
        let support = QueueConfiguration(id: "support")
        var desk = try Desk(queues: [sales, support], agents: [
            AgentConfiguration(id: "senior", homeChannel: 1, queues: ["sales"], skills: ["sales": 5]),
            AgentConfiguration(id: "junior", homeChannel: 2, queues: ["sales"], skills: ["sales": 1]),
            AgentConfiguration(id: "helper", homeChannel: 3, queues: ["support"], skills: ["sales": 1]),
        ])
        desk.logIn("senior")
        desk.call(1, queue: "sales")
        desk.send(.agentAnswered("senior"))
        desk.call(2, queue: "sales")
        desk.wait(10)
        desk.call(3, queue: "sales")
        desk.logIn("junior", "helper")
        #expect(offers(desk.log).count == 1)  // neither is qualified yet
        let widened = desk.wait(20)  // call 2 has now waited 30 s
        #expect(offers(widened).count == 1)
        let offered = try #require(offerPairs(widened).first)
        #expect(offered.0 == call(2))
        #expect(desk.waiting("sales") == [call(2), call(3)])  // still first, still in place
        desk.send(.agentAnswered(offered.1))
        // Call 3 has waited 22 s: still only for senior agents.
        #expect(desk.waiting("sales") == [call(3)])
        let later = desk.wait(11)
        #expect(offerPairs(later).map(\.0) == [call(3)])
    }

    @Test func higherWeightQueueIsServedFirst() throws {
        var vip = QueueConfiguration(id: "vip")
        vip.weight = 10
        let normal = QueueConfiguration(id: "normal")
        var desk = try Desk(queues: [normal, vip], agents: [
            AgentConfiguration(id: "a", homeChannel: 1, queues: ["normal", "vip"]),
        ])
        desk.logIn("a")
        desk.call(1, queue: "normal")
        desk.send(.agentAnswered("a"))
        desk.call(2, queue: "normal")
        desk.wait(40)
        desk.call(3, queue: "vip")
        desk.send(.agentHungUp("a"))
        #expect(desk.status("a") == .ringing(call(3)))
    }

    @Test func callersOfDifferentQueuesAreServedOldestFirstAtEqualWeight() throws {
        var desk = try Desk(queues: [QueueConfiguration(id: "x"), QueueConfiguration(id: "y")], agents: [
            AgentConfiguration(id: "a", homeChannel: 1, queues: ["x", "y"]),
        ])
        desk.logIn("a")
        desk.call(1, queue: "x")
        desk.send(.agentAnswered("a"))
        desk.call(2, queue: "y")
        desk.wait(5)
        desk.call(3, queue: "x")
        desk.send(.agentHungUp("a"))
        #expect(desk.status("a") == .ringing(call(2)))
    }
}
