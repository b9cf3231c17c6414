#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small seeded random generator (SplitMix64, Steele–Lea–Flood 2014).
///
/// Randomness is an input of every Kefu engine: a router that picks an agent
/// at random, or a simulation that draws arrivals and talk times, is given
/// one of these, so the same seed gives the same day, call for call.
public struct SeededRandom: RandomNumberGenerator, Sendable, Equatable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the open interval (0, 1): never 0, so `log` of it is finite.
    public mutating func nextUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// An exponentially distributed value with this mean.
    public mutating func exponential(mean: Double) -> Double {
        -mean * log(nextUnit())
    }

    /// A standard normal value (Box–Muller).
    public mutating func normal() -> Double {
        (-2 * log(nextUnit())).squareRoot() * cos(2 * Double.pi * nextUnit())
    }

    /// A new generator whose stream does not overlap this one in practice:
    /// give each simulated process its own, so adding one does not shift the
    /// draws of the others.
    public mutating func split() -> SeededRandom {
        SeededRandom(seed: next() ^ 0x6A09_E667_F3BC_C909)
    }
}
