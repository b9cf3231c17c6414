import Testing
import ACD
import Telephony

/// Each strategy of the table, by the rule it follows.
@Suite struct RoutingStrategyTests {
    @Test func routesToLongestIdleAgent() throws {
        var desk = try Desk(strategy: "longest-idle")
        desk.logIn("a", "b", "c")
        #expect(offers(desk.call(1)) == ["a"])
        desk.talk("a", for: 60)
        // a is free again but only just: b has been idle longest now.
        #expect(offers(desk.call(2)) == ["b"])
    }

    @Test func ringAllRingsEveryFreeAgentAndTheFirstToAnswerTakesTheCall() throws {
        var desk = try Desk(strategy: "ring-all")
        desk.logIn("a", "b", "c")
        #expect(Set(offers(desk.call(1))) == ["a", "b", "c"])
        let answer = desk.send(.agentAnswered("b"))
        #expect(answer.contains(.cancelOffer(call(1), agent: "a")))
        #expect(answer.contains(.cancelOffer(call(1), agent: "c")))
        #expect(answer.contains(.connect(call(1), agent: "b")))
        #expect(desk.status("a") == .available)
        #expect(desk.status("b") == .onCall(call(1)))
    }

    @Test func roundRobinRemembersWhoWasOfferedLast() throws {
        var desk = try Desk(strategy: "round-robin")
        desk.logIn("c", "b", "a")  // idle order must not matter
        var order: [AgentID] = []
        for n in 1...5 {
            let agent = try #require(offers(desk.call(UInt64(n))).first)
            order.append(agent)
            desk.talk(agent, for: 10)
        }
        #expect(order == ["a", "b", "c", "a", "b"])
    }

    @Test func roundRobinSkipsBusyAgentsAndKeepsItsTurn() throws {
        var desk = try Desk(strategy: "round-robin")
        desk.logIn("a", "b", "c")
        #expect(offers(desk.call(1)) == ["a"])
        desk.send(.agentAnswered("a"))
        #expect(offers(desk.call(2)) == ["b"])
        desk.send(.agentAnswered("b"))
        desk.send(.agentHungUp("a"))
        #expect(offers(desk.call(3)) == ["c"])  // after b comes c, not a
    }

    @Test func fewestCallsGoesToTheAgentWhoTookFewest() throws {
        var desk = try Desk(strategy: "fewest-calls")
        desk.logIn("a", "b", "c")
        #expect(offers(desk.call(1)) == ["a"])
        desk.talk("a", for: 5)
        #expect(offers(desk.call(2)) == ["b"])
        desk.talk("b", for: 5)
        #expect(offers(desk.call(3)) == ["c"])
        desk.talk("c", for: 5)
        // All have one call: ties go to the longest idle (a).
        #expect(offers(desk.call(4)) == ["a"])
    }

    @Test func leastTalkTimeGoesToTheAgentWhoTalkedLeast() throws {
        var desk = try Desk(strategy: "least-talk-time")
        desk.logIn("a", "b")
        desk.call(1); desk.talk("a", for: 300)
        desk.call(2); desk.talk("b", for: 30)
        desk.call(3)
        #expect(desk.status("b") == .ringing(call(3)))
        desk.talk("b", for: 30)
        // b has talked 60 s against a's 300 s: b again, though a has been idle longer.
        #expect(offers(desk.call(4)) == ["b"])
    }

    @Test func linearAlwaysHuntsInConfiguredOrder() throws {
        var desk = try Desk(strategy: "linear")
        desk.logIn("c", "b", "a")
        for n in 1...3 {
            #expect(offers(desk.call(UInt64(n))) == ["a"])
            desk.talk("a", for: 20)
        }
        #expect(offers(desk.call(4)) == ["a"])
        desk.send(.agentAnswered("a"))
        #expect(offers(desk.call(5)) == ["b"])  // the next in order while a is busy
    }

    @Test func randomIsReproducibleForASeedAndReachesEveryAgent() throws {
        func picks(seed: UInt64) throws -> [AgentID] {
            var desk = try Desk(strategy: "random", agents: ["a", "b", "c", "d"], seed: seed)
            desk.logIn("a", "b", "c", "d")
            var picked: [AgentID] = []
            for n in 1...60 {
                let agent = try #require(offers(desk.call(UInt64(n))).first)
                picked.append(agent)
                desk.talk(agent, for: 1)
            }
            return picked
        }
        let first = try picks(seed: 11)
        #expect(try picks(seed: 11) == first)
        #expect(try picks(seed: 12) != first)
        #expect(Set(first) == ["a", "b", "c", "d"])
    }

    @Test func skillsWeightedPrefersTheBestQualifiedAgent() throws {
        var queue = QueueConfiguration(id: "q", strategy: "skills-weighted")
        queue.requiredSkills = ["mandarin": 1, "billing": 1]
        var desk = try Desk(queues: [queue], agents: [
            AgentConfiguration(id: "novice", homeChannel: 1, queues: ["q"], skills: ["mandarin": 2, "billing": 1]),
            AgentConfiguration(id: "expert", homeChannel: 2, queues: ["q"], skills: ["mandarin": 5, "billing": 4]),
        ])
        desk.logIn("novice", "expert")
        #expect(offers(desk.call(1)) == ["expert"])
        desk.send(.agentAnswered("expert"))
        #expect(offers(desk.call(2)) == ["novice"])
    }

    @Test func strategiesAreRegisteredOnceByName() throws {
        let names = RoutingStrategies.names
        #expect(Set(names).count == names.count)
        #expect(Set(names) == ["ring-all", "longest-idle", "round-robin", "fewest-calls", "least-talk-time",
                               "linear", "random", "skills-weighted"])
        for strategy in RoutingStrategies.table { #expect(!strategy.summary.isEmpty) }
        #expect(throws: ACDConfigurationError.self) { try Desk(strategy: "cleverest") }
    }
}
