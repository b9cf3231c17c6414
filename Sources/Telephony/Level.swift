#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A signal level in dBm0, the digital milliwatt reference of G.711.
///
/// Convention (as spandsp and ITU-T G.711 μ-law): a full-scale sine is
/// +3.14 dBm0, so a 0 dBm0 sine has a peak of 32767 × 10^(−3.14/20) ≈ 22 826.
public struct Level: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var dBm0: Double
    public init(dBm0: Double) { self.dBm0 = dBm0 }

    /// Level of a full-scale sine wave.
    public static let maxSineDBm0 = 3.14

    /// Peak amplitude, in linear 16-bit units, of a sine at this level.
    public var sinePeak: Double {
        32767.0 * pow(10.0, (dBm0 - Level.maxSineDBm0) / 20.0)
    }

    /// The level of a sine with this peak amplitude.
    public init(sinePeak: Double) {
        self.dBm0 = 20.0 * log10(sinePeak / 32767.0) + Level.maxSineDBm0
    }

    /// The level of a signal with this RMS amplitude (a sine's RMS is peak/√2).
    public init(rms: Double) {
        self.init(sinePeak: rms * 2.0.squareRoot())
    }

    public static func < (a: Level, b: Level) -> Bool { a.dBm0 < b.dBm0 }
    public var description: String { "\(dBm0) dBm0" }
}
