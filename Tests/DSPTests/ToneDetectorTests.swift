import Testing
import DSP
import Telephony

/// Runs a tone detector over PCM in 20 ms blocks; returns (name, start ms, end ms) per tone.
func detectTones(_ pcm: [Int16], plan: TonePlan = .china) -> [(name: String, start: Int64, end: Int64)] {
    let detector = ToneDetector(plan: plan)
    let buffer = DSPEventBuffer(capacity: 256)
    inBlocks(pcm) { detector.process($0, into: buffer) }
    detector.finish(into: buffer)
    var open: [Int: Int64] = [:]
    var out: [(String, Int64, Int64)] = []
    for e in buffer.events {
        switch e {
        case .toneBegin(let t, _, let since, _): open[t.rawValue] = since.milliseconds
        case .toneEnd(let t, _, let last):
            if let s = open.removeValue(forKey: t.rawValue) { out.append((plan.tones[t.rawValue].name, s, last.milliseconds)) }
        default: break
        }
    }
    return out
}

func cadenced(_ frequencies: [Double], on: Double, off: Double, total: Double, lead: Double = 500, tail: Double = 1000,
              level: Double = -13) -> [Int16] {
    var s = SignalSynth()
    s.silence(milliseconds: lead)
    s.cadence(frequencies: frequencies, level: Level(dBm0: level), onMilliseconds: on, offMilliseconds: off, totalMilliseconds: total)
    s.silence(milliseconds: tail)
    return s.pcm
}

@Suite struct ToneDetectorTests {
    @Test func chinaBusyToneIsBusyWithItsStartAndEnd() throws {
        let found = detectTones(cadenced([450], on: 350, off: 350, total: 4200))
        let tone = try #require(found.first)
        #expect(found.count == 1)
        #expect(tone.name == "busy")
        #expect(abs(tone.start - 500) <= 40)
        // The last burst ends at 500 + 4200 − 350.
        #expect(abs(tone.end - 4350) <= 60)
    }

    @Test func chinaCongestionIsNotTakenForBusy() {
        let found = detectTones(cadenced([450], on: 700, off: 700, total: 5600))
        #expect(found.map(\.name) == ["congestion"])
    }

    @Test func chinaDialToneIsContinuous450() {
        let found = detectTones(cadenced([450], on: 3000, off: 0, total: 3000))
        #expect(found.map(\.name) == ["dialtone"])
    }

    @Test func chinaRingbackIsOneSecondInFive() {
        let found = detectTones(cadenced([450], on: 1000, off: 4000, total: 11000))
        #expect(found.map(\.name) == ["ringback"])
    }

    @Test func busyToneIsFoundUnderSpeechLevelNoiseAndAtLowLevel() {
        var s = SignalSynth()
        s.silence(milliseconds: 300)
        s.cadence(frequencies: [450], level: Level(dBm0: -30), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 4200)
        s.addNoise(level: Level(dBm0: -50), seed: 11)
        #expect(detectTones(s.pcm).map(\.name) == ["busy"])
    }

    @Test func cadenceOffByMoreThanToleranceIsNotBusy() {
        // 500/500 is neither China busy (350/350) nor congestion (700/700).
        #expect(detectTones(cadenced([450], on: 500, off: 500, total: 5000)).isEmpty)
    }

    @Test func wrongFrequencyIsNotBusy() {
        #expect(detectTones(cadenced([1000], on: 350, off: 350, total: 4200)).isEmpty)
    }

    @Test func noiseBurstsWithBusyCadenceAreNotBusy() {
        // Broadband noise switched 350/350 ms: right rhythm, no 450 Hz tone.
        var s = SignalSynth()
        var rng = SplitMix64(seed: 5)
        for _ in 0..<6 {
            var burst = SignalSynth()
            burst.silence(milliseconds: 350)
            burst.addNoise(level: Level(dBm0: -15), seed: rng.next())
            s.append(burst.pcm)
            s.silence(milliseconds: 350)
        }
        #expect(detectTones(s.pcm).isEmpty)
    }

    @Test func usPlanTellsBusyFromReorder() {
        #expect(detectTones(cadenced([480, 620], on: 500, off: 500, total: 4000), plan: .us).map(\.name) == ["busy"])
        #expect(detectTones(cadenced([480, 620], on: 250, off: 250, total: 3000), plan: .us).map(\.name) == ["congestion"])
        #expect(detectTones(cadenced([350, 440], on: 3000, off: 0, total: 3000), plan: .us).map(\.name) == ["dialtone"])
    }

    @Test func chinaBusyIsNotUSBusy() {
        #expect(detectTones(cadenced([450], on: 350, off: 350, total: 4200), plan: .us).isEmpty)
    }

    @Test func installerPlanFileAddsATone() throws {
        let plan = try TonePlan.parse("""
            plan test            # a made-up country
            busy      425 500/500
            special   950+1400 330/330 confirm=1
            dialtone  425 continuous
            """, source: "test.plan")
        #expect(plan.name == "test")
        #expect(plan.tones.map(\.name) == ["busy", "special", "dialtone"])
        #expect(detectTones(cadenced([425], on: 500, off: 500, total: 4000), plan: plan).map(\.name) == ["busy"])
        #expect(detectTones(cadenced([950, 1400], on: 330, off: 330, total: 2000), plan: plan).map(\.name) == ["special"])
    }

    @Test func planFileErrorsNameEveryBadLine() {
        do {
            _ = try TonePlan.parse("""
                busy 425 500/500
                busy 425 500/500
                odd  99999 500/500
                cad  425 500
                opt  425 500/500 loud=1
                """, source: "bad.plan")
            Issue.record("expected errors")
        } catch {
            let lines = error.errors.map(\.line)
            #expect(lines == [2, 3, 4, 5, 1])
            #expect(error.errors[0].description == "bad.plan:2: tone 'busy' is defined twice")
            #expect(error.errors[4].reason.contains("plan NAME"))
        }
    }
}
