import Testing
@testable import ACD
import Telephony

/// Calls agents pass on from the phone: blind to a queue, or to a colleague
/// they consulted (who is kept out of the offers meanwhile).
@Suite struct AgentTransferTests {
    /// Queues "q" and "r"; agents a, b serve q, c serves r.
    func desk() throws -> Desk {
        var desk = try Desk(queues: [QueueConfiguration(id: "q"), QueueConfiguration(id: "r")], agents: [
            AgentConfiguration(id: "a", homeChannel: ChannelID(1), queues: ["q"]),
            AgentConfiguration(id: "b", homeChannel: ChannelID(2), queues: ["q"]),
            AgentConfiguration(id: "c", homeChannel: ChannelID(3), queues: ["r"]),
        ])
        desk.logIn("a", "b", "c")
        return desk
    }

    @Test func aCallerTransferredToAQueueKeepsTheirFirstArrivalAheadOfLaterCallers() throws {
        var desk = try desk()
        desk.send(.console(.pause("c", reason: "lunch")))
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.wait(5)
        desk.call(2, queue: "r")  // arrives after caller 1
        desk.wait(5)
        let actions = desk.send(.agentTransfer("a", to: "r"))
        #expect(actions.contains(.moveToQueue(CallID(1), from: "q", to: "r")))
        #expect(desk.waiting("r") == [CallID(1), CallID(2)], "caller 1 arrived first, so waits ahead of caller 2")
        #expect(desk.stats("q").transferredOut == 1)
        #expect(desk.stats("q").handled == 1, "the first agent's part counts as handled in its queue")
        if case .wrapUp = desk.status("a") {} else if desk.status("a") != .available { Issue.record("a is \(String(describing: desk.status("a")))") }
        let offered = desk.send(.console(.unpause("c")))
        #expect(offers(offered) == ["c"])
        #expect(offered.contains(.offer(CallID(1), agent: "c", channel: ChannelID(3), callback: false)))
    }

    @Test func aFreeColleagueIsTakenOutOfTheOffersWhileConsulted() throws {
        var desk = try desk()
        desk.call(1)
        desk.send(.agentAnswered("a"))
        #expect(desk.send(.consult(CallID(1), agent: "b")).contains(.consultAnswer(CallID(1), agent: "b", accepted: true)))
        #expect(desk.status("b") == .consulting(CallID(1)))
        let actions = desk.call(2)
        #expect(offers(actions).isEmpty, "b is consulted, a is on a call: no one is offered caller 2")
        desk.send(.consultEnded("b"))
        #expect(desk.status("b") == .ringing(CallID(2)), "free again, b is offered the waiting caller")
    }

    @Test func aBusyOrLoggedOutColleagueRefusesTheConsultation() throws {
        var desk = try desk()
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2)
        desk.send(.agentAnswered("b"))
        #expect(desk.send(.consult(CallID(1), agent: "b")).contains(.consultAnswer(CallID(1), agent: "b", accepted: false)))
        #expect(desk.status("b") == .onCall(CallID(2)))
        desk.send(.console(.logout("c")))
        #expect(desk.send(.consult(CallID(1), agent: "c")).contains(.consultAnswer(CallID(1), agent: "c", accepted: false)))
        #expect(desk.send(.consult(CallID(1), agent: "a")).contains(.consultAnswer(CallID(1), agent: "a", accepted: false)),
                "an agent cannot consult themselves")
    }

    @Test func aPausedColleagueReturnsToTheirPauseAfterTheConsultation() throws {
        var desk = try desk()
        desk.send(.console(.pause("b", reason: "training")))
        desk.call(1)
        desk.send(.agentAnswered("a"))
        #expect(desk.send(.consult(CallID(1), agent: "b")).contains(.consultAnswer(CallID(1), agent: "b", accepted: true)))
        desk.send(.consultEnded("b"))
        #expect(desk.status("b") == .paused(reason: "training"))
    }

    @Test func theConsultedColleagueTakesTheCallAndTheFirstAgentsPartEnds() throws {
        var desk = try desk()
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.wait(10)
        desk.send(.consult(CallID(1), agent: "b"))
        desk.wait(5)
        desk.send(.handOver(CallID(1), to: "b"))
        #expect(desk.status("b") == .onCall(CallID(1)))
        #expect(desk.status("a") == .available, "no wrap-up configured: a is free at once")
        #expect(desk.engine.agent("a")?.talkTime == .seconds(15))
        desk.wait(20)
        let end = desk.send(.agentHungUp("b"))
        #expect(end.contains(.hangUpCaller(CallID(1))))
        #expect(desk.engine.agent("b")?.talkTime == .seconds(20))
        #expect(desk.stats("q").transferredOut == 1)
    }
}
