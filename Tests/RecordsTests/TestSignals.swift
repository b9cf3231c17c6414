#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Records

/// 8 kHz 16-bit test signals, levels in dBm0 as G.711 defines them (a
/// full-scale sine is +3.14 dBm0), written out here with libm rather than
/// with the library's own conversion.
enum Signal {
    static func samples(_ milliseconds: Int) -> Int { milliseconds * 8 }

    /// A 1 kHz sine whose level (= its RMS level) is `dBm0`.
    static func sine(dBm0: Double, milliseconds: Int, frequency: Double = 1000) -> [Int16] {
        let peak = 32767 * pow(10, (dBm0 - 3.14) / 20)
        return (0..<samples(milliseconds)).map {
            Int16((peak * sin(2 * Double.pi * frequency * Double($0) / 8000)).rounded())
        }
    }

    static func silence(milliseconds: Int) -> [Int16] {
        [Int16](repeating: 0, count: samples(milliseconds))
    }

    /// Seeded uniform white noise with an RMS level of `dBm0`.
    static func noise(dBm0: Double, milliseconds: Int, seed: UInt64 = 1) -> [Int16] {
        let rms = 32767 * pow(10, (dBm0 - 3.14) / 20) / 2.0.squareRoot()
        let amplitude = rms * 3.0.squareRoot()   // uniform on [−a, a] has RMS a/√3
        var state = seed
        return (0..<samples(milliseconds)).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            return Int16((amplitude * (unit * 2 - 1)).rounded())
        }
    }
}

/// Feeds a stereo signal through a meter in blocks of `block` samples.
func measure(left: [Int16], right: [Int16], block: Int = 160,
             settings: TalkMeter.Settings = TalkMeter.Settings()) -> TalkMeter {
    precondition(left.count == right.count, "test signal sides differ: \(left.count) vs \(right.count)")
    var meter = TalkMeter(settings: settings)
    left.withUnsafeBufferPointer { l in
        right.withUnsafeBufferPointer { r in
            var start = 0
            while start < l.count {
                let end = min(start + block, l.count)
                meter.feed(left: UnsafeBufferPointer(rebasing: l[start..<end]),
                           right: UnsafeBufferPointer(rebasing: r[start..<end]))
                start = end
            }
        }
    }
    return meter
}
