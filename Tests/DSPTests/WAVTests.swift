import DSP
import Testing

// MARK: - Building files byte by byte

private func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
private func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
private func fourCC(_ id: String) -> [UInt8] { Array(id.utf8) }

/// A chunk: id, size (the body's length unless given), body, and a pad byte
/// after an odd-sized body.
private func chunk(_ id: String, _ body: [UInt8], claimedSize: Int? = nil) -> [UInt8] {
    fourCC(id) + le32(claimedSize ?? body.count) + body + (body.count % 2 == 1 ? [0] : [])
}

/// A 16-byte PCMWAVEFORMAT body.
private func fmtBody(tag: Int = 1, channels: Int = 1, rate: Int = 8000, bits: Int = 16) -> [UInt8] {
    let block = channels * bits / 8
    return le16(tag) + le16(channels) + le32(rate) + le32(rate * block) + le16(block) + le16(bits)
}

/// A 40-byte WAVEFORMATEXTENSIBLE body whose sub-format GUID carries `subFormat`.
private func extensibleFmtBody(subFormat: Int, channels: Int = 1, bits: Int) -> [UInt8] {
    fmtBody(tag: 0xFFFE, channels: channels, bits: bits)
        + le16(22) + le16(bits) + le32(channels == 1 ? 0x4 : 0x3)
        + le16(subFormat) + [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
}

/// RIFF header around the given chunks.
private func riff(_ chunks: [UInt8], form: String = "WAVE") -> [UInt8] {
    fourCC("RIFF") + le32(4 + chunks.count) + fourCC(form) + chunks
}

/// The WAVError a decode throws, or nil (recording an issue) if it accepts the file.
private func refusal(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> WAVError? {
    do {
        let audio = try WAVCodec.decode(bytes)
        Issue.record("accepted a malformed file as \(audio.frameCount) frames", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

private func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
private func u32(_ b: [UInt8], _ i: Int) -> Int { u16(b, i) | u16(b, i + 2) << 16 }

/// A deterministic signal spread over the whole 16-bit range.
private func testSignal(count: Int, seed: Int) -> [Int16] {
    (0..<count).map { Int16(truncatingIfNeeded: ($0 &* 40503 &+ seed &* 7919) ^ ($0 << 3)) }
}

private func companded(_ samples: [Int16], _ law: G711Law) -> [Int16] {
    samples.map { law.decode(law.encode($0)) }
}

// MARK: - Malformed files

struct MalformedWAV: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let offset: Int
    /// Fragments the reason must contain.
    let reason: [String]
    var testDescription: String { name }
}

private let pcmFmt = chunk("fmt ", fmtBody())
private let malformed: [MalformedWAV] = [
    MalformedWAV(name: "empty file", bytes: [], offset: 0, reason: ["0 bytes", "too short"]),
    MalformedWAV(name: "11 bytes", bytes: Array(riff([]).prefix(11)), offset: 0, reason: ["11 bytes", "too short"]),
    MalformedWAV(name: "not RIFF", bytes: fourCC("RIFX") + le32(4) + fourCC("WAVE"), offset: 0,
                 reason: ["not a RIFF file", "'RIFX'"]),
    MalformedWAV(name: "binary junk", bytes: [0x00, 0xFF, 0x10, 0x7F] + [UInt8](repeating: 0, count: 40), offset: 0,
                 reason: ["not a RIFF file", "0 ff 10 7f"]),
    MalformedWAV(name: "RIFF but not WAVE", bytes: riff(pcmFmt, form: "AVI "), offset: 8,
                 reason: ["not WAVE", "'AVI '"]),
    MalformedWAV(name: "no fmt chunk", bytes: riff(chunk("LIST", fourCC("INFO"))), offset: 24,
                 reason: ["no fmt chunk"]),
    MalformedWAV(name: "no data chunk", bytes: riff(pcmFmt), offset: 36, reason: ["no data chunk"]),
    MalformedWAV(name: "data before fmt", bytes: riff(chunk("data", [0, 0]) + pcmFmt), offset: 12,
                 reason: ["data chunk before the fmt chunk"]),
    MalformedWAV(name: "fmt shorter than 16", bytes: riff(chunk("fmt ", Array(fmtBody().prefix(14))) + chunk("data", [0, 0])),
                 offset: 16, reason: ["fmt chunk is 14 bytes", "at least 16"]),
    MalformedWAV(name: "file ends inside fmt", bytes: Array(riff(pcmFmt).prefix(30)), offset: 16,
                 reason: ["fmt chunk"]),
    MalformedWAV(name: "8-bit PCM", bytes: riff(chunk("fmt ", fmtBody(bits: 8)) + chunk("data", [0x80])),
                 offset: 34, reason: ["8-bit", "format 1"]),
    MalformedWAV(name: "24-bit PCM", bytes: riff(chunk("fmt ", fmtBody(bits: 24)) + chunk("data", [0, 0, 0])),
                 offset: 34, reason: ["24-bit", "format 1"]),
    MalformedWAV(name: "16-bit μ-law", bytes: riff(chunk("fmt ", fmtBody(tag: 7, bits: 16)) + chunk("data", [0, 0])),
                 offset: 34, reason: ["16-bit", "format 7"]),
    MalformedWAV(name: "float (format 3)", bytes: riff(chunk("fmt ", fmtBody(tag: 3, bits: 32)) + chunk("data", [0, 0, 0, 0])),
                 offset: 20, reason: ["unsupported sample format 3"]),
    MalformedWAV(name: "3 channels", bytes: riff(chunk("fmt ", fmtBody(channels: 3)) + chunk("data", [0, 0, 0, 0, 0, 0])),
                 offset: 22, reason: ["3 channels", "mono and stereo"]),
    MalformedWAV(name: "44100 Hz", bytes: riff(chunk("fmt ", fmtBody(rate: 44100)) + chunk("data", [0, 0])),
                 offset: 24, reason: ["44100 Hz", "8000"]),
    MalformedWAV(name: "short extensible fmt",
                 bytes: riff(chunk("fmt ", fmtBody(tag: 0xFFFE) + le16(0)) + chunk("data", [0, 0])),
                 offset: 20, reason: ["extensible", "18 bytes", "40"]),
    MalformedWAV(name: "data truncated", bytes: riff(pcmFmt + chunk("data", [1, 0, 2, 0], claimedSize: 100)),
                 offset: 40, reason: ["claims 100 bytes", "only 4 remain", "truncated"]),
    MalformedWAV(name: "3 bytes of PCM16 mono", bytes: riff(pcmFmt + chunk("data", [1, 0, 2])),
                 offset: 40, reason: ["data size 3", "2-byte sample frames"]),
    MalformedWAV(name: "6 bytes of PCM16 stereo",
                 bytes: riff(chunk("fmt ", fmtBody(channels: 2)) + chunk("data", [1, 0, 2, 0, 3, 0])),
                 offset: 40, reason: ["data size 6", "4-byte sample frames"]),
    MalformedWAV(name: "chunk before fmt overruns the file",
                 bytes: riff(chunk("LIST", fourCC("INFO"), claimedSize: 1000) + pcmFmt + chunk("data", [0, 0])),
                 offset: 16, reason: ["'LIST'", "claims 1000 bytes", "only 38 remain"]),
    // The last chunk is odd-sized and the file ends before its pad byte: the
    // place named is the file's end, not the byte after it (found by fuzz-wav).
    MalformedWAV(name: "odd last chunk without its pad byte",
                 bytes: riff(pcmFmt) + fourCC("LIST") + le32(1) + [0x41],
                 offset: 45, reason: ["no data chunk"]),
    MalformedWAV(name: "chunk after fmt overruns the file",
                 bytes: riff(pcmFmt + chunk("fact", le32(1), claimedSize: 0x7FFF_FFFF)),
                 offset: 40, reason: ["'fact'", "claims 2147483647 bytes", "only 4 remain"]),
]

@Suite struct WAVTests {
    // MARK: Round trips

    @Test(arguments: [1, 2])
    func pcm16RoundTripsExactly(channelCount: Int) throws {
        let channels = (0..<channelCount).map { testSignal(count: 1001, seed: $0) + [Int16.min, Int16.max, 0, -1] }
        let audio = WAVAudio(encoding: .pcm16, channels: channels)
        let decoded = try WAVCodec.decode(WAVCodec.encode(audio))
        #expect(decoded == audio)
    }

    @Test(arguments: [G711Law.ulaw, .alaw], [1, 2])
    func g711RoundTripsTheCompandedValuesExactly(law: G711Law, channelCount: Int) throws {
        let encoding: WAVEncoding = law == .ulaw ? .ulaw : .alaw
        let raw = (0..<channelCount).map { testSignal(count: 999, seed: $0 + 5) }
        let file = WAVCodec.encode(WAVAudio(encoding: encoding, channels: raw))
        let decoded = try WAVCodec.decode(file)
        #expect(decoded.encoding == encoding)
        #expect(decoded.sampleRate == 8000)
        #expect(decoded.channels == raw.map { companded($0, law) })
        // Companded values survive a second trip unchanged, byte for byte.
        let again = WAVCodec.encode(decoded)
        #expect(again == file)
        #expect(try WAVCodec.decode(again) == decoded)
    }

    @Test func stereoKeepsCallerLeftAndAgentRight() throws {
        let caller: [Int16] = [100, 200, 300]
        let agent: [Int16] = [-1, -2, -3]
        let file = WAVCodec.encode(WAVAudio(channels: [caller, agent]))
        // Interleaved: left sample, then right sample, per frame.
        #expect(Array(file[44..<52]) == le16(100) + le16(0xFFFF) + le16(200) + le16(0xFFFE))
        let decoded = try WAVCodec.decode(file)
        #expect(decoded.channels == [caller, agent])
    }

    @Test(arguments: [WAVEncoding.pcm16, .ulaw, .alaw])
    func emptyAudioRoundTrips(encoding: WAVEncoding) throws {
        let audio = WAVAudio(mono: [], encoding: encoding)
        let file = WAVCodec.encode(audio)
        #expect(file.count == 44)
        let decoded = try WAVCodec.decode(file)
        #expect(decoded.frameCount == 0)
        #expect(decoded.channels == [[]])
        #expect(decoded.encoding == encoding)
    }

    // MARK: Header

    @Test(arguments: [WAVEncoding.pcm16, .ulaw, .alaw], [1, 2])
    func encodedHeaderHasCanonicalFields(encoding: WAVEncoding, channelCount: Int) {
        let frames = 160
        let audio = WAVAudio(encoding: encoding, channels: Array(repeating: testSignal(count: frames, seed: 1), count: channelCount))
        let file = WAVCodec.encode(audio)
        let bytesPerSample = encoding == .pcm16 ? 2 : 1
        let dataSize = frames * channelCount * bytesPerSample
        let tag = [WAVEncoding.pcm16: 1, .alaw: 6, .ulaw: 7][encoding]!

        #expect(file.count == 44 + dataSize)
        #expect(Array(file[0..<4]) == fourCC("RIFF"))
        #expect(u32(file, 4) == file.count - 8)
        #expect(Array(file[8..<12]) == fourCC("WAVE"))
        #expect(Array(file[12..<16]) == fourCC("fmt "))
        #expect(u32(file, 16) == 16)
        #expect(u16(file, 20) == tag)
        #expect(u16(file, 22) == channelCount)
        #expect(u32(file, 24) == 8000)
        #expect(u32(file, 28) == 8000 * channelCount * bytesPerSample)  // byte rate
        #expect(u16(file, 32) == channelCount * bytesPerSample)         // block align
        #expect(u16(file, 34) == bytesPerSample * 8)                    // bits per sample
        #expect(Array(file[36..<40]) == fourCC("data"))
        #expect(u32(file, 40) == dataSize)
    }

    @Test func headerAloneDescribesAProvisionalDataSize() {
        let h = WAVCodec.header(encoding: .alaw, channels: 2, dataSize: 16000)
        #expect(h.count == 44)
        #expect(u32(h, 4) == 36 + 16000)
        #expect(u16(h, 20) == 6)
        #expect(u32(h, 28) == 16000)
        #expect(u32(h, 40) == 16000)
        #expect(h == Array(WAVCodec.encode(WAVAudio(encoding: .alaw, channels: [[Int16](repeating: 0, count: 8000),
                                                                                  [Int16](repeating: 0, count: 8000)])).prefix(44)))
    }

    @Test func encodedPCM16SamplesAreLittleEndian() {
        let file = WAVCodec.encode(WAVAudio(mono: [0x1234, -2]))
        #expect(Array(file[44...]) == [0x34, 0x12, 0xFE, 0xFF])
    }

    // MARK: Accepted variants

    @Test func extensibleFormatPCMFileIsAccepted() throws {
        let samples: [Int16] = [1, -1, 32767, -32768, 1000]
        let data = samples.flatMap { le16(Int(UInt16(bitPattern: $0))) }
        let file = riff(chunk("fmt ", extensibleFmtBody(subFormat: 1, bits: 16)) + chunk("data", data))
        let audio = try WAVCodec.decode(file)
        #expect(audio.encoding == .pcm16)
        #expect(audio.channels == [samples])
    }

    @Test func extensibleFormatStereoULawFileIsAccepted() throws {
        let file = riff(chunk("fmt ", extensibleFmtBody(subFormat: 7, channels: 2, bits: 8)) + chunk("data", [0xFF, 0x80, 0x00, 0xFE]))
        let audio = try WAVCodec.decode(file)
        #expect(audio.encoding == .ulaw)
        #expect(audio.channels == [[0, -32124], [32124, 8]])
    }

    @Test func aLawFileDecodesThroughG711() throws {
        let file = riff(chunk("fmt ", fmtBody(tag: 6, bits: 8)) + chunk("data", [0xD5, 0x55, 0xAA, 0x2A]))
        let audio = try WAVCodec.decode(file)
        #expect(audio.encoding == .alaw)
        #expect(audio.channels == [[8, -8, 32256, -32256]])
    }

    @Test func oddSizedListChunkBeforeDataIsSkippedWithItsPadByte() throws {
        // 'LIST' with a 5-byte body is followed by one pad byte; a reader that
        // ignores padding would look for the next chunk one byte early.
        let list = chunk("LIST", fourCC("INFO") + [0x41])
        #expect(list.count == 8 + 5 + 1)
        let file = riff(pcmFmt + list + chunk("data", le16(7) + le16(0xFFF9)))
        let audio = try WAVCodec.decode(file)
        #expect(audio.channels == [[7, -7]])
    }

    @Test func unknownChunksBeforeFmtAreSkipped() throws {
        let file = riff(chunk("JUNK", [UInt8](repeating: 0, count: 28)) + chunk("bext", [1, 2, 3]) + pcmFmt + chunk("data", le16(42)))
        #expect(try WAVCodec.decode(file).channels == [[42]])
    }

    @Test func fmtChunkLongerThan16BytesIsAccepted() throws {
        // WAVEFORMATEX: an 18-byte fmt with cbSize = 0, as many G.711 writers emit.
        let file = riff(chunk("fmt ", fmtBody(tag: 7, bits: 8) + le16(0)) + chunk("fact", le32(2)) + chunk("data", [0xFF, 0x7E]))
        let audio = try WAVCodec.decode(file)
        #expect(audio.encoding == .ulaw)
        #expect(audio.channels == [[0, -8]])
    }

    @Test func bytesAfterTheDataChunkAreIgnored() throws {
        let file = riff(pcmFmt + chunk("data", le16(5)) + chunk("LIST", fourCC("INFO")))
        #expect(try WAVCodec.decode(file).channels == [[5]])
    }

    // MARK: Refusals

    @Test(arguments: malformed)
    func malformedFileIsRefusedWithOffsetAndReason(_ bad: MalformedWAV) throws {
        let error = try #require(refusal(bad.bytes))
        #expect(error.offset == bad.offset, "reason: \(error.reason)")
        for fragment in bad.reason {
            #expect(error.reason.contains(fragment), "reason: \(error.reason)")
        }
        #expect(error.description.contains("at byte \(bad.offset)"))
        #expect(error.description.contains(error.reason))
    }
}
