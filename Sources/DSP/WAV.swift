/// How samples are stored in a WAV file Kefu reads or writes.
public enum WAVEncoding: Sendable, Hashable {
    case pcm16
    case ulaw
    case alaw

    var formatTag: UInt16 {
        switch self {
        case .pcm16: return 1
        case .alaw: return 6
        case .ulaw: return 7
        }
    }
    var bytesPerSample: Int { self == .pcm16 ? 2 : 1 }
    public var name: String {
        switch self {
        case .pcm16: return "PCM 16-bit"
        case .ulaw: return "μ-law"
        case .alaw: return "A-law"
        }
    }
}

/// Audio read from or to be written to a WAV file: 8 kHz, one or two
/// channels, kept as linear 16-bit samples per channel.
public struct WAVAudio: Sendable, Equatable {
    public var sampleRate: Int
    public var encoding: WAVEncoding
    /// One array of samples per channel (1 = mono; 2 = stereo, caller left, agent right).
    public var channels: [[Int16]]

    public init(sampleRate: Int = 8000, encoding: WAVEncoding = .pcm16, channels: [[Int16]]) {
        self.sampleRate = sampleRate
        self.encoding = encoding
        self.channels = channels
    }

    public init(mono: [Int16], encoding: WAVEncoding = .pcm16) {
        self.init(encoding: encoding, channels: [mono])
    }

    public var frameCount: Int { channels.first?.count ?? 0 }
}

/// Why a WAV file was refused, with the byte offset where the problem is.
public struct WAVError: Error, Equatable, CustomStringConvertible, Sendable {
    public var offset: Int
    public var reason: String
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }
    public var description: String { "at byte \(offset): \(reason)" }
}

/// Reads and writes WAV (RIFF/WAVE) files as telephony uses them: 8 kHz,
/// PCM 16-bit little-endian, μ-law or A-law, mono or stereo. Anything else is
/// refused with a `WAVError` naming the offset and the reason; a file is
/// never partly accepted.
public enum WAVCodec {
    /// The sample rate Kefu accepts.
    public static let sampleRate = 8000

    public static func decode(_ bytes: [UInt8]) throws(WAVError) -> WAVAudio {
        var reader = ByteReader(bytes: bytes)
        guard bytes.count >= 12 else {
            throw WAVError(offset: 0, reason: "file is \(bytes.count) bytes, too short for a RIFF/WAVE header (12 bytes)")
        }
        guard reader.fourCC(at: 0) == "RIFF" else {
            throw WAVError(offset: 0, reason: "not a RIFF file (starts with \(reader.printable(at: 0)))")
        }
        guard reader.fourCC(at: 8) == "WAVE" else {
            throw WAVError(offset: 8, reason: "RIFF file is not WAVE (form type \(reader.printable(at: 8)))")
        }
        var offset = 12
        var format: (encoding: WAVEncoding, channels: Int)?
        while offset + 8 <= bytes.count {
            let id = reader.fourCC(at: offset)
            let size = Int(reader.u32(at: offset + 4))
            let body = offset + 8
            if id == "fmt " {
                format = try parseFormat(&reader, at: body, size: size)
            } else if id == "data" {
                guard let format else {
                    throw WAVError(offset: offset, reason: "data chunk before the fmt chunk")
                }
                let available = bytes.count - body
                guard size <= available else {
                    throw WAVError(offset: offset + 4,
                                   reason: "data chunk claims \(size) bytes but only \(available) remain (truncated file)")
                }
                let frameBytes = format.encoding.bytesPerSample * format.channels
                guard size % frameBytes == 0 else {
                    throw WAVError(offset: offset + 4,
                                   reason: "data size \(size) is not a whole number of \(frameBytes)-byte sample frames")
                }
                return decodeSamples(reader.bytes, from: body, size: size, format: format.encoding, channels: format.channels)
            }
            guard size <= bytes.count - body else {
                throw WAVError(offset: offset + 4,
                               reason: "chunk '\(reader.printable(at: offset))' claims \(size) bytes but only \(bytes.count - body) remain")
            }
            offset = body + size + (size & 1)  // chunks are padded to even length
        }
        // A last chunk of odd size has no pad byte before the end: name the end, not past it.
        throw WAVError(offset: min(offset, bytes.count), reason: format == nil ? "no fmt chunk" : "no data chunk")
    }

    private static func parseFormat(_ reader: inout ByteReader, at body: Int, size: Int) throws(WAVError) -> (WAVEncoding, Int) {
        guard size >= 16 else {
            throw WAVError(offset: body - 4, reason: "fmt chunk is \(size) bytes, needs at least 16")
        }
        guard body + 16 <= reader.bytes.count else {
            throw WAVError(offset: body - 4, reason: "fmt chunk claims \(size) bytes but only \(reader.bytes.count - body) remain")
        }
        var tag = reader.u16(at: body)
        var tagOffset = body
        let channels = Int(reader.u16(at: body + 2))
        let rate = Int(reader.u32(at: body + 4))
        let bits = Int(reader.u16(at: body + 14))
        if tag == 0xFFFE {  // WAVE_FORMAT_EXTENSIBLE: the real tag leads the sub-format GUID
            guard size >= 40, body + 26 <= reader.bytes.count else {
                throw WAVError(offset: body, reason: "extensible fmt chunk is \(size) bytes, needs 40")
            }
            tag = reader.u16(at: body + 24)
            tagOffset = body + 24
        }
        let encoding: WAVEncoding
        switch (tag, bits) {
        case (1, 16): encoding = .pcm16
        case (7, 8): encoding = .ulaw
        case (6, 8): encoding = .alaw
        case (1, _), (6, _), (7, _):
            throw WAVError(offset: body + 14, reason: "\(bits)-bit samples are not supported for format \(tag) (PCM needs 16, G.711 needs 8)")
        default:
            throw WAVError(offset: tagOffset, reason: "unsupported sample format \(tag) (supported: 1 PCM, 6 A-law, 7 μ-law)")
        }
        guard channels == 1 || channels == 2 else {
            throw WAVError(offset: body + 2, reason: "\(channels) channels; only mono and stereo are supported")
        }
        guard rate == sampleRate else {
            throw WAVError(offset: body + 4, reason: "sample rate \(rate) Hz; telephony audio must be 8000 Hz (convert with: sox in.wav -r 8000 out.wav)")
        }
        return (encoding, channels)
    }

    private static func decodeSamples(_ bytes: [UInt8], from start: Int, size: Int,
                                      format: WAVEncoding, channels: Int) -> WAVAudio {
        let frames = size / (format.bytesPerSample * channels)
        var out = [[Int16]](repeating: [], count: channels)
        for c in 0..<channels { out[c].reserveCapacity(frames) }
        var p = start
        for _ in 0..<frames {
            for c in 0..<channels {
                switch format {
                case .pcm16:
                    out[c].append(Int16(bitPattern: UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8))
                    p += 2
                case .ulaw:
                    out[c].append(G711Law.ulaw.decode(bytes[p])); p += 1
                case .alaw:
                    out[c].append(G711Law.alaw.decode(bytes[p])); p += 1
                }
            }
        }
        return WAVAudio(sampleRate: sampleRate, encoding: format, channels: out)
    }

    /// Encodes audio as a canonical 44-byte-header WAV file.
    public static func encode(_ audio: WAVAudio) -> [UInt8] {
        let channels = audio.channels.count
        precondition(channels == 1 || channels == 2, "WAV encode: 1 or 2 channels")
        precondition(audio.channels.allSatisfy { $0.count == audio.frameCount }, "WAV encode: channels differ in length")
        let bps = audio.encoding.bytesPerSample
        let dataSize = audio.frameCount * channels * bps
        var out = header(encoding: audio.encoding, channels: channels, sampleRate: audio.sampleRate, dataSize: dataSize)
        out.reserveCapacity(out.count + dataSize + 1)
        for i in 0..<audio.frameCount {
            for c in 0..<channels {
                let s = audio.channels[c][i]
                switch audio.encoding {
                case .pcm16:
                    let u = UInt16(bitPattern: s)
                    out.append(UInt8(u & 0xFF)); out.append(UInt8(u >> 8))
                case .ulaw: out.append(G711Law.ulaw.encode(s))
                case .alaw: out.append(G711Law.alaw.encode(s))
                }
            }
        }
        if dataSize & 1 == 1 { out.append(0) }  // RIFF chunks are padded to even length
        return out
    }

    /// The 44-byte header of a WAV file holding `dataSize` bytes of samples.
    /// Recorders write it first with a provisional size and rewrite it as audio lands.
    public static func header(encoding: WAVEncoding, channels: Int, sampleRate: Int = 8000, dataSize: Int) -> [UInt8] {
        let bps = encoding.bytesPerSample
        var h: [UInt8] = []
        h.reserveCapacity(44)
        func u32(_ v: Int) { let v = UInt32(truncatingIfNeeded: v); for k in 0..<4 { h.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) } }
        func u16(_ v: Int) { h.append(UInt8(v & 0xFF)); h.append(UInt8((v >> 8) & 0xFF)) }
        h += Array("RIFF".utf8); u32(36 + dataSize + (dataSize & 1)); h += Array("WAVE".utf8)
        h += Array("fmt ".utf8); u32(16)
        u16(Int(encoding.formatTag)); u16(channels); u32(sampleRate)
        u32(sampleRate * channels * bps); u16(channels * bps); u16(bps * 8)
        h += Array("data".utf8); u32(dataSize)
        return h
    }
}

/// Little-endian field access with bounds already checked by the caller.
struct ByteReader {
    let bytes: [UInt8]
    func u16(at i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
    func u32(at i: Int) -> UInt32 {
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }
    func fourCC(at i: Int) -> String { String(decoding: bytes[i..<i + 4], as: UTF8.self) }
    /// The four bytes at `i` as text if printable, else as hex.
    func printable(at i: Int) -> String {
        let slice = bytes[i..<min(i + 4, bytes.count)]
        if slice.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return "'" + String(decoding: slice, as: UTF8.self) + "'"
        }
        return slice.map { String($0, radix: 16) }.joined(separator: " ")
    }
}
