// BenchSignal — the deterministic 8 kHz test signal the DSP benchmarks feed
// to both the Swift pipeline and the C reference.
//
// 60 s by default, built from a seeded SplitMix64 so every run and every
// machine sees the same samples:
//   0–25 s   speech-like sound (voiced harmonics + shaped noise in syllables)
//            with a DTMF key about every 1.2 s (60–120 ms, −4 to −20 dBm0)
//   25–35 s  China busy tone, 450 Hz 350 ms on / 350 ms off, −10 dBm0
//   35–45 s  fax CNG, 1100 Hz 0.5 s on / 3 s off, −12 dBm0
//   45–60 s  speech-like sound with DTMF keys, as at the start
// plus line noise at about −65 dBm0 throughout.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum BenchSignal {
    public static let sampleRate = 8000
    /// Samples per tick on a DAHDI channel (20 ms).
    public static let block = 160

    /// Peak of a sine at `dBm0` (0 dBm0 = 3.14 dB below a full-scale sine).
    static func peak(_ dBm0: Double) -> Double { 32767 * pow(10, (dBm0 - 3.14) / 20) }

    static let rows: [Double] = [697, 770, 852, 941]
    static let columns: [Double] = [1209, 1336, 1477, 1633]

    /// The signal, `seconds` long (the layout above is for 60 s; a shorter
    /// signal is its beginning, a longer one keeps speech and DTMF to the end).
    public static func make(seconds: Int = 60, seed: UInt64 = 0x4B65_6675) -> [Int16] {
        let n = seconds * sampleRate
        var x = [Double](repeating: 0, count: n)
        var rng = SplitMix64(seed: seed)
        func ms(_ t: Double) -> Int { min(n, Int(t * 8)) }

        // Speech-like sound and DTMF outside the tone stretches.
        speech(&x, from: 0, to: ms(25_000), &rng)
        speech(&x, from: ms(45_000), to: n, &rng)
        dtmf(&x, from: 0, to: ms(25_000), &rng)
        dtmf(&x, from: ms(45_000), to: n, &rng)

        // Busy: 450 Hz 350/350.
        cadence(&x, hz: 450, dBm0: -10, on: 350, off: 350, from: ms(25_000), to: ms(35_000))
        // Fax CNG: 1100 Hz 0.5 s / 3 s.
        cadence(&x, hz: 1100, dBm0: -12, on: 500, off: 3000, from: ms(35_000), to: ms(45_000))

        // Line noise everywhere.
        let hiss = peak(-65)
        for i in 0..<n { x[i] += hiss * (rng.unit() * 2 - 1) }

        return x.map { Int16(max(-32768, min(32767, $0.rounded()))) }
    }

    static func cadence(_ x: inout [Double], hz: Double, dBm0: Double, on: Double, off: Double, from: Int, to: Int) {
        let a = peak(dBm0), w = 2 * Double.pi * hz / 8000
        let period = Int((on + off) * 8), onN = Int(on * 8)
        for i in from..<to where (i - from) % period < onN {
            x[i] += a * sin(w * Double(i - from))
        }
    }

    /// Syllables of voiced harmonics (pitch 90–240 Hz, a falling spectrum)
    /// over low-passed noise, 80–300 ms each, with 40–500 ms pauses.
    static func speech(_ x: inout [Double], from: Int, to: Int, _ rng: inout SplitMix64) {
        var i = from
        var lp = 0.0
        while i < to {
            let len = Int((80 + 220 * rng.unit()) * 8)
            let pitch = 90 + 150 * rng.unit()
            let glide = (rng.unit() - 0.5) * 0.3      // pitch change over the syllable
            let level = peak(-14 - 14 * rng.unit())
            let voiced = rng.unit() < 0.75
            var phase = 0.0
            for k in 0..<min(len, to - i) {
                let t = Double(k) / Double(len)
                let env = 0.5 - 0.5 * cos(2 * Double.pi * t)
                var v = 0.0
                if voiced {
                    phase += 2 * Double.pi * pitch * (1 + glide * t) / 8000
                    var h = 1.0
                    while h * pitch < 3400 {
                        v += sin(h * phase) / h
                        h += 1
                    }
                    v *= 0.6
                }
                lp = 0.8 * lp + 0.2 * (rng.unit() * 2 - 1)
                v += (voiced ? 0.5 : 1.5) * lp
                x[i + k] += level * env * v
            }
            i += len + Int((40 + 460 * rng.unit()) * 8)
        }
    }

    /// A DTMF key every 0.9–1.5 s: 60–120 ms, low group −4 to −20 dBm0,
    /// twist −3 to +3 dB, frequencies within ±1 %.
    static func dtmf(_ x: inout [Double], from: Int, to: Int, _ rng: inout SplitMix64) {
        var i = from + Int((300 + 600 * rng.unit()) * 8)
        while i < to {
            let key = Int(rng.next() % 16)
            let dev = 1 + (rng.unit() - 0.5) * 0.02
            let lo = -4 - 16 * rng.unit(), twist = (rng.unit() - 0.5) * 6
            let len = Int((60 + 60 * rng.unit()) * 8)
            let wr = 2 * Double.pi * rows[key / 4] * dev / 8000
            let wc = 2 * Double.pi * columns[key % 4] * dev / 8000
            let ar = peak(lo), ac = peak(lo + twist)
            for k in 0..<min(len, to - i) {
                x[i + k] += ar * sin(wr * Double(k)) + ac * sin(wc * Double(k))
            }
            i += len + Int((900 + 600 * rng.unit()) * 8)
        }
    }
}

/// SplitMix64: small, seeded, the same on every platform.
public struct SplitMix64 {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
