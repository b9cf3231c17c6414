import CSpanDSP

/// ITU-T G.711 companding: μ-law (North America, Japan) and A-law (China,
/// Europe, E1). DAHDI channels and WAV files carry either; Kefu works on
/// linear 16-bit samples in between.
public enum G711Law: Sendable, Hashable, CaseIterable {
    case ulaw
    case alaw

    /// Encodes one linear sample.
    @inline(__always)
    public func encode(_ sample: Int16) -> UInt8 {
        switch self {
        case .ulaw: return G711.ulawEncode[Int(UInt16(bitPattern: sample))]
        case .alaw: return G711.alawEncode[Int(UInt16(bitPattern: sample) >> 3)]
        }
    }

    /// Decodes one companded byte.
    @inline(__always)
    public func decode(_ byte: UInt8) -> Int16 {
        switch self {
        case .ulaw: return G711.ulawDecode[Int(byte)]
        case .alaw: return G711.alawDecode[Int(byte)]
        }
    }

    /// Encodes a block; `output` must be at least as long as `input`. Does not allocate.
    public func encode(_ input: UnsafeBufferPointer<Int16>, into output: UnsafeMutableBufferPointer<UInt8>) {
        precondition(output.count >= input.count, "G.711 encode: output block shorter than input")
        for i in 0..<input.count { output[i] = encode(input[i]) }
    }

    /// Decodes a block; `output` must be at least as long as `input`. Does not allocate.
    public func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<Int16>) {
        precondition(output.count >= input.count, "G.711 decode: output block shorter than input")
        for i in 0..<input.count { output[i] = decode(input[i]) }
    }
}

/// Lookup tables built once from spandsp's reference G.711 routines. A-law
/// ignores a sample's low 3 bits for either sign, so 8192 entries indexed by
/// the top 13 bits are exact; μ-law's bias makes the low bits of negative
/// samples matter, so its table covers all 65536 samples.
enum G711 {
    static let ulawDecode: [Int16] = (0...255).map { ulaw_to_linear(UInt8($0)) }
    static let alawDecode: [Int16] = (0...255).map { alaw_to_linear(UInt8($0)) }
    static let ulawEncode: [UInt8] = (0..<65536).map {
        linear_to_ulaw(Int32(Int16(bitPattern: UInt16($0))))
    }
    static let alawEncode: [UInt8] = (0..<8192).map {
        linear_to_alaw(Int32(Int16(bitPattern: UInt16($0 << 3))))
    }
}
