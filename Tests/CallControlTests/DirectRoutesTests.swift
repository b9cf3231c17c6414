import Testing
import ACD
import CallControl
import Channels
import DSP
import Telephony

/// The menus' direct routes: `agent ID` rings that one agent (their
/// mailbox when they cannot answer), `dial LINES NUMBER` puts the caller
/// through to an outside number.
@Suite struct DirectRoutesTests {
    let line = ChannelNumber(1)

    func pressInMainMenu(_ rig: CenterRig, _ key: String) -> Bool {
        guard rig.ring(line, callerID: "13800138000"),
              rig.run(upTo: 100, listening: [line], until: { rig.prompts(heardOn: self.line).contains("zh/main-menu.wav") }) else { return false }
        rig.press(key, on: line)
        return true
    }

    @Test("'agent 8001' rings only that agent's phone, and the call is theirs")
    func agentRouteRingsThatAgent() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(pressInMainMenu(rig, "0"))
        #expect(rig.run(upTo: 300) { rig.ringingPhone != nil })
        let phone = try #require(rig.ringingPhone)
        #expect(rig.agent(on: phone) == "8001")
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 5)
        rig.step(before: { $0.farDisconnect(self.line) })
        rig.run(upTo: 5)
        let record = try #require(rig.control.records.first)
        #expect(record.agentID == "8001" && record.queue == "agent:8001" && record.connected != nil)
    }

    @Test("a caller for an agent who is logged out is taken to the agent's mailbox")
    func loggedOutAgentsCallersLeaveMessages() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        rig.control.console(.logout(AgentID("8001")), now: rig.now)
        #expect(pressInMainMenu(rig, "0"))
        #expect(rig.run(upTo: 300, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/voicemail-greeting.wav") })
        #expect(rig.ringingPhone == nil)
        rig.run(upTo: 100, listening: [line])
        for k in 0..<50 { rig.step(before: { _ in rig.send(self.line, CenterRig.pattern(k)) }) }
        rig.press("#", on: line)
        #expect(rig.run(upTo: 200) { !rig.board.lineIsOffHook(self.line) })
        let record = try #require(rig.control.records.first)
        #expect(record.end == .messageLeft && record.data["mailbox"] == "8001")
    }

    @Test("'dial pstn NUMBER' seizes another line, dials, bridges the caller to it; the far end hanging up ends both")
    func dialRoutePutsTheCallerThrough() throws {
        let rig = try CenterRig(at: "2026-03-04", 10, edit: { $0.replacingOccurrences(of: "9 = \"repeat\"", with: "9 = \"dial pstn 02088886666\"") })
        #expect(pressInMainMenu(rig, "9"))
        #expect(rig.run(upTo: 200) { (2...8).contains { rig.board.dialledDigits(ChannelNumber($0)) == "02088886666" } })
        let out = try #require((2...8).map(ChannelNumber.init).first { rig.board.dialledDigits($0) == "02088886666" })
        let leg = try #require(rig.control.flow.lines[out]?.call)

        // Ringback, then the far end answers and talks; audio crosses both ways.
        var ringback = SignalSynth()
        ringback.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 1000, offMilliseconds: 4000, totalMilliseconds: 10_000)
        let tone = ringback.pcm
        for t in 0..<(tone.count / 160) { rig.step(before: { _ in rig.send(out, Array(tone[(t * 160)..<(t * 160 + 160)])) }) }
        var answered = false
        for k in 0..<400 where !answered {
            rig.step(before: { _ in rig.send(out, CenterRig.pattern(k)) })
            answered = rig.control.flow.calls[leg]?.connected != nil
        }
        #expect(answered, "the end of ringback means the far end answered")
        var toCaller: [Int16] = [], toFar: [Int16] = []
        rig.step(before: { _ in rig.send(out, CenterRig.pattern(7)); rig.send(self.line, CenterRig.pattern(8)) },
                 after: { _ in toCaller = rig.receive(self.line); toFar = rig.receive(out) })
        #expect(toCaller == CenterRig.pattern(7) && toFar == CenterRig.pattern(8))

        rig.step(before: { $0.farDisconnect(out) })
        rig.run(upTo: 5)
        #expect(!rig.board.lineIsOffHook(out) && !rig.board.lineIsOffHook(line), "both lines are released")
        let caller = try #require(rig.control.records.first { $0.line == line })
        let outside = try #require(rig.control.records.first { $0.id == leg })
        #expect(caller.end == .transferred)
        #expect(outside.direction == .transfer && outside.origin == caller.id && outside.dialled == "02088886666")
        #expect(outside.end == .callerLoopCurrentDrop)
    }

    @Test("a dial over the hourly cap is not placed and the caller is released")
    func dialOverTheCapIsRefused() throws {
        let rig = try CenterRig(at: "2026-03-04", 10, edit: {
            $0.replacingOccurrences(of: "9 = \"repeat\"", with: "9 = \"dial pstn 02088886666\"")
                .replacingOccurrences(of: "max_per_hour = 30", with: "max_per_hour = 0")
        })
        #expect(pressInMainMenu(rig, "9"))
        #expect(rig.run(upTo: 100) { !rig.board.lineIsOffHook(self.line) })
        #expect(rig.control.records.first?.end == .outboundRefused)
        #expect((2...8).allSatisfy { rig.board.dialledDigits(ChannelNumber($0)).isEmpty })
    }
}
