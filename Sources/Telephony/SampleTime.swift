/// A point or span of time counted in 8 kHz samples (125 µs each).
///
/// Engines take time as an input in this unit: the media loop advances it by
/// one block per tick, a virtual clock advances it as fast as a test likes.
public struct SampleTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var samples: Int64

    public init(samples: Int64) { self.samples = samples }
    public init(milliseconds: Int64) { self.samples = milliseconds * 8 }
    public init(seconds: Double) { self.samples = Int64((seconds * 8000).rounded()) }

    public static let zero = SampleTime(samples: 0)

    /// Whole milliseconds, rounded towards zero (8 samples per millisecond).
    public var milliseconds: Int64 { samples / 8 }
    public var seconds: Double { Double(samples) / 8000 }

    public static func < (a: SampleTime, b: SampleTime) -> Bool { a.samples < b.samples }
    public static func + (a: SampleTime, b: SampleTime) -> SampleTime { SampleTime(samples: a.samples + b.samples) }
    public static func - (a: SampleTime, b: SampleTime) -> SampleTime { SampleTime(samples: a.samples - b.samples) }
    public static func += (a: inout SampleTime, b: SampleTime) { a.samples += b.samples }

    public var description: String { "\(milliseconds) ms" }
}
