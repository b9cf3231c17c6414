import Testing
import CallControl
import Channels
import MediaLoop
import Telephony

/// A span in alarm mid-call, its recovery, and DTMF caller ID sent before the
/// first ring, on the example center over the simulated board.
@Suite struct LineAlarmAndDTMFCallerIDTests {
    let line = ChannelNumber(1)

    /// The exchange rings a line with China's cadence and nothing between
    /// the rings, until Kefu answers (at the second ring).
    func ringWithoutFSK(_ rig: CenterRig, _ line: ChannelNumber) -> Bool {
        for t in 0..<300 {
            rig.step(before: { $0.farRing(line, t < 50 || t >= 250) })
            if rig.board.lineIsOffHook(line) {
                rig.step(before: { $0.farRing(line, false) })
                return true
            }
        }
        return false
    }

    @Test func dtmfCallerIDSentBeforeTheFirstRingIsOnTheCall() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        rig.press("D13912345678C", on: line)  // 13 keys, 80 ms on and off: about 2.1 s
        rig.run(upTo: 120)
        #expect(ringWithoutFSK(rig, line), "Kefu answers at the second ring")
        let id = try #require(rig.control.flow.lines[line]?.call)
        let callerID = try #require(rig.control.flow.calls[id]?.callerID)
        #expect(callerID.number == "13912345678")
        #expect(callerID.format == .dtmf)
    }

    @Test func dtmfCallerIDLongBeforeTheRingIsNotGivenToTheCall() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        rig.press("D13912345678C", on: line)
        rig.run(upTo: 120 + 600)  // the ring comes 12 s after the number
        #expect(ringWithoutFSK(rig, line))
        let id = try #require(rig.control.flow.lines[line]?.call)
        #expect(rig.control.flow.calls[id]?.callerID == nil)
    }

    @Test func idleLinesListenForDTMFFromTheStart() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        var flow = try CenterFlow(plan: rig.control.flow.plan)
        let actions = flow.start()
        #expect(actions.contains(.media(.attach(line, [.dtmf]))))
        #expect(actions.contains(.media(.attach(ChannelNumber(9), []))), "a phone port does not")
    }

    @Test func theNextCallOnTheLineGetsItsOwnDTMFCallerID() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        rig.press("D13912345678C", on: line)
        rig.run(upTo: 120)
        #expect(ringWithoutFSK(rig, line))
        rig.step(before: { $0.farDisconnect(self.line) })
        rig.run(upTo: 110)
        rig.press("D02158001234C", on: line)
        rig.run(upTo: 120)
        #expect(ringWithoutFSK(rig, line))
        let id = try #require(rig.control.flow.lines[line]?.call)
        #expect(rig.control.flow.calls[id]?.callerID?.number == "02158001234")
        #expect(rig.control.records.first?.callerID?.number == "13912345678")
    }

    @Test func spanAlarmFailsTheCallReleasesTheAgentAndRecoveryTakesNewCalls() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(ringWithoutFSK(rig, line))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/main-menu.wav") })
        rig.press("1", on: line)  // sales
        #expect(rig.run(upTo: 300) { rig.ringingPhone != nil })
        let phone = try #require(rig.ringingPhone)
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        #expect(rig.run(upTo: 20) { if case .talking = rig.control.flow.lines[self.line] ?? .idle { return true } else { return false } })

        // The lines' span goes into red alarm: the call ends as line-failed,
        // the agent hears busy tone and is free once they hang up.
        rig.board.setAlarm(SpanID(1), .red)
        rig.run(upTo: 3)
        let record = try #require(rig.control.records.first)
        #expect(record.end == .lineFailed)
        #expect(record.agent == phone)
        #expect(rig.control.flow.alarms[line] == .red)
        #expect(rig.control.flow.lines[line] == .idle)
        #expect(rig.control.flow.phones[phone] == .afterCall)
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        rig.run(upTo: 3)
        #expect(rig.control.flow.phones[phone] == .idle)
        let agent = try #require(rig.agent(on: phone))
        let status = try #require(rig.control.flow.acd.agentSnapshots.first { $0.id.rawValue == agent }).status.name
        #expect(status == "wrap-up" || status == "available")

        // A line in alarm does not take calls; once cleared it does, without a restart.
        #expect(!ringWithoutFSK(rig, ChannelNumber(2)))
        rig.board.setAlarm(SpanID(1), [])
        rig.run(upTo: 3)
        #expect(rig.control.flow.alarms.isEmpty)
        #expect(ringWithoutFSK(rig, ChannelNumber(3)), "a line answers again after the alarm cleared")
    }
}
