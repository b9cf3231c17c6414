import Testing
import CallControl
import Channels
import DSP
import Records
import SimChannels
import Telephony

/// What `[learned.N]` changes in real calls: a line learned as sending
/// nothing is released after `silence_hangup` of quiet (but not while the
/// caller makes a sound, and not on lines that were not learned so), and a
/// hang-up tone learned from another country's exchange releases the call as
/// China's busy tone does. The example center on the simulated board, in
/// virtual time (50 ticks a second).
@Suite struct LearnedLineCallTests {
    let line = ChannelNumber(1)

    static func learned(_ table: String) -> (String) -> String { { $0 + "\n[learned.1]\n" + table + "\n" } }

    /// A caller in the sales queue (key 1) with an agent's phone ringing unanswered.
    func callIntoQueue(_ rig: CenterRig) {
        #expect(rig.ring(line, callerID: "13800138000"))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/main-menu.wav") })
        rig.press("1", on: line)
        #expect(rig.run(upTo: 300) { rig.ringingPhone != nil }, "an agent's phone rings")
    }

    /// Ticks until the line is put on hook (at most `limit`), or nil.
    func ticksUntilReleased(_ rig: CenterRig, limit: Int, sending: (Int) -> [Int16]? = { _ in nil }) -> Int? {
        for t in 0..<limit {
            rig.step(before: { _ in if let block = sending(t) { rig.send(self.line, block) } })
            if !rig.board.lineIsOffHook(line) { return t }
        }
        return nil
    }

    /// Noise at about -30 dBm0 (a caller talking, for the quiet detector).
    static let speech: [Int16] = (0..<160).map { Int16(truncatingIfNeeded: (($0 * 7919) % 2001) - 1000) }

    @Test func aLineThatSendsNothingIsReleasedAfterItsSilenceHangUpWithTheReasonQuietLine() throws {
        let rig = try CenterRig(at: "2026-03-04", 10, edit: Self.learned("disconnect = \"none\"\nsilence_hangup = 10"))
        callIntoQueue(rig)
        let ticks = try #require(ticksUntilReleased(rig, limit: 15 * 50), "released within 15 s of quiet")
        #expect(ticks <= 10 * 50 + 25, "about 10 s after the last sound (the key press), took \(ticks * 20) ms")
        let record = try #require(rig.control.records.first)
        #expect(record.end == .callerQuiet)
        let reason = try #require(record.release)
        #expect(reason.kind == .quietLine && reason.kind.side == .line)
        #expect((reason.milliseconds ?? 0) >= 10_000 && (reason.milliseconds ?? 0) < 11_000, "\(reason)")
        #expect(reason.text(chinese: false) == "the line was quiet for 10 s (it sends no hang-up signal)")
        #expect(reason.text(chinese: true) == "线路静默 10 秒 (该线路不发挂机信号)")
    }

    @Test func aCallerWhoKeepsMakingSoundIsNotReleasedForQuiet() {
        guard let rig = try? CenterRig(at: "2026-03-04", 10, edit: Self.learned("disconnect = \"none\"\nsilence_hangup = 10")) else {
            Issue.record("the center does not start")
            return
        }
        callIntoQueue(rig)
        // A second of sound every 8 s: never 10 s of quiet.
        let released = ticksUntilReleased(rig, limit: 30 * 50) { t in t % 400 < 50 ? Self.speech : nil }
        #expect(released == nil, "released after \((released ?? 0) * 20) ms though the caller spoke every 8 s")
    }

    @Test func aLineNotLearnedAsSilentIsNotReleasedForQuiet() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        callIntoQueue(rig)
        #expect(ticksUntilReleased(rig, limit: 40 * 50) == nil, "an ordinary line waits for its hang-up signal")
        let tone = try CenterRig(at: "2026-03-04", 10, edit: Self.learned("disconnect = \"tone\"\ntone = \"480+620 500/500\""))
        callIntoQueue(tone)
        #expect(ticksUntilReleased(tone, limit: 40 * 50) == nil, "a line with a learned tone is not released for quiet")
    }

    /// The US busy tone (480+620 Hz, 500/500 ms) at -13 dBm0, block by block.
    static func usBusy(seconds: Double) -> [Int16] {
        var synth = SignalSynth()
        synth.cadence(frequencies: [480, 620], level: Level(dBm0: -13), onMilliseconds: 500, offMilliseconds: 500, totalMilliseconds: seconds * 1000)
        return synth.pcm
    }

    @Test func aLearnedForeignHangUpToneReleasesTheCallNamedDisconnect() throws {
        let rig = try CenterRig(at: "2026-03-04", 10, edit: Self.learned("disconnect = \"tone\"\ntone = \"480+620 500/500\""))
        callIntoQueue(rig)
        let tone = Self.usBusy(seconds: 6)
        let ticks = try #require(ticksUntilReleased(rig, limit: tone.count / 160) { t in Array(tone[(t * 160)..<(t * 160 + 160)]) },
                                 "released while the learned tone plays")
        #expect(ticks <= 4 * 50, "within 4 s of the tone's start, took \(ticks * 20) ms")
        let record = try #require(rig.control.records.first)
        #expect(record.end == .callerBusyTone)
        let reason = try #require(record.release)
        #expect(reason.kind == .busyTone && reason.detail == "disconnect", "\(reason)")
        #expect(abs((reason.onMilliseconds ?? 0) - 500) <= 40 && abs((reason.offMilliseconds ?? 0) - 500) <= 40, "\(reason)")
        #expect(reason.text(chinese: false).hasPrefix("learned hang-up tone, 2 cadences of "), "no single frequency for a two-frequency tone: \(reason.text(chinese: false))")
        #expect(reason.text(chinese: true).hasPrefix("学习到的挂机音, 2 个周期"), "\(reason.text(chinese: true))")
    }

    @Test func withoutLearningTheSameForeignToneDoesNotReleaseAChinaLine() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        callIntoQueue(rig)
        let tone = Self.usBusy(seconds: 6)
        #expect(ticksUntilReleased(rig, limit: tone.count / 160) { t in Array(tone[(t * 160)..<(t * 160 + 160)]) } == nil,
                "China's plan alone does not know 480+620 Hz 500/500")
    }
}

extension LearnedLineCallTests {
    @Test func learningAForeignToneOnOneLineKeepsChinaBusyToneOnTheOthers() throws {
        let rig = try CenterRig(at: "2026-03-04", 10, edit: { $0 + "\n[learned.2]\ndisconnect = \"tone\"\ntone = \"480+620 500/500\"\n" })
        callIntoQueue(rig)
        var synth = SignalSynth()
        synth.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 6000)
        let tone = synth.pcm
        let ticks = try #require(ticksUntilReleased(rig, limit: tone.count / 160) { t in Array(tone[(t * 160)..<(t * 160 + 160)]) },
                                 "China's busy tone still releases line 1")
        #expect(ticks <= 4 * 50)
        #expect(rig.control.records.first?.release?.detail == "busy")
    }
}
