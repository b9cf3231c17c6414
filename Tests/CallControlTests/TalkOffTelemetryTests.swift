import Testing
import CallControl
import Channels

/// Keys on the line while the caller talks with an agent are not asked for
/// by anything: the record counts them as talk-off suspects.
@Suite struct TalkOffTelemetryTests {
    @Test("a key detected on the line during the conversation is counted as a false-digit suspect; menu keys are not")
    func keysDuringTalkCounted() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let line = ChannelNumber(1)
        let phone = try OnDemandRecordingTests().connectedCall(rig)
        rig.run(upTo: 25, listening: [line, phone])
        rig.press("5", on: line)
        rig.run(upTo: 50, listening: [line, phone])
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        rig.run(upTo: 20, listening: [line])
        let record = try #require(rig.control.flow.calls.values.first ?? rig.control.records.first)
        #expect(record.keys.hasPrefix("215"))
        #expect(record.keysWhileTalking == 1)
    }
}
