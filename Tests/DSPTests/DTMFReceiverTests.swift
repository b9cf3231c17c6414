import Testing
import DSP
import Telephony

/// The classic DTMF receiver requirements, each proven by generating the
/// signal and detecting it (loop-back) at several alignments to the
/// detector's 102-sample blocks.
@Suite struct DTMFReceiverTests {
    /// Lead-in silences that move a key across the detector's block boundaries.
    static let alignments: [Double] = [100, 101.5, 103, 104.5, 106, 107.5, 109, 110.5, 112]

    func acceptedEverywhere(level: Double = -10, twist: Double = 0, deviation: Double = 0, milliseconds: Double = 40,
                            keys: [DTMFKey] = DTMFKey.allCases) -> [String] {
        var failures: [String] = []
        for key in keys {
            for lead in Self.alignments {
                let found = keysBegun(detectDTMF(framedKey(key, level: level, twist: twist, deviation: deviation,
                                                           milliseconds: milliseconds, lead: lead)))
                if found != [key] { failures.append("\(key)@\(lead)ms→\(found)") }
            }
        }
        return failures
    }

    func detectedAnywhere(level: Double = -10, twist: Double = 0, deviation: Double = 0, milliseconds: Double = 40) -> [String] {
        var detections: [String] = []
        for key in DTMFKey.allCases {
            for lead in Self.alignments {
                let found = keysBegun(detectDTMF(framedKey(key, level: level, twist: twist, deviation: deviation,
                                                           milliseconds: milliseconds, lead: lead)))
                if !found.isEmpty { detections.append("\(key)@\(lead)ms→\(found)") }
            }
        }
        return detections
    }

    @Test func everyKeyFromSpandspGeneratorIsDetectedInOrder() {
        let generator = DTMFGenerator(level: -10, onMilliseconds: 50, offMilliseconds: 50)
        generator.send(DTMFKey.allCases)
        var pcm: [Int16] = []
        var block = [Int16](repeating: 0, count: 160)
        for _ in 0..<100 {
            block.withUnsafeMutableBufferPointer { _ = generator.generate(into: $0) }
            pcm += block
        }
        #expect(keysBegun(detectDTMF(pcm)) == DTMFKey.allCases)
    }

    @Test func acceptsFrequencyDeviationOfOnePointFivePercent() {
        #expect(acceptedEverywhere(deviation: 0.015) == [])
        #expect(acceptedEverywhere(deviation: -0.015) == [])
    }

    @Test func rejectsFrequencyDeviationOfThreePointFivePercent() {
        #expect(detectedAnywhere(deviation: 0.035) == [])
        #expect(detectedAnywhere(deviation: -0.035) == [])
    }

    @Test func acceptsNormalTwistOfEightDecibels() {
        // Normal twist: the low group louder than the high group.
        #expect(acceptedEverywhere(twist: -8) == [])
    }

    @Test func acceptsReverseTwistOfFourDecibels() {
        #expect(acceptedEverywhere(twist: 4) == [])
    }

    @Test func rejectsTwistWellBeyondTheLimits() {
        #expect(detectedAnywhere(twist: -12) == [])
        #expect(detectedAnywhere(twist: 8) == [])
    }

    @Test func acceptsFortyMillisecondTonesAtAnyAlignment() {
        #expect(acceptedEverywhere(milliseconds: 40) == [])
    }

    @Test func rejectsTonesShorterThanTwentyThreeMilliseconds() {
        #expect(detectedAnywhere(milliseconds: 20) == [])
        #expect(detectedAnywhere(milliseconds: 15) == [])
    }

    @Test func acceptsLevelsFromZeroToMinusTwentySixDBm0PerTone() {
        for level in [0.0, -6, -12, -18, -26] {
            #expect(acceptedEverywhere(level: level) == [], "level \(level) dBm0")
        }
    }

    @Test func rejectsTonesBelowTheMinimumLevel() {
        #expect(detectedAnywhere(level: -36) == [])
    }

    @Test func keyHeldLongIsReportedOnce() {
        let events = detectDTMF(framedKey(.seven, milliseconds: 2000))
        #expect(keysBegun(events) == [.seven])
        #expect(events.count == 2)
    }

    @Test func fastKeysWithFortyMillisecondGapsAreAllSeen() {
        var s = SignalSynth()
        s.silence(milliseconds: 50)
        let keys: [DTMFKey] = [.one, .one, .two, .hash, .star, .zero]
        for k in keys {
            s.dtmf(k, milliseconds: 45)
            s.silence(milliseconds: 40)
        }
        #expect(keysBegun(detectDTMF(s.pcm)) == keys)
    }

    @Test func timesNameTheToneNotTheDecision() throws {
        let events = detectDTMF(framedKey(.five, milliseconds: 100, lead: 200))
        guard case .dtmfBegin(.five, let begin) = try #require(events.first),
              case .dtmfEnd(.five, let end) = try #require(events.last) else {
            Issue.record("expected begin and end of 5, got \(events)")
            return
        }
        #expect(abs(begin.milliseconds - 200) <= 15)
        #expect(abs(end.milliseconds - 300) <= 15)
    }

    @Test func detectsKeysUnderModerateNoise() {
        var s = SignalSynth()
        s.silence(milliseconds: 100)
        for k in DTMFKey.allCases {
            s.dtmf(k, level: Level(dBm0: -15), milliseconds: 60)
            s.silence(milliseconds: 60)
        }
        s.addNoise(level: Level(dBm0: -35), seed: 7)
        #expect(keysBegun(detectDTMF(s.pcm)) == DTMFKey.allCases)
    }

    @Test func staysQuietOnSilenceAndNoise() {
        var s = SignalSynth()
        s.silence(milliseconds: 10_000)
        s.addNoise(level: Level(dBm0: -20), seed: 3)
        #expect(detectDTMF(s.pcm) == [])
    }

    @Test func staysQuietOnSingleTonesAndDialTone() {
        var s = SignalSynth()
        for f in [697.0, 941, 1209, 1633, 450] { s.tone(f, level: Level(dBm0: -10), milliseconds: 500) }
        s.tones([(350, Level(dBm0: -13)), (440, Level(dBm0: -13))], milliseconds: 1000)
        #expect(detectDTMF(s.pcm) == [])
    }

    @Test func eventBufferDropsBeyondCapacityWithoutGrowing() {
        let buffer = DSPEventBuffer(capacity: 2)
        for i in 0..<5 { buffer.append(.dtmfBegin(.one, at: SampleTime(samples: Int64(i)))) }
        #expect(buffer.count == 2)
        #expect(buffer.dropped == 3)
        buffer.removeAll()
        #expect(buffer.isEmpty)
    }
}
