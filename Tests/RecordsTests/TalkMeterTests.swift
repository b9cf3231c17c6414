import Testing
import Records

private let speech = -10.0   // a loud talker, dBm0
private func tone(_ ms: Int) -> [Int16] { Signal.sine(dBm0: speech, milliseconds: ms) }
private func quiet(_ ms: Int) -> [Int16] { Signal.silence(milliseconds: ms) }

@Suite struct TalkMeterTests {
    @Test("Caller only: talk is the speech plus 200 ms of hangover, the rest is silence")
    func callerOnly() {
        let meter = measure(left: tone(1000) + quiet(1000), right: quiet(2000))
        #expect(meter.summary == TalkSummary(totalMilliseconds: 2000, callerTalkMilliseconds: 1200,
                                             longestSilenceMilliseconds: 800))
        #expect(!meter.callerSpeaking && !meter.agentSpeaking)
    }

    @Test("Agent only, with line noise at −60 dBm0 on the caller's side that is not speech")
    func agentOnlyOverNoise() {
        let meter = measure(left: Signal.noise(dBm0: -60, milliseconds: 2000), right: tone(1000) + quiet(1000))
        #expect(meter.summary == TalkSummary(totalMilliseconds: 2000, agentTalkMilliseconds: 1200,
                                             longestSilenceMilliseconds: 800))
    }

    @Test("Both speaking at once is over-talk, counted for each side too")
    func both() {
        let meter = measure(left: tone(1000) + quiet(1000), right: tone(1000) + quiet(1000))
        let summary = meter.summary
        #expect(summary == TalkSummary(totalMilliseconds: 2000, callerTalkMilliseconds: 1200, agentTalkMilliseconds: 1200,
                                       overTalkMilliseconds: 1200, longestSilenceMilliseconds: 800))
        #expect(summary.talkMilliseconds == 1200)
        #expect(summary.overTalkShare == 1.0)
        #expect(summary.agentShare == 0.5)
    }

    @Test("A 12 s gap between the two sides is one long silence of 11.8 s after the hangover")
    func longGap() {
        let meter = measure(left: tone(1000) + quiet(13_000), right: quiet(13_000) + tone(1000))
        #expect(meter.summary == TalkSummary(totalMilliseconds: 14_000, callerTalkMilliseconds: 1200,
                                             agentTalkMilliseconds: 1000, longestSilenceMilliseconds: 11_800,
                                             longSilenceCount: 1, longSilenceMilliseconds: 11_800))
        #expect(meter.agentSpeaking)
    }

    @Test("A silence of exactly the threshold is long; 20 ms less is not")
    func thresholdBoundary() {
        // Silence runs from the end of the hangover (1.2 s) to the next speech.
        let exactly = measure(left: tone(1000) + quiet(10_200) + tone(1000), right: quiet(12_200)).summary
        #expect(exactly.longestSilenceMilliseconds == 10_000)
        #expect(exactly.longSilenceCount == 1)
        let under = measure(left: tone(1000) + quiet(10_180) + tone(1000), right: quiet(12_180)).summary
        #expect(under.longestSilenceMilliseconds == 9_980)
        #expect(under.longSilenceCount == 0)
        #expect(under.longSilenceMilliseconds == 0)
    }

    @Test("A silence still running at the end is counted")
    func trailingSilence() {
        let summary = measure(left: tone(1000) + quiet(11_000), right: quiet(12_000)).summary
        #expect(summary.longSilenceCount == 1)
        #expect(summary.longSilenceMilliseconds == 10_800)
    }

    @Test("The long-silence length is a setting")
    func configuredThreshold() {
        let settings = TalkMeter.Settings(longSilenceMilliseconds: 500)
        let summary = measure(left: tone(100) + quiet(900) + tone(100) + quiet(700), right: quiet(1800),
                              settings: settings).summary
        // Silences: 0.3 → 1.0 s (700 ms) and 1.3 → 1.8 s (500 ms, still open at the end).
        #expect(summary.longSilenceCount == 2)
        #expect(summary.longSilenceMilliseconds == 1200)
        #expect(summary.longSilenceThresholdMilliseconds == 500)
    }

    @Test("Gaps shorter than the hangover between syllables are talk; longer ones leave the excess as silence")
    func syllables() {
        let joined = (0..<5).flatMap { _ in tone(100) + quiet(180) } + quiet(1000)
        let s1 = measure(left: joined, right: quiet(2400)).summary
        #expect(s1.callerTalkMilliseconds == 1420)       // 4 × 280 + 100 + 200 of hangover
        #expect(s1.longestSilenceMilliseconds == 980)

        let split = (0..<3).flatMap { _ in tone(100) + quiet(240) }
        let s2 = measure(left: split, right: quiet(1020)).summary
        #expect(s2.callerTalkMilliseconds == 900)        // 3 × (100 + 200)
        #expect(s2.longestSilenceMilliseconds == 40)
    }

    @Test("The speech threshold sits at −45 dBm0: −44 dBm0 is speech, −46 dBm0 is not")
    func defaultThreshold() {
        let above = measure(left: Signal.sine(dBm0: -44, milliseconds: 1000), right: quiet(1000)).summary
        #expect(above.callerTalkMilliseconds == 1000)
        let below = measure(left: Signal.sine(dBm0: -46, milliseconds: 1000), right: quiet(1000)).summary
        #expect(below.callerTalkMilliseconds == 0)
        #expect(below.longestSilenceMilliseconds == 1000)
    }

    @Test("A higher threshold setting ignores a quiet talker")
    func configuredLevel() {
        let quietTalker = Signal.sine(dBm0: -40, milliseconds: 1000)
        #expect(measure(left: quietTalker, right: quiet(1000)).summary.callerTalkMilliseconds == 1000)
        let settings = TalkMeter.Settings(speechThresholdDBm0: -30)
        #expect(measure(left: quietTalker, right: quiet(1000), settings: settings).summary.callerTalkMilliseconds == 0)
    }

    @Test("Block length does not change the figures when blocks divide the hangover")
    func blockLengths() {
        let left = tone(1000) + quiet(1000) + tone(400) + quiet(13_000)
        let right = quiet(500) + tone(1200) + quiet(13_700)
        let reference = measure(left: left, right: right).summary
        #expect(reference == TalkSummary(totalMilliseconds: 15_400, callerTalkMilliseconds: 1800,
                                         agentTalkMilliseconds: 1400, overTalkMilliseconds: 700,
                                         longestSilenceMilliseconds: 12_800, longSilenceCount: 1,
                                         longSilenceMilliseconds: 12_800))
        #expect(measure(left: left, right: right, block: 80).summary == reference)
        #expect(measure(left: left, right: right, block: 400).summary == reference)
    }

    @Test("Interleaved stereo gives the same figures as separate channels")
    func interleaved() {
        let left = tone(1000) + quiet(12_000)
        let right = quiet(600) + tone(800) + quiet(11_600)
        var stereo: [Int16] = []
        for i in left.indices { stereo += [left[i], right[i]] }
        var meter = TalkMeter()
        stereo.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                meter.feed(interleaved: UnsafeBufferPointer(rebasing: all[start..<min(start + 320, all.count)]))
                start += 320
            }
        }
        #expect(meter.summary == measure(left: left, right: right).summary)
        #expect(meter.summary.overTalkMilliseconds == 600)   // 0.6 s → 1.2 s (caller's hangover)
    }

    @Test("Empty blocks change nothing")
    func emptyBlock() {
        var meter = TalkMeter()
        let none: [Int16] = []
        none.withUnsafeBufferPointer { meter.feed(left: $0, right: $0) }
        #expect(meter.summary == TalkSummary())
    }
}
