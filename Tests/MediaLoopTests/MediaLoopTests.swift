import Testing
import Channels
import DSP
import MediaLoop
import SimChannels
import Telephony

/// The media loop on the simulated board, ticked by hand (virtual time).
@Suite struct MediaLoopTests {
    let board = SimBoard(lines: 2, phones: 2)
    let line = ChannelNumber(1)
    let phone = ChannelNumber(3)

    func loop(prompts: PromptTable = PromptTable()) -> MediaLoop {
        MediaLoop(backend: board, prompts: prompts)
    }

    func pattern(_ seed: Int) -> [Int16] {
        (0..<160).map { Int16(truncatingIfNeeded: seed * 1000 + $0) }
    }

    func farReceive(_ c: ChannelNumber) -> [Int16] {
        var out = [Int16](repeating: 0, count: 160)
        out.withUnsafeMutableBufferPointer { board.farReceive(c, into: $0) }
        return out
    }

    func drainEvents(_ loop: MediaLoop) -> [MediaEvent] {
        var out: [MediaEvent] = []
        while let e = loop.events.pop() { out.append(e) }
        return out
    }

    @Test func bridgedChannelsHearEachOtherBitExactInTheSameTick() {
        let media = loop()
        media.commands.push(.attach(line, []))
        media.commands.push(.attach(phone, []))
        media.commands.push(.bridge(line, phone))
        media.tick()
        _ = farReceive(line); _ = farReceive(phone)
        for k in 1...5 {
            pattern(k).withUnsafeBufferPointer { board.farSend(line, $0) }
            pattern(k + 50).withUnsafeBufferPointer { board.farSend(phone, $0) }
            media.tick()
            #expect(farReceive(phone) == pattern(k), "caller → agent, block \(k)")
            #expect(farReceive(line) == pattern(k + 50), "agent → caller, block \(k)")
        }
    }

    @Test func unbridgedChannelsHearSilence() {
        let media = loop()
        media.commands.push(.attach(line, []))
        media.commands.push(.attach(phone, []))
        media.commands.push(.bridge(line, phone))
        media.commands.push(.unbridge(phone))
        media.tick()
        _ = farReceive(phone)
        pattern(3).withUnsafeBufferPointer { board.farSend(line, $0) }
        media.tick()
        #expect(farReceive(phone) == [Int16](repeating: 0, count: 160))
    }

    @Test func promptPlaysToTheEndThenReportsFinished() {
        var prompts = PromptTable()
        let samples = (0..<400).map { Int16($0) }
        let id = prompts.add("greeting", samples)
        let media = loop(prompts: prompts)
        media.commands.push(.attach(line, []))
        media.commands.push(.play(line, id, loop: false))
        var heard: [Int16] = []
        for _ in 0..<4 {
            media.tick()
            heard += farReceive(line)
        }
        #expect(Array(heard.prefix(400)) == samples)
        #expect(heard.dropFirst(400).allSatisfy { $0 == 0 })
        #expect(drainEvents(media).contains(.playbackFinished(line, id)))
    }

    @Test func loopedPromptRepeatsWithoutReportingFinished() {
        var prompts = PromptTable()
        let id = prompts.add("music", (0..<100).map { Int16($0 + 1) })
        let media = loop(prompts: prompts)
        media.commands.push(.attach(line, []))
        media.commands.push(.play(line, id, loop: true))
        for _ in 0..<3 { media.tick() }
        let block = farReceive(line)
        _ = block
        media.tick()
        #expect(farReceive(line).allSatisfy { $0 != 0 })
        #expect(!drainEvents(media).contains { if case .playbackFinished = $0 { return true } else { return false } })
    }

    @Test func channelEventsArriveInOrder() {
        let media = loop()
        media.commands.push(.attach(line, []))
        media.tick()
        board.farRing(line, true)
        media.tick()
        board.farRing(line, false)
        board.farRing(line, true)
        media.tick()
        #expect(drainEvents(media) == [.channel(line, .ringBegin), .channel(line, .ringEnd), .channel(line, .ringBegin)])
    }

    @Test func dtmfFromTheLineReachesCallControlAsADSPEvent() {
        let media = loop()
        media.commands.push(.attach(line, [.dtmf]))
        var synth = SignalSynth()
        synth.silence(milliseconds: 100)
        synth.dtmf(.seven, milliseconds: 80)
        synth.silence(milliseconds: 200)
        let pcm = synth.pcm
        for start in stride(from: 0, to: pcm.count - 159, by: 160) {
            Array(pcm[start..<start + 160]).withUnsafeBufferPointer { board.farSend(line, $0) }
            media.tick()
        }
        let keys = drainEvents(media).compactMap { event -> DTMFKey? in
            if case .dsp(_, .dtmfBegin(let key, _)) = event { return key } else { return nil }
        }
        #expect(keys == [.seven])
    }

    @Test func callerIDBetweenRingsArrivesAsBytes() throws {
        let media = loop()
        media.commands.push(.attach(line, [.callerID]))
        let generator = CallerIDGenerator(signal: .bell202)
        let sent = CallerID(format: .fskMDMF, number: "13800138000", name: "Li", dateTime: "11251030")
        #expect(generator.send(sent))
        var block = [Int16](repeating: 0, count: 160)
        for _ in 0..<120 {
            block.withUnsafeMutableBufferPointer { _ = generator.generate(into: $0) }
            block.withUnsafeBufferPointer { board.farSend(line, $0) }
            media.tick()
        }
        let messages = drainEvents(media).compactMap { event -> CallerIDBytes? in
            if case .callerID(_, let bytes) = event { return bytes } else { return nil }
        }
        let first = try #require(messages.first)
        #expect(try CallerIDMessage.decodeFSK(first.bytes) == sent)
    }

    @Test func recordingTapCarriesCallerLeftAndAgentRight() {
        let media = loop()
        media.commands.push(.attach(line, []))
        media.commands.push(.attach(phone, []))
        media.tick()  // attaches (opens) the channels
        media.commands.push(.startRecording(RecordingSlot(5), left: line, right: phone))
        pattern(1).withUnsafeBufferPointer { board.farSend(line, $0) }
        pattern(2).withUnsafeBufferPointer { board.farSend(phone, $0) }
        media.tick()
        media.commands.push(.stopRecording(RecordingSlot(5)))
        media.tick()
        var frames: [(Int, [Int16], [Int16])] = []
        media.tap.drain { slot, left, right in frames.append((slot.rawValue, Array(left), Array(right))) }
        #expect(frames.count == 1)
        #expect(frames.first?.0 == 5)
        #expect(frames.first?.1 == pattern(1))
        #expect(frames.first?.2 == pattern(2))
    }

    @Test func hookCommandsReachTheBoardAndBadOnesComeBackAsFailures() {
        let media = loop()
        media.commands.push(.attach(line, []))
        media.commands.push(.hook(line, .offHook))
        media.commands.push(.hook(line, .ringStart))
        media.tick()
        #expect(board.lineIsOffHook(line))
        let failures = drainEvents(media).filter { if case .failed = $0 { return true } else { return false } }
        #expect(failures.count == 1)
    }

    @Test func readFailureIsReportedOnceNotEveryTick() {
        let media = loop()
        media.commands.push(.attach(line, []))
        media.tick()
        board.setAlarm(SpanID(1), .red)
        for _ in 0..<10 { media.tick() }
        let events = drainEvents(media)
        #expect(events.filter { if case .failed = $0 { return true } else { return false } }.count == 1)
        #expect(events.contains(.channel(line, .alarm(.red))) || media.statistics.readErrors == 10)
    }
}
