import Testing
import ACD
import CallControl
import Channels
import SimChannels
import Storage
import Telephony

/// A sales caller talking to agent 8001 (phone 9) in the example center,
/// with helpers that read who hears whom: each party sends a constant, so
/// what a channel hears is the sum of the constants of those it hears.
struct PhoneCall {
    let rig: CenterRig
    let id: CallControl.CallID
    let line = ChannelNumber(1)
    let agent = ChannelNumber(9)
    /// 8003 (support only: free while sales calls ring) and 8004 (supervisor).
    let colleague = ChannelNumber(11)
    let supervisor = ChannelNumber(12)
    static let voices: [Int16] = [1000, 200, 30, 4]

    init(store: StoreWriter? = nil, edit: @escaping (String) -> String = { $0 }) throws {
        let rig = try CenterRig(at: "2026-03-04", 10, store: store, edit: edit)
        let line = ChannelNumber(1), phone = ChannelNumber(9)
        rig.control.console(.pause(AgentID("8002"), reason: "meeting"), now: rig.now)
        #expect(rig.ring(line, callerID: "13700137000"))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: line).contains("zh/main-menu.wav") })
        rig.press("1", on: line)  // sales
        #expect(rig.run(upTo: 1500) { rig.ringingPhone == phone })
        let id = try #require(rig.control.flow.calls.keys.first)
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        #expect(rig.run(upTo: 400) { rig.control.flow.lines[line] == .talking(id, agent: phone) && rig.control.flow.sessions(id) })
        rig.board.hookTiming = .dahdi  // flashes and hang-ups told apart by timing, from here on
        self.rig = rig
        self.id = id
    }

    /// One tick in which caller, agent, colleague and supervisor each send
    /// their constant (1000, 200, 30, 4); what each heard.
    func exchange() -> [ChannelNumber: Int16] {
        let parties = [line, agent, colleague, supervisor]
        for c in parties { for _ in 0..<64 { _ = rig.receive(c) } }  // older blocks
        var got: [ChannelNumber: Int16] = [:]
        rig.step(before: { board in
            for (c, v) in zip(parties, Self.voices) {
                [Int16](repeating: v, count: 160).withUnsafeBufferPointer { board.farSend(c, $0) }
            }
        }, after: { _ in for c in parties { got[c] = rig.receive(c)[0] } })
        return got
    }

    /// A hook flash: on hook for `milliseconds`, then off hook again.
    func flash(_ c: ChannelNumber, milliseconds: Int = 400) {
        rig.step(before: { $0.farPhoneHook(c, offHook: false) })
        rig.run(upTo: milliseconds / 20 - 1)
        rig.step(before: { $0.farPhoneHook(c, offHook: true) })
        rig.run(upTo: 3)
    }

    /// Hanging up is seen once the flash time (1.25 s) has passed.
    func hook(_ c: ChannelNumber, offHook: Bool) {
        rig.step(before: { $0.farPhoneHook(c, offHook: offHook) })
        rig.run(upTo: offHook ? 3 : 66)
    }

    /// Dials on a phone as DTMF audio and lets the keys be heard.
    func dial(_ keys: String, on c: ChannelNumber) {
        rig.press(keys, on: c)
        rig.run(upTo: keys.count * 8 + 10)
    }

    /// The prompts (tones) a channel hears over the next `ticks`.
    func tones(on c: ChannelNumber, ticks: Int = 60) -> [String] {
        rig.heard[c] = []
        for _ in 0..<64 { _ = rig.receive(c) }
        rig.run(upTo: ticks, listening: [c])
        return rig.prompts(heardOn: c)
    }

    var flow: CenterFlow { rig.control.flow }
    func status(_ agent: String) -> AgentStatus? { flow.acd.status(of: AgentID(agent)) }
    /// The call as the ACD knows it.
    var acdID: ACD.CallID { ACD.CallID(UInt64(id.rawValue)) }
}

extension CenterFlow {
    /// Whether the call has an agent connected (its session is settled).
    func sessions(_ id: CallControl.CallID) -> Bool { calls[id]?.connected != nil }
}
