#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Telephony

/// Builds test and demonstration signals sample by sample: sums of sines at
/// given levels, silence, seeded white noise, and cadenced tones. Offline use
/// (tests, `kefu synth`, the simulated board's callers); it allocates.
public struct SignalSynth: Sendable {
    public private(set) var samples: [Float] = []
    /// Phase of each running oscillator is not kept between calls: each
    /// segment starts at the phase `phase` (radians) given to it.
    public init() {}

    public var count: Int { samples.count }
    public var duration: SampleTime { SampleTime(samples: Int64(samples.count)) }

    /// Appends a sum of sines; each `(frequency, level)` pair is one tone.
    public mutating func tones(_ parts: [(frequency: Double, level: Level)], milliseconds: Double, phase: Double = 0) {
        let n = Int((milliseconds * 8).rounded())
        samples.reserveCapacity(samples.count + n)
        for i in 0..<n {
            var v = 0.0
            for p in parts {
                v += p.level.sinePeak * sin(2 * Double.pi * p.frequency * Double(i) / 8000 + phase)
            }
            samples.append(Float(v))
        }
    }

    /// Appends one sine.
    public mutating func tone(_ frequency: Double, level: Level, milliseconds: Double) {
        tones([(frequency, level)], milliseconds: milliseconds)
    }

    /// Appends a DTMF key at exact frequencies and levels: `level` is the low
    /// group; `twist` dB is added to the high group (negative = reverse twist);
    /// `deviation` scales both frequencies (0.015 = +1.5 %).
    public mutating func dtmf(_ key: DTMFKey, level: Level = Level(dBm0: -10), twist: Double = 0,
                              deviation: Double = 0, milliseconds: Double = 60, phase: Double = 0) {
        tones([(key.rowFrequency * (1 + deviation), level),
               (key.columnFrequency * (1 + deviation), Level(dBm0: level.dBm0 + twist))],
              milliseconds: milliseconds, phase: phase)
    }

    /// Appends silence.
    public mutating func silence(milliseconds: Double) {
        samples.append(contentsOf: repeatElement(0, count: Int((milliseconds * 8).rounded())))
    }

    /// Adds seeded white noise at an RMS level over the whole signal so far.
    public mutating func addNoise(level: Level, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let rms = level.sinePeak / 2.0.squareRoot()
        let scale = rms * 3.0.squareRoot()  // uniform in [-a, a] has RMS a/√3
        for i in samples.indices {
            samples[i] += Float(scale * (rng.nextUnit() * 2 - 1))
        }
    }

    /// Appends `seconds` of an on/off cadence of one or two frequencies.
    public mutating func cadence(frequencies: [Double], level: Level, onMilliseconds: Double,
                                 offMilliseconds: Double, totalMilliseconds: Double) {
        var elapsed = 0.0
        while elapsed < totalMilliseconds {
            let on = min(onMilliseconds, totalMilliseconds - elapsed)
            tones(frequencies.map { ($0, level) }, milliseconds: on)
            elapsed += on
            if offMilliseconds > 0, elapsed < totalMilliseconds {
                let off = min(offMilliseconds, totalMilliseconds - elapsed)
                silence(milliseconds: off)
                elapsed += off
            }
        }
    }

    /// Appends already-made samples.
    public mutating func append(_ pcm: [Int16]) {
        samples.append(contentsOf: pcm.lazy.map { Float($0) })
    }

    /// The signal as 16-bit linear samples, clipped at full scale.
    public var pcm: [Int16] {
        samples.map { Int16(max(-32768, min(32767, $0.rounded()))) }
    }
}

/// The seeded generator the synthesiser and the simulated board use
/// (Telephony's SplitMix64).
extension SignalSynth {
    /// A stand-in for a prompt not recorded yet: three rising notes, or a
    /// short melody for music (kefud --demo, kefu setup).
    public static func chime(music: Bool) -> [Int16] {
        var s = SignalSynth()
        if music {
            for f in [523.0, 659.0, 784.0, 659.0] { s.tone(f, level: Level(dBm0: -22), milliseconds: 400) }
            s.silence(milliseconds: 400)
        } else {
            for f in [660.0, 880.0, 990.0] { s.tone(f, level: Level(dBm0: -16), milliseconds: 250) }
            s.silence(milliseconds: 300)
        }
        return s.pcm
    }
}

public typealias SplitMix64 = SeededRandom
