import Testing
import ACD
import Telephony

/// Service-level accounting per queue.
@Suite struct ServiceLevelTests {
    @Test func serviceLevelCountsCallsAnsweredWithinTheThreshold() throws {
        var desk = try Desk(agents: ["a"]) { queue in
            queue.serviceLevelThreshold = .seconds(20)
            queue.shortAbandonThreshold = .seconds(5)
            queue.wrapUp = .seconds(10)
            queue.ringTimeout = .seconds(60)
        }
        desk.logIn("a")
        desk.call(1)                       // answered at once
        desk.talk("a", for: 50)
        desk.call(2)                       // waits the wrap-up: 10 s
        desk.wait(10)
        desk.talk("a", for: 100)
        desk.call(3)                       // waits 10 s wrap-up + 25 s: 35 s
        desk.wait(10)
        desk.call(4)                       // short abandon after 2 s
        desk.wait(2)
        desk.send(.callerHungUp(call(4)))
        desk.wait(23)
        desk.talk("a", for: 150)
        desk.wait(10)
        let s = desk.stats()
        #expect(s.offered == 4)
        #expect(s.answered == 3)
        #expect(s.answeredWithinThreshold == 2)
        #expect(s.abandoned == 1 && s.shortAbandons == 1)
        #expect(s.serviceLevelBase == 3)
        #expect(s.serviceLevel == 2.0 / 3.0)
        #expect(s.averageSpeedOfAnswer == .seconds(15))          // (0 + 10 + 35) / 3
        #expect(s.averageHandleTime == .seconds(110))            // (300 talk + 30 wrap-up) / 3
        #expect(s.abandonRate == 0.25)
        #expect(s.probabilityOfWaiting == 0.75)
        #expect(s.longestWait == .seconds(35))
    }

    @Test func occupancyIsHandleTimeOverStaffedTime() throws {
        var desk = try Desk(agents: ["a", "b"])
        desk.send(.console(.login("a", channel: nil)))
        desk.send(.console(.login("b", channel: nil)))
        desk.call(1)
        desk.talk("a", for: 300)
        desk.wait(300)
        // 300 s of talk over 2 agents × 600 s staffed.
        #expect(desk.stats().occupancy == 0.25)
    }

    @Test func statisticsSinceSubtractsAnEarlierPeriod() throws {
        var desk = try Desk(agents: ["a"])
        desk.logIn("a")
        desk.call(1); desk.talk("a", for: 10)
        let morning = desk.stats()
        desk.call(2); desk.talk("a", for: 20)
        desk.call(3); desk.talk("a", for: 30)
        let afternoon = desk.stats().since(morning)
        #expect(afternoon.offered == 2)
        #expect(afternoon.answered == 2)
        #expect(afternoon.totalTalk == .seconds(50))
        #expect(afternoon.averageHandleTime == .seconds(25))
    }
}
