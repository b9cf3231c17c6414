#if canImport(Glibc)
import Glibc
#endif
import Testing
import Telephony

@Suite struct SampleTimeTests {
    @Test func millisecondsConvertAtEightSamplesPerMillisecond() {
        #expect(SampleTime(milliseconds: 20).samples == 160)
        #expect(SampleTime(milliseconds: 0).samples == 0)
        #expect(SampleTime(milliseconds: -5).samples == -40)
        #expect(SampleTime(samples: 160).milliseconds == 20)
        #expect(SampleTime(milliseconds: 86_400_000).samples == 691_200_000)
    }

    @Test func wholeMillisecondsRoundTowardsZero() {
        #expect(SampleTime(samples: 15).milliseconds == 1)
        #expect(SampleTime(samples: 7).milliseconds == 0)
        #expect(SampleTime(samples: -15).milliseconds == -1)
    }

    @Test func secondsConvertAtEightThousandSamplesPerSecond() {
        #expect(SampleTime(seconds: 1).samples == 8000)
        #expect(SampleTime(seconds: 1.5).samples == 12_000)
        #expect(SampleTime(seconds: 0.000125).samples == 1)
        #expect(SampleTime(samples: 12_000).seconds == 1.5)
        #expect(SampleTime(samples: 1).seconds == 0.000125)
    }

    @Test func secondsRoundToTheNearestSample() {
        // 0.4992 and 0.5008 samples.
        #expect(SampleTime(seconds: 0.0000624).samples == 0)
        #expect(SampleTime(seconds: 0.0000626).samples == 1)
        #expect(SampleTime(seconds: -0.0000626).samples == -1)
    }

    @Test func arithmeticAndOrderingWorkOnSampleCounts() {
        let a = SampleTime(milliseconds: 20)
        let b = SampleTime(samples: 3)
        #expect((a + b).samples == 163)
        #expect((a - b).samples == 157)
        #expect((b - a).samples == -157)
        var t = SampleTime.zero
        for _ in 0..<50 { t += a }
        #expect(t == SampleTime(seconds: 1))
        #expect(b < a)
        #expect(!(a < a))
        #expect(SampleTime.zero.samples == 0)
        #expect([a, b, .zero].sorted() == [.zero, b, a])
    }

    @Test func descriptionShowsWholeMilliseconds() {
        #expect(SampleTime(milliseconds: 20).description == "20 ms")
        #expect(SampleTime(samples: 12).description == "1 ms")
    }
}

@Suite struct DTMFKeyTests {
    @Test func thereAreSixteenDistinctKeys() {
        #expect(DTMFKey.allCases.count == 16)
        #expect(Set(DTMFKey.allCases.map(\.rawValue)) == Set("0123456789*#ABCD"))
    }

    @Test(arguments: [
        ("1", 697.0, 1209.0), ("2", 697, 1336), ("3", 697, 1477), ("A", 697, 1633),
        ("4", 770, 1209), ("5", 770, 1336), ("6", 770, 1477), ("B", 770, 1633),
        ("7", 852, 1209), ("8", 852, 1336), ("9", 852, 1477), ("C", 852, 1633),
        ("*", 941, 1209), ("0", 941, 1336), ("#", 941, 1477), ("D", 941, 1633),
    ] as [(Character, Double, Double)])
    func keyHasItsQ23RowAndColumnFrequencies(_ character: Character, _ row: Double, _ column: Double) throws {
        let key = try #require(DTMFKey(character))
        #expect(key.rowFrequency == row)
        #expect(key.columnFrequency == column)
    }

    @Test func everyKeyHasADistinctFrequencyPair() {
        let pairs = DTMFKey.allCases.map { [$0.rowFrequency, $0.columnFrequency] }
        #expect(Set(pairs).count == 16)
        #expect(DTMFKey.rowFrequencies == [697, 770, 852, 941])
        #expect(DTMFKey.columnFrequencies == [1209, 1336, 1477, 1633])
    }

    @Test func lowerCaseLettersAreAccepted() {
        #expect(DTMFKey("a") == .a)
        #expect(DTMFKey("b") == .b)
        #expect(DTMFKey("c") == .c)
        #expect(DTMFKey("d") == .d)
    }

    @Test func charactersThatAreNotKeysAreRejected() {
        for character: Character in ["E", "e", "x", " ", "+", "p", "w", ",", "٥", "５"] {
            #expect(DTMFKey(character) == nil, "\(character)")
        }
    }

    @Test func charactersWhoseUpperCaseIsSeveralLettersAreRejectedWithoutTrapping() {
        // "ß".uppercased() is "SS"; `kefu synth` must report a bad key, not trap.
        for character: Character in ["ß", "ŉ", "ﬀ"] {
            #expect(DTMFKey(character) == nil, "\(character)")
        }
    }

    @Test func asciiCodesRoundTrip() {
        for key in DTMFKey.allCases {
            #expect(key.ascii == key.rawValue.asciiValue)
            #expect(DTMFKey(ascii: Int32(key.ascii)) == key)
        }
        #expect(DTMFKey.five.ascii == 0x35)
        #expect(DTMFKey.hash.ascii == 0x23)
        #expect(DTMFKey(ascii: 0x64) == .d)  // 'd'
    }

    @Test func asciiCodesThatAreNotKeysAreRejected() {
        for code: Int32 in [0, -1, 0x45, 0x7F, 128, 0x135, Int32.min] {
            #expect(DTMFKey(ascii: code) == nil, "\(code)")
        }
    }

    @Test func descriptionIsTheKeyCharacter() {
        #expect(DTMFKey.star.description == "*")
        #expect(DTMFKey.d.description == "D")
    }
}

@Suite struct LevelTests {
    @Test func zeroDBm0SineHasPeakOf22826() {
        // 32767 × 10^(−3.14/20) = 22 826.36
        #expect(abs(Level(dBm0: 0).sinePeak - 22_826.36) < 0.01)
    }

    @Test func plus3Point14DBm0IsFullScale() {
        #expect(abs(Level(dBm0: 3.14).sinePeak - 32767) < 1e-9)
        #expect(Level.maxSineDBm0 == 3.14)
        #expect(abs(Level(sinePeak: 32767).dBm0 - 3.14) < 1e-12)
    }

    @Test func twentyDBIsAFactorOfTen() {
        let ratio = Level(dBm0: -10).sinePeak / Level(dBm0: -30).sinePeak
        #expect(abs(ratio - 10) < 1e-9)
    }

    @Test(arguments: [-50.0, -30, -10, 0, 3.14])
    func sinePeakInitializerInvertsSinePeak(_ dBm0: Double) {
        let level = Level(dBm0: dBm0)
        #expect(abs(Level(sinePeak: level.sinePeak).dBm0 - dBm0) < 1e-9)
    }

    @Test func rmsLevelIsTheLevelOfASineWithThatRMS() {
        let peak = Level(dBm0: -13).sinePeak
        #expect(abs(Level(rms: peak / 2.0.squareRoot()).dBm0 - -13) < 1e-9)
    }

    @Test func levelsOrderByDBm0() {
        #expect(Level(dBm0: -40) < Level(dBm0: -10))
        #expect(!(Level(dBm0: 0) < Level(dBm0: 0)))
        #expect(Level(dBm0: -6).description == "-6.0 dBm0")
    }
}
