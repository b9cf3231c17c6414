import Testing
import DSP
import Telephony

func faxEvents(_ pcm: [Int16]) -> [DSPEvent] {
    let detector = FaxToneDetector()
    let buffer = DSPEventBuffer(capacity: 256)
    inBlocks(pcm) { detector.process($0, into: buffer) }
    detector.finish(into: buffer)
    return buffer.events
}

func faxBegins(_ events: [DSPEvent]) -> [(FaxTone, Int64)] {
    events.compactMap { if case .faxBegin(let t, let at) = $0 { return (t, at.milliseconds) } else { return nil } }
}

@Suite struct FaxToneTests {
    @Test func cngBeepsAreDetectedWithinTheFirstBeep() throws {
        var s = SignalSynth()
        s.silence(milliseconds: 1000)
        s.cadence(frequencies: [1100], level: Level(dBm0: -15), onMilliseconds: 500, offMilliseconds: 3000, totalMilliseconds: 8000)
        let begins = faxBegins(faxEvents(s.pcm))
        let first = try #require(begins.first)
        #expect(first.0 == .cng)
        #expect(first.1 >= 1000 && first.1 <= 1600)
        #expect(begins.allSatisfy { $0.0 == .cng })
    }

    @Test func cedAnswerToneIsDetected() throws {
        var s = SignalSynth()
        s.silence(milliseconds: 500)
        s.tone(2100, level: Level(dBm0: -12), milliseconds: 3000)
        s.silence(milliseconds: 500)
        let begins = faxBegins(faxEvents(s.pcm))
        let first = try #require(begins.first)
        #expect(first.0 == .ced)
        #expect(first.1 >= 500 && first.1 <= 1200)
    }

    @Test func speechBandNoiseAndDTMFAreNotFax() {
        var s = SignalSynth()
        for k in DTMFKey.allCases { s.dtmf(k, milliseconds: 200); s.silence(milliseconds: 100) }
        s.tone(1000, level: Level(dBm0: -10), milliseconds: 2000)
        s.addNoise(level: Level(dBm0: -25), seed: 9)
        #expect(faxBegins(faxEvents(s.pcm)).isEmpty)
    }
}
