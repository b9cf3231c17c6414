import Testing
import ACD
import Telephony

/// Callback keeping place: book, keep position, ring the agent first, dial
/// out within the line share, retry with backoff.
@Suite struct CallbackTests {
    static func desk(agents: [String] = ["a"], lines: Int = 4, share: Double = 0.5,
                     adjust: (inout QueueConfiguration) -> Void = { _ in }) throws -> Desk {
        try Desk(agents: agents, queue: { queue in
            queue.callback = CallbackPolicy(key: .one, maxAttempts: 3, retryDelay: .seconds(60), maxRetryDelay: .seconds(600))
            adjust(&queue)
        }, configure: { config in
            config.outbound = OutboundLines(lines: lines, maxShare: share)
        })
    }

    @Test func callbackKeepsPlace() throws {
        var desk = try Self.desk()
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2, callerID: "13900000002")
        desk.wait(10)
        desk.call(3, callerID: "13900000003")
        desk.wait(10)
        desk.call(4, callerID: "13900000004")
        // Caller 3 presses 1 and keeps their caller ID.
        #expect(desk.send(.callerKey(call(3), .one)) == [.collectCallbackNumber(call(3), suggested: "13900000003")])
        #expect(desk.send(.callbackNumberEntered(call(3), number: "")).contains(.releaseForCallback(call(3), number: "13900000003")))
        #expect(desk.waiting() == [call(2), call(3), call(4)])
        #expect(desk.engine.waiting(in: "q")[1].callbackNumber == "13900000003")
        // Hanging up later means nothing: the caller is not on the line.
        desk.send(.callerHungUp(call(3)))
        #expect(desk.waiting() == [call(2), call(3), call(4)])

        desk.send(.agentHungUp("a"))
        desk.talk("a", for: 30)  // caller 2
        // Now caller 3's turn, ahead of caller 4 who is still on the line.
        #expect(desk.log.last == .offer(call(3), agent: "a", channel: 1, callback: true))
        #expect(desk.stats().callbacksRequested == 1)
        #expect(desk.stats().abandoned == 0)
    }

    @Test func callbackRingsTheAgentFirstThenDialsTheCaller() throws {
        var desk = try Self.desk()
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2, callerID: "13900000002")
        desk.send(.callerKey(call(2), .one))
        desk.send(.callbackNumberEntered(call(2), number: "02161234567#"))
        let free = desk.send(.agentHungUp("a"))
        #expect(free.last == .offer(call(2), agent: "a", channel: 1, callback: true))
        #expect(!free.contains { if case .dialCallback = $0 { true } else { false } })
        #expect(desk.engine.callbackLinesBusy == 1)
        #expect(desk.send(.agentAnswered("a")) == [.agentStatus("a", .onCall(call(2))), .dialCallback(call(2), number: "02161234567", agent: "a")])
        #expect(desk.send(.callbackConnected(call(2), line: 31)) == [.connect(call(2), agent: "a")])
        desk.wait(120)
        desk.send(.agentHungUp("a"))
        #expect(desk.engine.callbackLinesBusy == 0)
        #expect(desk.stats().callbacksConnected == 1)
        #expect(desk.stats().handled == 2)
    }

    @Test func callbacksNeverUseMoreThanTheirShareOfLines() throws {
        // 4 lines × 25 % = one callback at a time; the inbound caller behind is not held up.
        var desk = try Self.desk(agents: ["a", "b", "c"], lines: 4, share: 0.25)
        desk.logIn("a", "b", "c")
        for n in 1...3 { desk.call(UInt64(n)); desk.send(.agentAnswered(desk.engine.agentSnapshots[n - 1].id)) }
        desk.call(4, callerID: "4"); desk.call(5, callerID: "5"); desk.call(6)
        for n: UInt64 in [4, 5] {
            desk.send(.callerKey(call(n), .one))
            desk.send(.callbackNumberEntered(call(n), number: ""))
        }
        let freed = desk.send(.agentHungUp("a")) + desk.send(.agentHungUp("b"))
        #expect(offerPairs(freed).map(\.0) == [call(4), call(6)])
        #expect(desk.engine.callbackLinesBusy == 1)
        #expect(desk.waiting() == [call(4), call(5), call(6)])
    }

    @Test func failedCallbacksAreRetriedWithGrowingDelaysThenGivenUp() throws {
        var desk = try Self.desk()
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2, callerID: "13900000002")
        desk.send(.callbackNumberEntered(call(2), number: ""))
        desk.send(.agentHungUp("a"))
        var attempts: [SampleTime] = []
        let retryDelays = [60.0, 120.0]
        for attempt in 0..<3 {
            guard case .ringing(call(2)) = desk.status("a") else { Issue.record("attempt \(attempt + 1) not offered"); return }
            attempts.append(desk.now)
            desk.send(.agentAnswered("a"))
            desk.wait(20)
            desk.send(.callbackFailed(call(2)))
            #expect(desk.status("a") == .available)
            if attempt < 2 {
                #expect(offers(desk.wait(retryDelays[attempt] - 1)).isEmpty)
                desk.wait(1)
            }
        }
        #expect(attempts[1] - attempts[0] == .seconds(80))   // 20 s dialling + 60 s
        #expect(attempts[2] - attempts[1] == .seconds(140))  // 20 s dialling + 120 s
        #expect(desk.log.contains(.callbackGaveUp(call(2), number: "13900000002")))
        #expect(desk.waiting().isEmpty)
        #expect(desk.stats().callbacksGivenUp == 1)
        #expect(desk.engine.callbackLinesBusy == 0)
    }

    @Test func aCallerWithoutCallerIDMustKeyInANumber() throws {
        var desk = try Self.desk()
        desk.call(1)
        #expect(desk.send(.callbackNumberEntered(call(1), number: "")) == [.collectCallbackNumber(call(1), suggested: nil)])
        #expect(desk.engine.waiting(in: "q")[0].callbackNumber == nil)
    }

    @Test func maxWaitCanOfferACallbackInstead() throws {
        var desk = try Self.desk { queue in
            queue.maxWait = .seconds(120)
            queue.onTimeout = .callback
        }
        desk.call(1, callerID: "138")
        #expect(desk.wait(120) == [.collectCallbackNumber(call(1), suggested: "138")])
        #expect(desk.wait(600).isEmpty)  // asked once; the caller still waits
        #expect(desk.waiting() == [call(1)])
    }

    @Test func callbackKeyDoesNothingWhereCallbacksAreNotOffered() throws {
        var desk = try Desk()
        desk.call(1, callerID: "138")
        #expect(desk.send(.callerKey(call(1), .one)).isEmpty)
    }
}
