import Testing
import ACD
import Telephony

/// Music, position and estimated-wait announcements, periodic messages.
@Suite struct AnnouncementTests {
    @Test func musicStartsWhenACallerJoins() throws {
        var desk = try Desk { queue in queue.music = "erhu" }
        #expect(desk.call(1).first == .startMusic(call(1), music: "erhu"))
    }

    @Test func positionAndEstimatedWaitAreAnnouncedAtTheInterval() throws {
        var desk = try Desk(agents: ["a", "b"]) { queue in
            queue.positionAnnouncementInterval = .seconds(30)
            queue.expectedHandleTime = .seconds(120)
        }
        desk.logIn("a", "b")
        desk.call(1); desk.send(.agentAnswered("a"))
        desk.call(2); desk.send(.agentAnswered("b"))
        desk.call(3)
        desk.wait(10)
        desk.call(4)
        let first = desk.wait(20)
        // Two agents, 120 s each: position n waits about n × 60 s.
        #expect(first == [.announcePosition(call(3), position: 1, estimatedWait: .seconds(60))])
        let second = desk.wait(10)
        #expect(second == [.announcePosition(call(4), position: 2, estimatedWait: .seconds(120))])
        #expect(desk.wait(20) == [.announcePosition(call(3), position: 1, estimatedWait: .seconds(60))])
    }

    @Test func positionCanBeAnnouncedOnJoining() throws {
        var desk = try Desk(agents: ["a"]) { queue in
            queue.announcePositionOnJoin = true
            queue.expectedHandleTime = .seconds(100)
        }
        desk.logIn("a")
        desk.send(.console(.pause("a", reason: "break")))
        desk.call(1)
        #expect(desk.call(2).last == .announcePosition(call(2), position: 2, estimatedWait: .seconds(200)))
    }

    @Test func periodicMessagesPlayInTurn() throws {
        var desk = try Desk { queue in
            queue.periodicMessages = ["visit-our-website", "calls-are-recorded"]
            queue.periodicMessageInterval = .seconds(45)
        }
        desk.call(1)
        #expect(desk.wait(45) == [.playMessage(call(1), "visit-our-website")])
        #expect(desk.wait(45) == [.playMessage(call(1), "calls-are-recorded")])
        #expect(desk.wait(45) == [.playMessage(call(1), "visit-our-website")])
    }

    @Test func estimatedWaitLearnsFromHandledCalls() throws {
        var desk = try Desk(agents: ["a"]) { queue in
            queue.positionAnnouncementInterval = .seconds(30)
            queue.expectedHandleTime = .seconds(100)
        }
        desk.logIn("a")
        for n in 1...40 {
            desk.call(UInt64(n))
            desk.talk("a", for: 300)
        }
        desk.call(41); desk.send(.agentAnswered("a"))
        desk.call(42)
        let said = desk.wait(30)
        guard case .announcePosition(_, 1, let estimate) = said.first else { Issue.record("no announcement"); return }
        #expect(estimate > .seconds(290) && estimate <= .seconds(300))
    }

    @Test func nextWakeupIsTheEarliestDeadline() throws {
        var desk = try Desk(agents: ["a"]) { queue in
            queue.ringTimeout = .seconds(15)
            queue.maxWait = .seconds(100)
        }
        #expect(desk.engine.nextWakeup == nil)
        desk.logIn("a")
        desk.call(1)
        #expect(desk.engine.nextWakeup == desk.now + .seconds(15))
        desk.send(.agentAnswered("a"))
        #expect(desk.engine.nextWakeup == nil)
        desk.call(2)
        #expect(desk.engine.nextWakeup == desk.now + .seconds(100))
    }
}
