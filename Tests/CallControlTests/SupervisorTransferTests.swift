import Testing
import ACD
import CallControl
import Channels
import Telephony

/// A supervisor moves callers from the console: waiting callers to another
/// queue or one agent, keeping their place by arrival.
@Suite struct SupervisorTransferTests {
    let line = ChannelNumber(1)

    @Test("a caller waiting in sales is moved to support, where the next free support agent takes them")
    func waitingCallerMovesToAnotherQueue() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        for agent in ["8001", "8002", "8003", "8004"] { rig.control.console(.pause(AgentID(agent), reason: "meeting"), now: rig.now) }
        #expect(rig.ring(line, callerID: "13800138000"))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/main-menu.wav") })
        rig.press("1", on: line)  // sales
        let id = try #require(rig.control.flow.calls.keys.first)
        #expect(rig.run(upTo: 300) { rig.control.flow.lines[self.line] == .queued(id, queue: "sales") })
        #expect(rig.control.transfer(id, toQueue: "support", now: rig.now) == nil)
        #expect(rig.control.flow.lines[line] == .queued(id, queue: "support"))
        #expect(rig.control.queueEvents.contains { $0.call == id && $0.kind == .moved(to: "support") })
        rig.control.console(.unpause(AgentID("8004")), now: rig.now)
        #expect(rig.run(upTo: 100) { rig.ringingPhone != nil })
        #expect(rig.agent(on: try #require(rig.ringingPhone)) == "8004", "support's agent rings, not sales'")
    }

    @Test("a caller in the menus is moved to one agent, whose phone alone rings; an unknown queue is refused")
    func menuCallerMovesToOneAgent() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(rig.ring(line, callerID: "13800138000"))
        let id = try #require(rig.control.flow.calls.keys.first)
        #expect(rig.control.transfer(id, toQueue: ACDConfigurationMapping.personalQueueID("8003").rawValue, now: rig.now) == nil)
        #expect(rig.run(upTo: 100) { rig.ringingPhone != nil })
        let phone = try #require(rig.ringingPhone)
        #expect(rig.agent(on: phone) == "8003")
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 5)
        #expect(rig.control.transfer(id, toQueue: "nowhere", now: rig.now) == .noSuchQueue("nowhere"))
    }
}

/// Listening in to calls that are not recorded (the console's `calls listen`).
@Suite struct ListenTapTests {
    @Test func aCallInTheMenusGetsAListenOnlyTapThatEndsWithTheCall() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let line = ChannelNumber(1)
        #expect(rig.ring(line, callerID: "13800138000"))
        let id = try #require(rig.control.flow.calls.keys.first)
        #expect(rig.control.flow.recordingSlot(of: id) == nil, "not recorded in the menus")
        let slot = try #require(rig.control.listenSlot(id, now: rig.now))
        #expect(rig.control.listenSlot(id, now: rig.now) == slot, "a second listener shares the tap")
        nonisolated(unsafe) var frames = 0
        rig.control.writer.listener = { s, left, _ in if s == slot, left[0] == 777 { frames += 1 } }
        let voice = [Int16](repeating: 777, count: 160)
        for _ in 0..<10 { rig.step(before: { _ in rig.send(line, voice) }) }
        #expect(frames >= 8, "the caller's audio reaches the listener")
        rig.step(before: { $0.farDisconnect(line) })
        rig.run(upTo: 20)
        #expect(rig.control.flow.calls[id] == nil)
        #expect(rig.control.listenSlot(id, now: rig.now) == nil, "the call is gone")
    }
}
