import Foundation
import Testing
import CallControl
import Channels
import DSP
import MediaLoop
import SimChannels
import Telephony

/// A whole call on the simulated board under a virtual clock: the caller
/// rings with caller ID, hears the greeting, is bridged to an agent, audio
/// crosses both ways, the call is recorded, the caller hangs up with China's
/// busy tone, and both sides are released.
/// The board, media loop and call control of one test, stepped together.
final class Rig {
    let board = SimBoard(lines: 2, phones: 2)
    let line = ChannelNumber(1)
    let firstAgent = ChannelNumber(3)
    let directory = NSTemporaryDirectory() + "kefu-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let greeting: [Int16]
    let media: MediaLoop
    let control: CallController
    var tick: Int64 = 0

    init() {
        var synth = SignalSynth()
        synth.tone(440, level: Level(dBm0: -20), milliseconds: 600)
        greeting = synth.pcm
        var prompts = PromptTable()
        let greet = prompts.add("greeting", greeting)
        let music = prompts.add("music", [Int16](repeating: 100, count: 800))
        let busy = prompts.add("busy", [Int16](repeating: 200, count: 800))
        media = MediaLoop(backend: board, prompts: prompts)
        let busyIndex = ToneIndex(TonePlan.china.tones.firstIndex { $0.name == "busy" }!)
        let settings = CallFlowSettings(lines: [line, ChannelNumber(2)], phones: [firstAgent, ChannelNumber(4)],
                                        greeting: greet, music: music, busyTone: busy, hangUpTones: [busyIndex])
        let dir = directory
        control = CallController(flow: CallFlow(settings: settings), media: media) { "\(dir)/\($0).wav" }
        control.start()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// One tick: far ends act (`before`), the media loop runs, the far ends hear (`after`), call control steps.
    func step(before: (SimBoard) -> Void = { _ in }, after: (SimBoard) -> Void = { _ in }) {
        before(board)
        media.tick()
        after(board)
        control.step(now: SampleTime(samples: tick * 160))
        tick += 1
    }

    func receive(_ c: ChannelNumber) -> [Int16] {
        var out = [Int16](repeating: 0, count: 160)
        out.withUnsafeMutableBufferPointer { board.farReceive(c, into: $0) }
        return out
    }

    func send(_ c: ChannelNumber, _ block: [Int16]) {
        block.withUnsafeBufferPointer { board.farSend(c, $0) }
    }

    /// Rings twice; Kefu answers at the second ring (the tick after it hears it).
    func ringTwice() {
        step(before: { board in board.farRing(self.line, true) })
        step(before: { board in board.farRing(self.line, false) })
        step(before: { board in board.farRing(self.line, true) })
        step()
    }

    static func pattern(_ seed: Int) -> [Int16] {
        (0..<160).map { Int16(truncatingIfNeeded: seed &* 7919 &+ $0 &* 31) }
    }
}

@Suite struct EndToEndCallTests {
    @Test func callerIsGreetedBridgedRecordedAndReleased() throws {
        let rig = Rig()
        let board = rig.board, line = rig.line, firstAgent = rig.firstAgent, control = rig.control
        rig.step()  // attach channels

        var heard: [Int16] = []
        // Ring 1 (1 s), then FSK caller ID in the gap, then ring 2: Kefu answers.
        let cid = CallerIDGenerator(signal: .bell202)
        #expect(cid.send(CallerID(format: .fskMDMF, number: "13800138000", name: "Li", dateTime: "11251030")))
        for t in 0..<300 {
            rig.step(before: { board in
                board.farRing(line, t < 50 || t >= 250)
                if t >= 60 && t < 250 {
                    var b = [Int16](repeating: 0, count: 160)
                    b.withUnsafeMutableBufferPointer { _ = cid.generate(into: $0) }
                    b.withUnsafeBufferPointer { board.farSend(line, $0) }
                }
            }, after: { _ in heard += rig.receive(line) })
            if board.lineIsOffHook(line) { break }
        }
        #expect(board.lineIsOffHook(line), "Kefu answers at the second ring")

        // The caller hears the whole greeting, bit-exact.
        for _ in 0..<60 {
            rig.step(before: { board in board.farRing(line, false) }, after: { _ in heard += rig.receive(line) })
            if board.phoneIsRinging(firstAgent) { break }
        }
        let greeting = rig.greeting
        let found = stride(from: 0, through: heard.count - greeting.count, by: 1).contains { i in
            heard[i] == greeting[0] && Array(heard[i..<(i + greeting.count)]) == greeting
        }
        #expect(found, "the greeting reaches the caller whole and unchanged")
        #expect(board.phoneIsRinging(firstAgent), "the longest-idle agent's phone rings after the greeting")

        // The agent answers; audio crosses both ways unchanged.
        rig.step(before: { board in board.farPhoneHook(firstAgent, offHook: true) })
        rig.step(after: { _ in _ = rig.receive(line); _ = rig.receive(firstAgent) })
        for k in 1...20 {
            var toAgent: [Int16] = [], toCaller: [Int16] = []
            rig.step(before: { _ in
                rig.send(line, Rig.pattern(k)); rig.send(firstAgent, Rig.pattern(k + 100))
            }, after: { _ in toAgent = rig.receive(firstAgent); toCaller = rig.receive(line) })
            #expect(toAgent == Rig.pattern(k), "caller → agent block \(k)")
            #expect(toCaller == Rig.pattern(k + 100), "agent → caller block \(k)")
        }

        // The caller hangs up; the exchange plays China's busy tone.
        var busy = SignalSynth()
        busy.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 4200)
        let tone = busy.pcm
        var released = false
        for t in 0..<(tone.count / 160) {
            rig.step(before: { _ in rig.send(line, Array(tone[(t * 160)..<(t * 160 + 160)])) },
                 after: { _ in _ = rig.receive(line); _ = rig.receive(firstAgent) })
            if !board.lineIsOffHook(line) { released = true; break }
        }
        #expect(released, "Kefu releases the line on busy tone")
        // The agent hears busy tone, hangs up; everything is idle again.
        rig.step(before: { board in board.farPhoneHook(firstAgent, offHook: false) })
        rig.step()
        #expect(control.flow.lines[line] == .idle)
        #expect(control.flow.phones[firstAgent] == .idle)

        let record = try #require(control.records.first)
        #expect(control.records.count == 1)
        #expect(record.callerID?.number == "13800138000")
        #expect(record.agent == firstAgent)
        #expect(record.end == .callerBusyTone)
        #expect(record.recording)

        // The recording is a stereo WAV: the caller's audio left, the agent's right.
        let path = try #require(control.writer.finished.first)
        let audio = try WAVCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(audio.channels.count == 2)
        let left = audio.channels[0], right = audio.channels[1]
        let at = try #require((0..<(left.count / 160)).first { Array(left[($0 * 160)..<($0 * 160 + 160)]) == Rig.pattern(1) })
        #expect(Array(right[(at * 160)..<(at * 160 + 160)]) == Rig.pattern(101))
    }

    @Test func agentHangingUpReleasesTheLine() throws {
        let rig = Rig()
        let board = rig.board, line = rig.line, firstAgent = rig.firstAgent, control = rig.control
        rig.step()
        rig.ringTwice()
        #expect(board.lineIsOffHook(line))
        for _ in 0..<80 where !board.phoneIsRinging(firstAgent) { rig.step(after: { _ in _ = rig.receive(line) }) }
        rig.step(before: { board in board.farPhoneHook(firstAgent, offHook: true) })
        rig.step()
        rig.step(before: { board in board.farPhoneHook(firstAgent, offHook: false) })
        rig.step()
        #expect(!board.lineIsOffHook(line))
        #expect(control.records.first?.end == .agentHungUp)
    }

    @Test func unansweredAgentPassesTheCallToTheNext() throws {
        let rig = Rig()
        let board = rig.board, line = rig.line, firstAgent = rig.firstAgent, control = rig.control
        rig.step()
        rig.ringTwice()
        for _ in 0..<80 where !board.phoneIsRinging(firstAgent) { rig.step(after: { _ in _ = rig.receive(line) }) }
        #expect(board.phoneIsRinging(firstAgent))
        // 20 s of ringing with no answer.
        for _ in 0..<1001 { rig.step(after: { _ in _ = rig.receive(line) }) }
        #expect(!board.phoneIsRinging(firstAgent))
        #expect(board.phoneIsRinging(ChannelNumber(4)))
    }

    @Test func callerHangingUpByLoopCurrentWhileWaitingEndsTheCall() throws {
        let rig = Rig()
        let board = rig.board, line = rig.line, firstAgent = rig.firstAgent, control = rig.control
        rig.step()
        rig.ringTwice()
        rig.step(before: { board in board.farDisconnect(line) })
        rig.step()
        #expect(!board.lineIsOffHook(line))
        #expect(control.records.first?.end == .callerLoopCurrentDrop)
        #expect(control.records.first?.agent == nil)
    }
}
