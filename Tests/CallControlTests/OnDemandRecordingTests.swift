import Foundation
import Testing
import CallControl
import Channels
import DSP
import Telephony

/// Queues with `record = "on-demand"`: nothing is recorded until the agent
/// presses the on-demand key (`*1`) during the call; from then on the
/// conversation is recorded.
@Suite struct OnDemandRecordingTests {
    let line = ChannelNumber(1)

    func connectedCall(_ rig: CenterRig) throws -> ChannelNumber {
        #expect(rig.ring(line, callerID: "13800138000"))
        for (key, heard) in [("2", "zh/main-menu.wav"), ("1", "zh/support-menu.wav")] {
            #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains(heard) })
            rig.press(key, on: line)
        }
        #expect(rig.run(upTo: 300, listening: [line]) { rig.ringingPhone != nil })
        let phone = try #require(rig.ringingPhone)
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        return phone
    }

    static func onDemand(_ plan: inout CenterPlan) { plan.queues["support"]?.record = .onDemand }

    @Test("an on-demand queue's call is recorded from the agent's *1 on, and only from then")
    func agentKeyStartsRecording() throws {
        let rig = try CenterRig(at: "2026-03-04", 10, configure: Self.onDemand)
        let phone = try connectedCall(rig)
        rig.run(upTo: 100, listening: [line, phone])  // 2 s unrecorded
        #expect(rig.control.writer.openCount == 0)
        rig.press("*1", on: phone)
        #expect(rig.run(upTo: 50, listening: [line, phone]) { rig.control.writer.openCount == 1 }, "recording starts after *1")
        rig.run(upTo: 150, listening: [line, phone])  // 3 s recorded
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        rig.run(upTo: 20, listening: [line])
        let outcome = try #require(rig.control.writer.finished.first)
        let seconds = Double(outcome.bytes) / 32_000
        #expect(seconds > 2.8 && seconds < 3.4, "\(seconds) s recorded: from the key to the hang-up")
        #expect(rig.control.flow.calls.values.first?.recording == true || rig.control.records.first?.recording == true)
    }

    @Test("without the key an on-demand call is not recorded; other keys do not start it")
    func noKeyNoRecording() throws {
        let rig = try CenterRig(at: "2026-03-04", 10, configure: Self.onDemand)
        let phone = try connectedCall(rig)
        rig.press("1*2#", on: phone)
        rig.run(upTo: 150, listening: [line, phone])
        #expect(rig.control.writer.openCount == 0)
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        rig.run(upTo: 20, listening: [line])
        #expect(rig.control.writer.finished.isEmpty)
    }
}
