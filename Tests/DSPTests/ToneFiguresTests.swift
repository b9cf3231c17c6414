import Testing
import DSP
import Telephony

/// What the tone detector measured when it recognised a tone: frequency from
/// the bursts' zero crossings, the cadence and the bursts seen.
@Suite struct ToneFiguresTests {
    /// The first tone the detector recognised in `pcm`, with its figures.
    func firstTone(_ pcm: [Int16], plan: TonePlan = .china) -> (name: String, figures: ToneFigures)? {
        let detector = ToneDetector(plan: plan)
        let buffer = DSPEventBuffer(capacity: 256)
        inBlocks(pcm) { detector.process($0, into: buffer) }
        for e in buffer.events {
            if case .toneBegin(let tone, _, _, let figures) = e { return (plan.tones[tone.rawValue].name, figures) }
        }
        return nil
    }

    @Test func chinaBusyToneIsMeasuredAt450HzWithItsCadenceAndTwoBursts() throws {
        let found = try #require(firstTone(cadenced([450], on: 350, off: 350, total: 4200)))
        #expect(found.name == "busy")
        #expect(abs(found.figures.hertz - 450) <= 2, "\(found.figures)")
        // spandsp measures segments in 16 ms chunks.
        #expect(abs(found.figures.onMilliseconds - 350) <= 32, "\(found.figures)")
        #expect(abs(found.figures.offMilliseconds - 350) <= 32, "\(found.figures)")
        #expect(found.figures.cycles == 2, "two bursts confirm China's busy tone")
    }

    @Test func theFrequencyIsTheTonesOwnNotTheFiltersWhenNearEnoughToMatch() throws {
        // 425 Hz (much of Europe) at China's busy cadence: spandsp's 450 Hz
        // filter accepts it; the measurement says what the line played.
        let found = try #require(firstTone(cadenced([425], on: 350, off: 350, total: 4200)))
        #expect(found.name == "busy")
        #expect(abs(found.figures.hertz - 425) <= 2, "\(found.figures)")
    }

    @Test func busyToneUnderLineNoiseIsStillMeasuredAtItsFrequency() throws {
        var s = SignalSynth()
        s.silence(milliseconds: 500)
        s.cadence(frequencies: [450], level: Level(dBm0: -20), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 4200)
        s.addNoise(level: Level(dBm0: -55), seed: 3)
        let found = try #require(firstTone(s.pcm))
        #expect(abs(found.figures.hertz - 450) <= 3, "\(found.figures)")
    }

    @Test func a500By500CadenceIsNotChinasBusyTone() {
        // 425 Hz 500/500 fits neither busy (350/350) nor congestion (700/700)
        // within the plan's tolerance: no hang-up tone is reported.
        let found = firstTone(cadenced([425], on: 500, off: 500, total: 6000))
        #expect(found.map { ["busy", "congestion"].contains($0.name) } != true, "\(String(describing: found))")
    }

    @Test func congestionToneCarriesItsLongerCadence() throws {
        let found = try #require(firstTone(cadenced([450], on: 700, off: 700, total: 6000)))
        #expect(found.name == "congestion")
        #expect(abs(found.figures.onMilliseconds - 700) <= 32 && abs(found.figures.offMilliseconds - 700) <= 32, "\(found.figures)")
    }
}
