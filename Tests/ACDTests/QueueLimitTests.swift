import Testing
import ACD
import Telephony

/// Maximum wait, maximum length, no agents, overflow, abandons.
@Suite struct QueueLimitTests {
    @Test func maxWaitMovesTheCallerToTheOverflowQueue() throws {
        var sales = QueueConfiguration(id: "sales")
        sales.maxWait = .seconds(60)
        sales.onTimeout = .queue("backup")
        let backup = QueueConfiguration(id: "backup")
        var desk = try Desk(queues: [sales, backup], agents: [
            AgentConfiguration(id: "s", homeChannel: 1, queues: ["sales"]),
            AgentConfiguration(id: "b", homeChannel: 2, queues: ["backup"]),
        ])
        desk.logIn("s")
        desk.call(1, queue: "sales")
        desk.send(.agentAnswered("s"))
        desk.logIn("b")
        desk.call(2, queue: "sales")
        #expect(offers(desk.wait(59)).isEmpty)
        let moved = desk.wait(1)
        #expect(moved.contains(.moveToQueue(call(2), from: "sales", to: "backup")))
        #expect(offers(moved) == ["b"])
        #expect(desk.stats("sales").timedOut == 1)
        #expect(desk.stats("backup").offered == 1)
    }

    @Test func maxWaitWithHangUpRefusesTheCaller() throws {
        var desk = try Desk(agents: ["a"]) { queue in
            queue.maxWait = .seconds(30)
            queue.onTimeout = .message("sorry-busy")
        }
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2)
        #expect(desk.wait(30).contains(.refuse(call(2), reason: .maxWait, prompt: "sorry-busy")))
        #expect(desk.waiting().isEmpty)
    }

    @Test func maxQueueLengthTurnsCallersAway() throws {
        var desk = try Desk(agents: ["a"]) { queue in
            queue.maxLength = 2
            queue.onFull = .message("queue-full")
        }
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2)
        desk.call(3)
        #expect(desk.call(4) == [.refuse(call(4), reason: .queueFull, prompt: "queue-full")])
        #expect(desk.waiting() == [call(2), call(3)])
        #expect(desk.stats().rejectedFull == 1)
    }

    @Test func callersJoinWhenNoAgentIsLoggedInIfSoConfigured() throws {
        var desk = try Desk { queue in queue.whenNoAgents = .join }
        desk.call(1)
        #expect(desk.waiting() == [call(1)])
        #expect(offers(desk.send(.featureCode(1, digits: "*1"))) == ["a"])
    }

    @Test func callersAreRefusedWhenNoAgentIsLoggedInIfSoConfigured() throws {
        var desk = try Desk { queue in queue.whenNoAgents = .refuse(.message("closed")) }
        #expect(desk.call(1) == [.refuse(call(1), reason: .noAgents, prompt: "closed")])
        // A paused agent is logged in: callers join and wait.
        desk.logIn("a")
        desk.send(.console(.pause("a", reason: "break")))
        desk.call(2)
        #expect(desk.waiting() == [call(2)])
        #expect(desk.stats().rejectedNoAgents == 1)
    }

    @Test func overflowLoopsAreCutShort() throws {
        var x = QueueConfiguration(id: "x")
        x.whenNoAgents = .refuse(.queue("y"))
        var y = QueueConfiguration(id: "y")
        y.whenNoAgents = .refuse(.queue("x"))
        var desk = try Desk(queues: [x, y], agents: [])
        let actions = desk.call(1, queue: "x")
        #expect(actions.last == .refuse(call(1), reason: .overflowLoop, prompt: nil))
        #expect(actions.filter { if case .moveToQueue = $0 { true } else { false } }.count == 4)
    }

    @Test func abandonsAreCountedWithShortAbandonsApart() throws {
        var desk = try Desk(agents: ["a"]) { queue in queue.shortAbandonThreshold = .seconds(5) }
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2)
        desk.wait(3)
        desk.send(.callerHungUp(call(2)))
        desk.call(3)
        desk.wait(40)
        desk.send(.callerHungUp(call(3)))
        let stats = desk.stats()
        #expect(stats.abandoned == 2)
        #expect(stats.shortAbandons == 1)
        #expect(desk.waiting().isEmpty)
    }

    @Test func callerHangingUpWhileRingingStopsTheRinging() throws {
        var desk = try Desk(agents: ["a"])
        desk.logIn("a")
        desk.call(1)
        let gone = desk.send(.callerHungUp(call(1)))
        #expect(gone.contains(.cancelOffer(call(1), agent: "a")))
        #expect(desk.status("a") == .available)
        #expect(desk.engine.agent("a")?.consecutiveMisses == 0)
    }
}
