import Testing
import DSP
import Telephony

/// Line learning on synthetic calls: the exchange's hang-up tone of any
/// country found with its frequency and cadence, caller ID kind and timing,
/// the ring cadence, levels, loop drop and a line that sends nothing.
@Suite struct LineLearnerTests {
    /// Two seconds of loud noise (a caller talking), then `tail`.
    static func talkThen(_ tail: (inout SignalSynth) -> Void) -> [Int16] {
        var talk = SignalSynth()
        talk.silence(milliseconds: 2000)
        talk.addNoise(level: Level(dBm0: -18), seed: 7)
        var s = SignalSynth()
        s.append(talk.pcm)
        tail(&s)
        return s.pcm
    }

    @Test func findsChinaBusyToneFrequencyAndCadence() throws {
        let pcm = Self.talkThen { $0.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 4000) }
        let tone = try #require(ToneCadenceAnalysis.lastTone(in: pcm))
        #expect(tone.frequencies.count == 1)
        #expect(abs(tone.frequencies[0] - 450) <= 2)
        #expect(abs((tone.onMilliseconds ?? 0) - 350) <= 10)
        #expect(abs(tone.offMilliseconds - 350) <= 10)
        #expect(tone.cycles >= 4)
        #expect(tone.planText == "450 350/350")
        #expect(abs(tone.level.dBm0 - -13) <= 1)
    }

    @Test func findsADualFrequencyBusyToneOfAnotherCountry() throws {
        let pcm = Self.talkThen { $0.cadence(frequencies: [480, 620], level: Level(dBm0: -16), onMilliseconds: 500, offMilliseconds: 500, totalMilliseconds: 5000) }
        let tone = try #require(ToneCadenceAnalysis.lastTone(in: pcm))
        #expect(tone.frequencies.count == 2)
        #expect(abs(tone.frequencies[0] - 480) <= 3 && abs(tone.frequencies[1] - 620) <= 3)
        #expect(tone.planText == "480+620 500/500")
    }

    @Test func findsAnUnevenCadenceOverLineNoise() throws {
        var s = SignalSynth()
        s.cadence(frequencies: [425], level: Level(dBm0: -20), onMilliseconds: 200, offMilliseconds: 600, totalMilliseconds: 5000)
        s.addNoise(level: Level(dBm0: -55), seed: 3)
        let tone = try #require(ToneCadenceAnalysis.lastTone(in: s.pcm))
        #expect(abs(tone.frequencies[0] - 425) <= 3)
        #expect(abs((tone.onMilliseconds ?? 0) - 200) <= 10)
        #expect(abs(tone.offMilliseconds - 600) <= 10)
    }

    @Test func findsAContinuousTone() throws {
        let pcm = Self.talkThen { $0.tone(400, level: Level(dBm0: -15), milliseconds: 3000) }
        let tone = try #require(ToneCadenceAnalysis.lastTone(in: pcm))
        #expect(tone.onMilliseconds == nil)
        #expect(tone.planText == "400 continuous")
    }

    @Test func findsNoToneInTalkOrTooFewBursts() {
        let talk = Self.talkThen { $0.silence(milliseconds: 1000) }
        #expect(ToneCadenceAnalysis.lastTone(in: talk) == nil)
        let two = Self.talkThen { $0.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 1400) }
        #expect(ToneCadenceAnalysis.lastTone(in: two, minimumCycles: 3) == nil)
    }

    /// Feeds audio to a learner block by block; returns the step of the last block.
    @discardableResult
    static func feed(_ learner: LineLearner, _ pcm: [Int16]) -> LineLearner.Step {
        var step = LineLearner.Step.listen
        var i = 0
        let pcm = pcm + [Int16](repeating: 0, count: (160 - pcm.count % 160) % 160)
        while i + 160 <= pcm.count, step != .finished {
            step = pcm[i..<(i + 160)].withUnsafeBufferPointer { learner.block($0) }
            i += 160
        }
        return step
    }

    static func silence(_ ms: Double) -> [Int16] { var s = SignalSynth(); s.silence(milliseconds: ms); return s.pcm }

    static func fsk(_ number: String) -> [Int16] { CallerIDGenerator.pcm(CallerID(format: .fskMDMF, number: number)) }

    @Test func receivedCallGivesFSKCallerIDRingCadenceLevelsAndBusyTone() throws {
        let learner = LineLearner(mode: .receive(answerOnRing: 3))
        for ring in 0..<3 {
            #expect(learner.signal(.ringBegin) == (ring == 2 ? .answer : .listen))
            if ring == 2 { break }
            Self.feed(learner, Self.silence(1000))
            learner.signal(.ringEnd)
            Self.feed(learner, Self.silence(500) + (ring == 0 ? Self.fsk("13800138000") : []))
            Self.feed(learner, Self.silence(4000 - 500 - (ring == 0 ? Double(Self.fsk("13800138000").count) / 8 : 0)))
        }
        var noise = SignalSynth()
        noise.silence(milliseconds: 3000)
        noise.addNoise(level: Level(dBm0: -60), seed: 9)
        let call = Self.talkThen { $0.append(noise.pcm); $0.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 6000) }
        #expect(Self.feed(learner, call) == .finished)
        let f = learner.findings
        #expect(f.callerID == .fsk && f.callerNumber == "13800138000")
        #expect((f.callerIDMilliseconds ?? 0) > 500 && (f.callerIDMilliseconds ?? 0) < 1500)
        #expect(f.rings == 3)
        #expect(abs((f.ringOnMilliseconds ?? 0) - 1000) <= 20 && abs((f.ringOffMilliseconds ?? 0) - 4000) <= 40)
        guard case .tone(let tone) = f.disconnect else { Issue.record("disconnect \(String(describing: f.disconnect))"); return }
        #expect(tone.planText == "450 350/350")
        #expect(abs((f.level?.dBm0 ?? 0) - -18) <= 3)
        #expect(abs((f.noise?.dBm0 ?? 0) - -60) <= 4)
    }

    @Test func dtmfCallerIDBeforeTheFirstRingIsTimed() {
        var s = SignalSynth()
        for key in "D13912345678C".compactMap({ DTMFKey($0) }) { s.dtmf(key, milliseconds: 70); s.silence(milliseconds: 70) }
        let learner = LineLearner(mode: .receive(answerOnRing: 2))
        Self.feed(learner, s.pcm + Self.silence(400))
        learner.signal(.ringBegin)
        Self.feed(learner, Self.silence(1000))
        learner.signal(.ringEnd)
        Self.feed(learner, Self.silence(4000))
        #expect(learner.signal(.ringBegin) == .answer)
        #expect(learner.findings.callerID == .dtmf && learner.findings.callerNumber == "13912345678")
        let ms = learner.findings.callerIDMilliseconds ?? -1
        #expect(ms >= 400 && ms <= 600)
    }

    @Test func loopDropEndsTheTestWithItsLength() {
        let learner = LineLearner(mode: .dial)
        Self.feed(learner, Self.talkThen { $0.silence(milliseconds: 500) })
        #expect(learner.signal(.loopDrop(milliseconds: 600)) == .finished)
        #expect(learner.findings.disconnect == .loopDrop(milliseconds: 600))
        #expect(learner.findings.callerID == .none)
    }

    @Test func aLineThatSendsNothingEndsQuiet() {
        let learner = LineLearner(mode: .dial)
        learner.quietLimit = 10 * 8000
        #expect(Self.feed(learner, Self.talkThen { $0.silence(milliseconds: 12_000) }) == .finished)
        #expect(learner.findings.disconnect == .none(quietMilliseconds: 10_000))
    }
}
