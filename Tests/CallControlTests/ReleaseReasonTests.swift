import Testing
import CallControl
import Channels
import DSP
import Records
import SimChannels
import Telephony

/// Every call says why its line was released, with what was measured: the
/// exchange's tone (frequency, cadence, bursts seen), how long loop current
/// was gone, the timeout that ran out, the agent, an operator, an alarm.
/// The example center on the simulated board, in virtual time.
@Suite struct ReleaseReasonTests {
    let line = ChannelNumber(1)

    /// A caller in the sales queue (key 1), an agent's phone ringing.
    func callIntoQueue(_ rig: CenterRig) throws -> ChannelNumber {
        #expect(rig.ring(line, callerID: "13800138000"))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/main-menu.wav") })
        rig.press("1", on: line)
        #expect(rig.run(upTo: 300) { rig.ringingPhone != nil }, "an agent's phone rings")
        return try #require(rig.ringingPhone)
    }

    /// The exchange plays a cadenced tone on the line until Kefu releases it
    /// (or the tone ends); true if released.
    func play(_ rig: CenterRig, hertz: Double, on: Double, off: Double, seconds: Double) -> Bool {
        var synth = SignalSynth()
        synth.cadence(frequencies: [hertz], level: Level(dBm0: -13), onMilliseconds: on, offMilliseconds: off, totalMilliseconds: seconds * 1000)
        let tone = synth.pcm
        for t in 0..<(tone.count / 160) {
            rig.step(before: { _ in rig.send(self.line, Array(tone[(t * 160)..<(t * 160 + 160)])) })
            if !rig.board.lineIsOffHook(line) { return true }
        }
        return false
    }

    func release(_ rig: CenterRig) throws -> ReleaseReason {
        try #require(rig.control.records.first?.release)
    }

    @Test func chinaBusyToneIsStoredWithItsMeasuredFrequencyCadenceAndBursts() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let phone = try callIntoQueue(rig)
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 10)
        #expect(play(rig, hertz: 450, on: 350, off: 350, seconds: 5), "Kefu releases the line on busy tone")
        let reason = try release(rig)
        #expect(reason.kind == .busyTone && reason.detail == "busy")
        #expect(reason.kind.side == .line)
        #expect(abs((reason.hertz ?? 0) - 450) <= 2, "\(reason)")
        #expect(abs((reason.onMilliseconds ?? 0) - 350) <= 32 && abs((reason.offMilliseconds ?? 0) - 350) <= 32, "\(reason)")
        #expect(reason.count == 2)
        #expect(reason.text(chinese: false).hasPrefix("busy tone 450 Hz, 2 cadences of "), "\(reason.text(chinese: false))")
        #expect(rig.control.records.first?.end == .callerBusyTone)
    }

    @Test func a600MillisecondLoopDropIsMeasuredAt600Milliseconds() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        rig.board.loopTiming = .measuring
        _ = try callIntoQueue(rig)
        rig.step(before: { $0.farLoopOpen(self.line, milliseconds: 600) })
        #expect(rig.run(upTo: 60) { !rig.board.lineIsOffHook(self.line) })
        let reason = try release(rig)
        #expect(reason.kind == .loopDrop)
        #expect(reason.milliseconds == 600)
        #expect(reason.detail == "restored")
        #expect(reason.text(chinese: false) == "loop current lost for 600 ms, then back")
        #expect(rig.control.records.first?.end == .callerLoopCurrentDrop)
    }

    @Test func loopCurrentLostForGoodIsReportedWhenTheWindowCloses() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        rig.board.loopTiming = .measuring
        _ = try callIntoQueue(rig)
        rig.step(before: { $0.farDisconnect(self.line) })
        #expect(!rig.run(upTo: 45) { !rig.board.lineIsOffHook(self.line) }, "still watching the loop within the window")
        #expect(rig.run(upTo: 10) { !rig.board.lineIsOffHook(self.line) })
        let reason = try release(rig)
        #expect(reason.kind == .loopDrop && reason.milliseconds == 1000 && reason.detail == "still-lost")
    }

    @Test func anUnknownBusyCadenceIsNotHeardAndTheMenuEndsTheCallByTimeout() throws {
        // Saturday night: the after-hours menu (5 s timeout, 2 replays, then
        // goodbye). The exchange plays 425 Hz 500/500, which China's plan
        // does not take for busy: the menus wait in vain.
        let rig = try CenterRig(at: "2026-03-07", 22)
        #expect(rig.ring(line, callerID: "13800138000"))
        #expect(play(rig, hertz: 425, on: 500, off: 500, seconds: 40), "the menu gives up")
        let reason = try release(rig)
        #expect(reason.kind == .timeout)
        #expect(reason.detail == "menu:after-hours")
        #expect(reason.count == 3 && reason.milliseconds == 5_000)
        #expect(reason.kind.suggestsMissedHangUp)
        #expect(reason.text(chinese: false) == "timeout: no key in menu after-hours, 3 × 5 s")
    }

    @Test func theAgentHangingUpFirstIsTheAgentsReleaseAndAnUnansweredSurveyATimeout() throws {
        let quiet = try CenterRig(at: "2026-03-04", 10) { plan in plan.queues["sales"]?.survey = nil }
        var phone = try callIntoQueue(quiet)
        quiet.step(before: { $0.farPhoneHook(phone, offHook: true) })
        quiet.run(upTo: 10)
        quiet.step(before: { $0.farPhoneHook(phone, offHook: false) })
        #expect(quiet.run(upTo: 5) { !quiet.board.lineIsOffHook(self.line) })
        #expect(try release(quiet).kind == .agentHungUp)
        #expect(try release(quiet).kind.side == .agent)

        let surveyed = try CenterRig(at: "2026-03-04", 10)
        phone = try callIntoQueue(surveyed)
        surveyed.step(before: { $0.farPhoneHook(phone, offHook: true) })
        surveyed.run(upTo: 10)
        surveyed.step(before: { $0.farPhoneHook(phone, offHook: false) })
        #expect(surveyed.run(upTo: 1_000) { !surveyed.board.lineIsOffHook(self.line) }, "the survey gives up")
        let reason = try release(surveyed)
        #expect(reason.kind == .timeout && reason.detail == "survey" && reason.count == 2 && reason.milliseconds == 6_000, "\(reason)")
        #expect(surveyed.control.records.first?.end == .agentHungUp, "the call's end stays the agent's")
    }

    @Test func anOperatorsHangUpNamesTheOperator() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        _ = try callIntoQueue(rig)
        let id = try #require(rig.control.flow.calls.keys.first)
        #expect(rig.control.hangUp(id, now: rig.now, by: "alice"))
        rig.run(upTo: 3)
        let reason = try release(rig)
        #expect(reason.kind == .operatorHangUp && reason.by == "alice")
        #expect(reason.text(chinese: true) == "由 alice 在控制台挂断")
    }

    @Test func aSpanAlarmReleasesWithTheAlarmsNamed() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        _ = try callIntoQueue(rig)
        rig.step(before: { $0.setAlarm(SpanID(1), .red) })
        rig.run(upTo: 3)
        let reason = try release(rig)
        #expect(reason.kind == .spanAlarm && reason.detail == "red" && reason.kind.side == .system, "\(reason)")
    }

    @Test func polarityReversalHangsUpOnlyOnLinesThatSaySo() throws {
        let plain = try CenterRig(at: "2026-03-04", 10)
        _ = try callIntoQueue(plain)
        plain.step(before: { $0.farPolarityReversal(self.line) })
        plain.run(upTo: 3)
        #expect(plain.board.lineIsOffHook(line), "a reversal alone does not end the call")

        let reversing = try CenterRig(at: "2026-03-04", 10) { plan in plan.lines[ChannelNumber(1)]?.polarityHangUp = true }
        _ = try callIntoQueue(reversing)
        reversing.step(before: { $0.farPolarityReversal(self.line) })
        #expect(reversing.run(upTo: 3) { !reversing.board.lineIsOffHook(self.line) })
        #expect(try release(reversing).kind == .polarityReversal)
        #expect(reversing.control.records.first?.end == .callerPolarityReversal)
    }

    @Test func aCallReachingItsLinesLongestCallIsReleasedAsMaxLength() throws {
        let rig = try CenterRig(at: "2026-03-04", 10) { plan in plan.lines[ChannelNumber(1)]?.maxCall = SampleTime(milliseconds: 60_000) }
        let phone = try callIntoQueue(rig)
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        #expect(rig.run(upTo: 3_100) { !rig.board.lineIsOffHook(self.line) })
        let reason = try release(rig)
        #expect(reason.kind == .maxLength && reason.milliseconds == 60_000)
        #expect(rig.control.records.first?.end == .maxLength)
        #expect(rig.control.flow.phones[phone] == .afterCall, "the agent hears busy tone")
    }

    @Test func aCallerWhoStopsRingingBeforeTheAnswerIsRingingStopped() throws {
        let rig = try CenterRig(at: "2026-03-04", 10) { plan in plan.answerOnRing = 3 }
        for t in 0..<50 { rig.step(before: { $0.farRing(self.line, t < 50) }) }
        rig.step(before: { $0.farRing(self.line, false) })
        #expect(rig.run(upTo: 400) { !rig.control.records.isEmpty })
        let reason = try release(rig)
        #expect(reason.kind == .ringingStopped && (reason.milliseconds ?? 0) > 6_000, "\(reason)")
    }
}
