import Testing
import ACD
import Telephony

/// Agents' states: feature codes, console, ring timeouts, auto-pause, wrap-up.
@Suite struct AgentStateTests {
    @Test func featureCodesLogInPauseUnpauseAndLogOut() throws {
        var desk = try Desk()
        #expect(desk.send(.featureCode(2, digits: "*1")).last == .featureResult(2, accepted: true, agent: "b"))
        #expect(desk.status("b") == .available)
        #expect(desk.engine.agent(on: 2) == "b")
        desk.send(.featureCode(2, digits: "*32"))
        #expect(desk.status("b") == .paused(reason: "lunch"))
        desk.send(.featureCode(2, digits: "*3"))
        #expect(desk.status("b") == .available)
        desk.send(.featureCode(2, digits: "*3#"))
        #expect(desk.status("b") == .paused(reason: "pause"))
        desk.send(.featureCode(2, digits: "*2"))
        #expect(desk.status("b") == .loggedOut)
        #expect(desk.engine.agent(on: 2) == nil)
    }

    @Test func loginByAgentNumberFromAnyPhone() throws {
        var desk = try Desk()
        let result = desk.send(.featureCode(9, digits: "*1c#"))
        #expect(result.last == .featureResult(9, accepted: true, agent: "c"))
        #expect(desk.engine.agent("c")?.channel == 9)
        // The phone is taken: another agent cannot log in on it.
        #expect(desk.send(.featureCode(9, digits: "*1a")).last == .featureResult(9, accepted: false, agent: "a"))
    }

    @Test func featureCodesAreConfigurable() throws {
        var desk = try Desk(configure: { config in
            config.featureCodes = FeatureCodes([.init("#71", .login), .init("#72", .logout), .init("#73", .pause), .init("#74", .unpause)])
        })
        desk.send(.featureCode(1, digits: "#71"))
        #expect(desk.status("a") == .available)
        desk.send(.featureCode(1, digits: "#731"))
        #expect(desk.status("a") == .paused(reason: "break"))
        desk.send(.featureCode(1, digits: "#74"))
        #expect(desk.status("a") == .available)
        #expect(desk.send(.featureCode(1, digits: "*2")).last == .featureResult(1, accepted: false, agent: nil))
        #expect(desk.status("a") == .available)
    }

    @Test func unknownCodesAndReasonsAreRefused() throws {
        var desk = try Desk()
        #expect(desk.send(.featureCode(1, digits: "*9")).last == .featureResult(1, accepted: false, agent: nil))
        desk.send(.featureCode(1, digits: "*1"))
        #expect(desk.send(.featureCode(1, digits: "*399")).last == .featureResult(1, accepted: false, agent: "a"))
        #expect(desk.status("a") == .available)
        // Log out from a phone nobody is logged in on.
        #expect(desk.send(.featureCode(5, digits: "*2")).last == .featureResult(5, accepted: false, agent: nil))
    }

    @Test func ringTimeoutOffersTheCallerToTheNextAgent() throws {
        var desk = try Desk { queue in queue.ringTimeout = .seconds(15) }
        desk.logIn("a", "b")
        #expect(offers(desk.call(1)) == ["a"])
        let missed = desk.wait(15)
        #expect(missed.contains(.cancelOffer(call(1), agent: "a")))
        #expect(offers(missed) == ["b"])
        #expect(desk.waiting() == [call(1)])
        #expect(desk.engine.agent("a")?.consecutiveMisses == 1)
    }

    @Test func autoPauseAfterThreeMisses() throws {
        var desk = try Desk(agents: ["a"]) { queue in queue.ringTimeout = .seconds(10) }
        desk.logIn("a")
        desk.call(1)
        desk.wait(10)
        desk.wait(10)
        #expect(desk.status("a") == .ringing(call(1)))
        desk.wait(10)
        #expect(desk.status("a") == .paused(reason: "auto-pause"))
        #expect(offers(desk.log).count == 3)
        #expect(desk.waiting() == [call(1)])
        // Unpausing clears the count.
        desk.send(.console(.unpause("a")))
        #expect(desk.engine.agent("a")?.consecutiveMisses == 0)
        #expect(desk.status("a") == .ringing(call(1)))
    }

    @Test func autoPauseThresholdIsConfigurableAndAnsweringResetsTheCount() throws {
        var desk = try Desk(agents: ["a"], queue: { $0.ringTimeout = .seconds(10) }, configure: { $0.autoPauseAfterMisses = 2 })
        desk.logIn("a")
        desk.call(1)
        desk.wait(10)
        desk.talk("a", for: 5)
        #expect(desk.engine.agent("a")?.consecutiveMisses == 0)
        desk.call(2)
        desk.wait(10)
        #expect(desk.status("a") == .ringing(call(2)))
        desk.wait(10)
        #expect(desk.status("a") == .paused(reason: "auto-pause"))
    }

    @Test func declinedOfferCountsAsMissed() throws {
        var desk = try Desk()
        desk.logIn("a", "b")
        desk.call(1)
        let declined = desk.send(.agentDeclined("a"))
        #expect(offers(declined) == ["b"])
        #expect(desk.engine.agent("a")?.consecutiveMisses == 1)
    }

    @Test func wrapUpBlocksOffers() throws {
        var desk = try Desk(agents: ["a"]) { queue in queue.wrapUp = .seconds(30) }
        desk.logIn("a")
        desk.call(1)
        desk.talk("a", for: 60)
        guard case .wrapUp = desk.status("a") else { Issue.record("not in wrap-up: \(String(describing: desk.status("a")))"); return }
        #expect(offers(desk.call(2)).isEmpty)
        #expect(offers(desk.wait(29.9)).isEmpty)
        #expect(offers(desk.wait(0.1)) == ["a"])
        #expect(desk.stats().totalWrapUp == .seconds(30))
    }

    @Test func agentWrapUpOverridesTheQueue() throws {
        var queue = QueueConfiguration(id: "q")
        queue.wrapUp = .seconds(30)
        var agent = AgentConfiguration(id: "a", homeChannel: 1, queues: ["q"])
        agent.wrapUp = .seconds(5)
        var desk = try Desk(queues: [queue], agents: [agent])
        desk.logIn("a")
        desk.call(1)
        desk.talk("a", for: 10)
        #expect(desk.status("a") == .wrapUp(until: desk.now + .seconds(5)))
    }

    @Test func consoleEndsWrapUpEarly() throws {
        var desk = try Desk(agents: ["a"]) { queue in queue.wrapUp = .seconds(60) }
        desk.logIn("a")
        desk.call(1)
        desk.talk("a", for: 10)
        desk.call(2)
        desk.wait(5)
        let early = desk.send(.console(.endWrapUp("a")))
        #expect(offers(early) == ["a"])
        #expect(desk.stats().totalWrapUp == .seconds(5))
    }

    @Test func pauseAndLogoutDuringACallWaitForTheCallAndWrapUpToEnd() throws {
        var desk = try Desk(agents: ["a", "b"]) { queue in queue.wrapUp = .seconds(10) }
        desk.logIn("a", "b")
        desk.call(1)
        desk.call(2)
        desk.send(.agentAnswered("a"))
        desk.send(.agentAnswered("b"))
        desk.send(.console(.pause("a", reason: "meeting")))
        desk.send(.featureCode(2, digits: "*2"))
        #expect(desk.status("a") == .onCall(call(1)))
        desk.send(.agentHungUp("a"))
        desk.send(.agentHungUp("b"))
        desk.wait(10)
        #expect(desk.status("a") == .paused(reason: "meeting"))
        #expect(desk.status("b") == .loggedOut)
    }

    @Test func pausingARingingAgentReturnsTheCallerToTheQueueWithoutAMiss() throws {
        var desk = try Desk()
        desk.logIn("a", "b")
        desk.call(1)
        let paused = desk.send(.console(.pause("a", reason: "break")))
        #expect(paused.contains(.cancelOffer(call(1), agent: "a")))
        #expect(offers(paused) == ["b"])
        #expect(desk.engine.agent("a")?.consecutiveMisses == 0)
    }

    @Test func staffedTimeCountsLoggedInUnpausedTimeOnly() throws {
        var desk = try Desk(agents: ["a"])
        desk.send(.console(.login("a", channel: nil)))
        desk.wait(100)
        desk.send(.console(.pause("a", reason: "break")))
        desk.wait(50)
        desk.send(.console(.unpause("a")))
        desk.wait(25)
        desk.send(.console(.logout("a")))
        desk.wait(1000)
        #expect(desk.stats().staffedTime == .seconds(125))
    }
}
