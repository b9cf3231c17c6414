import DSP
import Testing

// Reference encoders transcribed from ITU-T G.711 as spandsp implements it
// (spandsp/g711.h, linear_to_ulaw and linear_to_alaw). Both laws are
// sign-magnitude: the sign picks the half, the magnitude picks segment and
// step, so a sample and its mirror image get the same code but for the sign bit.
private enum G711Reference {
    static func topBit(_ v: Int) -> Int { Int.bitWidth - 1 - v.leadingZeroBitCount }

    static func ulaw(_ sample: Int16) -> UInt8 {
        let bias = 0x84
        let magnitude: Int, mask: Int
        if sample >= 0 { magnitude = bias + Int(sample); mask = 0xFF } else { magnitude = bias - Int(sample); mask = 0x7F }
        let segment = topBit(magnitude | 0xFF) - 7
        if segment >= 8 { return UInt8(0x7F ^ mask) }
        return UInt8(((segment << 4) | ((magnitude >> (segment + 3)) & 0x0F)) ^ mask)
    }

    static func alaw(_ sample: Int16) -> UInt8 {
        let magnitude: Int, mask: Int
        if sample >= 0 { magnitude = Int(sample); mask = 0x55 | 0x80 } else { magnitude = -Int(sample) - 1; mask = 0x55 }
        let segment = topBit(magnitude | 0xFF) - 7
        if segment >= 8 { return UInt8(0x7F ^ mask) }
        return UInt8(((segment << 4) | ((magnitude >> (segment == 0 ? 4 : segment + 3)) & 0x0F)) ^ mask)
    }

    static func encode(_ law: G711Law, _ sample: Int16) -> UInt8 {
        law == .ulaw ? ulaw(sample) : alaw(sample)
    }

    /// Segment (0–7) of a code word: bits 4–6 after undoing the line inversion.
    static func segment(_ law: G711Law, _ code: UInt8) -> Int {
        Int(((law == .ulaw ? ~code : code ^ 0x55) & 0x70) >> 4)
    }

    /// Quantization step, in 16-bit linear units, of a code word's segment.
    static func step(_ law: G711Law, _ code: UInt8) -> Int {
        let s = segment(law, code)
        return law == .alaw && s == 0 ? 16 : 8 << s
    }

    /// Largest decoded magnitude.
    static func peak(_ law: G711Law) -> Int { law == .ulaw ? 32124 : 32256 }
}

private let allSamples: ClosedRange<Int16> = Int16.min...Int16.max

/// The samples whose code differs from the reference, with both codes.
private func mismatches(_ law: G711Law) -> [(sample: Int16, got: UInt8, expected: UInt8)] {
    allSamples.compactMap { x in
        let got = law.encode(x), expected = G711Reference.encode(law, x)
        return got == expected ? nil : (x, got, expected)
    }
}

/// Samples whose round trip errs by more than half a step (or, beyond the
/// largest code, are not clipped to it).
private func quantizationViolations(_ law: G711Law) -> [Int16] {
    allSamples.filter { x in
        let code = law.encode(x)
        let y = Int(law.decode(code))
        // μ-law's top step ends at 32635; beyond it every sample takes the
        // largest code. A-law's top step reaches 32767 (magnitude of -32768 is 32767).
        let magnitude = law == .ulaw ? abs(Int(x)) : (x >= 0 ? Int(x) : -Int(x) - 1)
        if law == .ulaw && magnitude > 32635 {
            return y != (x > 0 ? 1 : -1) * G711Reference.peak(law)
        }
        return abs(Int(x) - y) > G711Reference.step(law, code) / 2
    }
}

/// Samples x > 0 whose mirror image is not encoded as x with the sign bit flipped.
/// μ-law mirrors x to -x; A-law, whose negative half is offset by one, to -x-1.
private func symmetryViolations(_ law: G711Law) -> [Int16] {
    (Int16(1)...Int16.max).filter { x in
        let mirror = law == .ulaw ? -x : -x - 1
        return law.encode(mirror) != law.encode(x) ^ 0x80
    }
}

// The μ-law table in Sources/DSP/G711.swift is indexed by sample >> 2, which
// is exact for positive samples only: for 381 negative samples it returns the
// code one step larger in magnitude than linear_to_ulaw (e.g. -1 gives 0x7E,
// decoding to -8, where G.711 gives 0x7F, decoding to 0).

@Suite struct G711Tests {
    // MARK: Reference values (ITU-T G.711 tables, as spandsp decodes them)

    @Test func ulawDecodesReferenceCodes() {
        #expect(G711Law.ulaw.decode(0xFF) == 0)
        #expect(G711Law.ulaw.decode(0x7F) == 0)
        #expect(G711Law.ulaw.decode(0x80) == 32124)
        #expect(G711Law.ulaw.decode(0x00) == -32124)
        #expect(G711Law.ulaw.decode(0xFE) == 8)
        #expect(G711Law.ulaw.decode(0x7E) == -8)
        #expect(G711Law.ulaw.decode(0xF0) == 120)   // last code of segment 0
        #expect(G711Law.ulaw.decode(0xEF) == 132)   // first code of segment 1
        #expect(G711Law.ulaw.decode(0xEE) == 148)
    }

    @Test func alawDecodesReferenceCodes() {
        #expect(G711Law.alaw.decode(0xD5) == 8)
        #expect(G711Law.alaw.decode(0x55) == -8)
        #expect(G711Law.alaw.decode(0xAA) == 32256)
        #expect(G711Law.alaw.decode(0x2A) == -32256)
        #expect(G711Law.alaw.decode(0xD4) == 24)
        #expect(G711Law.alaw.decode(0xC5) == 264)   // first code of segment 1
    }

    @Test func encodesReferenceSamples() {
        #expect(G711Law.ulaw.encode(0) == 0xFF)
        #expect(G711Law.ulaw.encode(8) == 0xFE)
        #expect(G711Law.ulaw.encode(32767) == 0x80)
        #expect(G711Law.ulaw.encode(-32768) == 0x00)
        #expect(G711Law.alaw.encode(0) == 0xD5)
        #expect(G711Law.alaw.encode(-1) == 0x55)
        #expect(G711Law.alaw.encode(32767) == 0xAA)
        #expect(G711Law.alaw.encode(-32768) == 0x2A)
    }

    @Test func ulawEncodesSmallNegativeSamplesToNegativeZero() {
        #expect(G711Law.ulaw.encode(-1) == 0x7F)
        #expect(G711Law.ulaw.decode(G711Law.ulaw.encode(-1)) == 0)
    }

    // MARK: Code words

    @Test func alawDecodeThenEncodeIsIdentityOnAll256Codes() {
        for code in UInt8.min...UInt8.max {
        #expect(G711Law.alaw.encode(G711Law.alaw.decode(code)) == code, "code 0x\(String(code, radix: 16))")
        }
    }

    @Test func ulawDecodeThenEncodeIsIdentityOnAllCodesButNegativeZero() {
        for code in UInt8.min...UInt8.max where code != 0x7F {
        #expect(G711Law.ulaw.encode(G711Law.ulaw.decode(code)) == code, "code 0x\(String(code, radix: 16))")
        }
        // 0x7F (negative zero) and 0xFF (positive zero) both decode to 0,
        // which encodes as positive zero.
        #expect(G711Law.ulaw.encode(G711Law.ulaw.decode(0x7F)) == 0xFF)
    }

    @Test(arguments: G711Law.allCases)
    func decodeIsStrictlyIncreasingInCodeOrder(_ law: G711Law) {
        // Bit 7 is the sign, bits 0–6 the magnitude index (segment, step),
        // after undoing the line inversion (μ-law: all bits; A-law: 0x55).
        // List codes from most negative to most positive.
        let magnitudes = (0...127).map { UInt8($0) }
        let order: [UInt8]
        switch law {
        case .ulaw:  // sign bit set = negative; negative zero (0x7F) left out
            order = magnitudes.reversed().dropLast().map { ~(0x80 | $0) } + magnitudes.map { ~$0 }
        case .alaw:  // sign bit set = positive
            order = magnitudes.reversed().map { $0 ^ 0x55 } + magnitudes.map { (0x80 | $0) ^ 0x55 }
        }
        let values = order.map { Int(law.decode($0)) }
        #expect(values.count == (law == .ulaw ? 255 : 256))
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
    }

    // MARK: Every sample

    @Test func alawEncodeMatchesTheReferenceForEverySample() {
        let wrong = mismatches(.alaw)
        #expect(wrong.count == 0, "first: \(wrong.prefix(3))")
    }

    @Test func ulawEncodeMatchesTheReferenceForEverySample() {
                let wrong = mismatches(.ulaw)
        #expect(wrong.count == 0, "first: \(wrong.prefix(3))")
    }

    @Test func alawRoundTripErrsByAtMostHalfAStepForEverySample() {
        let bad = quantizationViolations(.alaw)
        #expect(bad.count == 0, "first: \(bad.prefix(5))")
    }

    @Test func ulawRoundTripErrsByAtMostHalfAStepForEverySample() {
                let bad = quantizationViolations(.ulaw)
        #expect(bad.count == 0, "first: \(bad.prefix(5))")
    }

    @Test(arguments: G711Law.allCases)
    func roundTripErrsByLessThanOneStepForEverySample(_ law: G711Law) {
        // Looser than half a step; holds even for the μ-law table issue above.
        for x in allSamples {
            let code = law.encode(x)
            let y = Int(law.decode(code))
            let wrong = law == .ulaw && abs(Int(x)) > 32635
                ? y != (x > 0 ? 1 : -1) * G711Reference.peak(law)  // clipped to the largest code
                : abs(Int(x) - y) >= G711Reference.step(law, code)
            if wrong {
                Issue.record("\(law) \(x) -> 0x\(String(code, radix: 16)) -> \(y)")
                return
            }
        }
    }

    @Test func alawEncodesMirrorSamplesWithOnlyTheSignBitDifferent() {
        let bad = symmetryViolations(.alaw)
        #expect(bad.count == 0, "first: \(bad.prefix(5))")
    }

    @Test func ulawEncodesMirrorSamplesWithOnlyTheSignBitDifferent() {
                let bad = symmetryViolations(.ulaw)
        #expect(bad.count == 0, "first: \(bad.prefix(5))")
    }

    @Test(arguments: G711Law.allCases)
    func encodeIsMonotonicInTheSample(_ law: G711Law) {
        var previous = Int.min
        for x in allSamples {
            let value = Int(law.decode(law.encode(x)))
            if value < previous {
                Issue.record("\(law): \(x) decodes to \(value), below the previous sample's \(previous)")
                return
            }
            previous = value
        }
    }

    // MARK: Blocks

    @Test(arguments: G711Law.allCases)
    func blockEncodeAgreesWithPerSampleEncode(_ law: G711Law) {
        let input = Array(allSamples)
        var output = [UInt8](repeating: 0x33, count: input.count + 3)
        input.withUnsafeBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in law.encode(i, into: o) }
        }
        #expect(zip(input, output).allSatisfy { law.encode($0) == $1 })
        // Bytes past the input's length are left alone.
        #expect(output.suffix(3) == [0x33, 0x33, 0x33])
    }

    @Test(arguments: G711Law.allCases)
    func blockDecodeAgreesWithPerSampleDecode(_ law: G711Law) {
        let input = Array(UInt8.min...UInt8.max)
        var output = [Int16](repeating: 12345, count: input.count + 2)
        input.withUnsafeBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in law.decode(i, into: o) }
        }
        #expect(zip(input, output).allSatisfy { law.decode($0) == $1 })
        #expect(output.suffix(2) == [12345, 12345])
    }

    @Test(arguments: G711Law.allCases)
    func emptyBlocksEncodeAndDecodeToNothing(_ law: G711Law) {
        var bytes: [UInt8] = [7]
        var samples: [Int16] = [7]
        [Int16]().withUnsafeBufferPointer { i in bytes.withUnsafeMutableBufferPointer { law.encode(i, into: $0) } }
        [UInt8]().withUnsafeBufferPointer { i in samples.withUnsafeMutableBufferPointer { law.decode(i, into: $0) } }
        #expect(bytes == [7])
        #expect(samples == [7])
    }
}
