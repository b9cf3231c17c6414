import Testing
import ACD
import Telephony

/// Self-healing: the engine compared with what the lines say.
@Suite struct ReconcilerTests {
    @Test func reconcilerReleasesGhostAgent() throws {
        var desk = try Desk(agents: ["a"]) { queue in queue.wrapUp = .seconds(10) }
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.wait(60)
        // The agent's phone is on hook: the hang-up was lost.
        let repaired = desk.send(.reconcile(ChannelSnapshot([1: .idle, 101: .busy])))
        #expect(repairs(repaired) == [.ghostAgentReleased("a", call: call(1))])
        #expect(repaired.contains(.hangUpCaller(call(1))))
        #expect(desk.status("a") == .wrapUp(until: desk.now + .seconds(10)))
        #expect(desk.stats().totalTalk == .seconds(60))
    }

    @Test func reconcilerLeavesStatesYoungerThanTheGraceAlone() throws {
        var desk = try Desk(agents: ["a"], configure: { $0.reconcileGrace = .seconds(2) })
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.wait(1)  // the line may not have caught up yet
        #expect(repairs(desk.send(.reconcile(ChannelSnapshot([1: .idle, 101: .idle])))).isEmpty)
        #expect(desk.status("a") == .onCall(call(1)))
        desk.wait(1)
        #expect(!repairs(desk.send(.reconcile(ChannelSnapshot([1: .idle, 101: .idle])))).isEmpty)
    }

    @Test func reconcilerRemovesCallerQueuedOnADeadChannel() throws {
        var desk = try Desk()
        desk.call(1)
        desk.call(2)
        desk.wait(5)
        let repaired = desk.send(.reconcile(ChannelSnapshot([101: .down, 102: .busy])))
        #expect(repairs(repaired) == [.ghostCallerRemoved(call(1), channel: 101)])
        #expect(desk.waiting() == [call(2)])
        #expect(desk.stats().lost == 1)
        #expect(desk.stats().abandoned == 0)
    }

    @Test func reconcilerEndsACallWhoseCallerIsGone() throws {
        var desk = try Desk(agents: ["a"])
        desk.logIn("a")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.wait(30)
        let repaired = desk.send(.reconcile(ChannelSnapshot([1: .busy, 101: .idle])))
        #expect(repairs(repaired) == [.ghostCallEnded(call(1), agent: "a")])
        #expect(repaired.contains(.releaseAgent("a", call: call(1))))
        #expect(desk.status("a") == .available)
    }

    @Test func reconcilerPausesAnAgentWhoseLineIsDownAndRestoresIt() throws {
        var desk = try Desk(agents: ["a", "b"])
        desk.logIn("a", "b")
        desk.call(1)
        #expect(desk.status("a") == .ringing(call(1)))
        let down = desk.send(.reconcile(ChannelSnapshot([1: .down, 2: .idle, 101: .busy])))
        #expect(repairs(down) == [.offerWithdrawn(call(1), agent: "a"), .agentPausedLineDown("a", channel: 1)])
        #expect(desk.status("a") == .paused(reason: ACDEngine.lineDown))
        #expect(offers(down) == ["b"])
        #expect(desk.engine.agent("a")?.consecutiveMisses == 0)
        let back = desk.send(.reconcile(ChannelSnapshot([1: .idle])))
        #expect(repairs(back) == [.agentLineRestored("a", channel: 1)])
        #expect(desk.status("a") == .available)
    }

    @Test func healthyLinesNeedNoRepair() throws {
        var desk = try Desk()
        desk.logIn("a", "b")
        desk.call(1)
        desk.send(.agentAnswered("a"))
        desk.call(2)
        desk.wait(30)
        #expect(repairs(desk.send(.reconcile(ChannelSnapshot([1: .busy, 2: .idle, 3: .idle, 101: .busy, 102: .busy])))).isEmpty)
    }

    @Test func repairsDescribeThemselves() {
        #expect(Repair.ghostAgentReleased("a", call: call(7)).description == "agent a was on call-7 with an idle line: released")
    }
}
