#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Telephony

/// The receiver requirements a `DTMFDetector` is set to meet.
///
/// Twist follows spandsp and Bellcore: *normal* twist is the low (row) group
/// louder than the high (column) group, *reverse* twist the high group louder.
public struct DTMFDetectorSettings: Sendable, Equatable {
    /// Largest accepted normal twist (low group louder), dB.
    public var normalTwist: Double = 8
    /// Largest accepted reverse twist (high group louder), dB.
    public var reverseTwist: Double = 4
    /// Weakest accepted level per tone, dBm0.
    public var minimumLevel: Double = -30
    /// Largest accepted frequency error, as a fraction of the nominal frequency.
    /// The classic requirement is: accept ±1.5 %, reject ±3.5 %; 2.5 % sits between.
    public var frequencyTolerance: Double = 0.025
    /// Each of the two tones must carry at least this share of the block's
    /// energy (dB below the whole); speech spreads its energy and fails this.
    public var toneToTotal: Double = -1.25
    /// The strongest row (and column) must stand this far above the others, dB.
    public var relativePeak: Double = 6
    /// Largest change of measured frequency between the two blocks that
    /// confirm a key, as a fraction of nominal.
    public var maximumDrift: Double = 0.03

    public init() {}
}

/// Kefu's DTMF receiver.
///
/// Each 102-sample block (12.75 ms) is analysed at the eight DTMF
/// frequencies with Goertzel filters run separately over its two halves. The
/// halves give, per tone, a level (their coherent sum), a frequency (the phase
/// turned between them: the tone's offset from nominal is measured, not
/// inferred from level) and a steadiness check (both halves carry the tone, so
/// a block only partly covered by a tone does not count). A block is a hit
/// when one row and one column pass level, twist, frequency, steadiness,
/// relative-peak and tone-to-total tests; a key begins after two consecutive
/// hits and ends after two consecutive blocks without it. Tones of 40 ms are
/// caught at any alignment; tones under ~23 ms never are.
///
/// Why not spandsp's `dtmf_rx`: measured here, it misses keys in the 1477
/// and 1633 Hz columns at ±1.5 % frequency error (C, #, D and A fail), which
/// the classic receiver requirements demand be accepted.
///
/// `process` does not allocate, lock or log.
public final class DTMFDetector {
    public let settings: DTMFDetectorSettings

    static let blockSize = 102
    static let half = 51
    /// Samples between a tone's true start and the decision to report it (~2 blocks).
    static let beginLatency: Int64 = 2 * Int64(blockSize)
    /// Samples between a tone's true end and the report of its end (~2 blocks).
    static let endLatency: Int64 = 2 * Int64(blockSize)

    // Per-frequency constants, rows then columns (8 entries each).
    private let coef: UnsafeMutablePointer<Float>      // 2 cos ω
    private let cosW: UnsafeMutablePointer<Float>
    private let sinW: UnsafeMutablePointer<Float>
    private let rotRe: UnsafeMutablePointer<Float>     // e^{-jωM}, M = half
    private let rotIm: UnsafeMutablePointer<Float>
    // Running filter state and the first half's complex result.
    private let s1: UnsafeMutablePointer<Float>
    private let s2: UnsafeMutablePointer<Float>
    private let firstRe: UnsafeMutablePointer<Float>
    private let firstIm: UnsafeMutablePointer<Float>
    private let energy: UnsafeMutablePointer<Float>    // |X|² over the whole block
    private let offset: UnsafeMutablePointer<Float>    // measured frequency error, fraction of nominal
    private let offsetScale: UnsafeMutablePointer<Float> // turns phase per half into a fraction of nominal
    private let balance: UnsafeMutablePointer<Float>   // min/max of the two halves' |X|²

    /// Both halves of a block must carry the (stronger) tone within 3.5 dB of
    /// each other. A tone covering a fraction a of a half shows a² of its
    /// power there, so a block counts only when at least ~5/6 covered; the
    /// other group's leakage moves a steady tone's halves by up to 2.6 dB.
    static let minimumBalance: Float = 0.4

    private var blockRowOffset: Float = 0
    private var blockColumnOffset: Float = 0
    private var previousRowOffset: Float = 0
    private var previousColumnOffset: Float = 0

    private var inBlock = 0
    private var blockEnergy: Float = 0
    private var position: Int64 = 0
    private var lastHit: UInt8 = 0
    private var current: DTMFKey?
    private var misses = 0

    // Thresholds as power ratios.
    private let minTonePower: Float
    private let normalTwistRatio: Float
    private let reverseTwistRatio: Float
    private let toneToTotalRatio: Float
    private let relativePeakRatio: Float

    private static let keys: [DTMFKey] = [.one, .two, .three, .a, .four, .five, .six, .b,
                                          .seven, .eight, .nine, .c, .star, .zero, .hash, .d]

    public init(settings: DTMFDetectorSettings = DTMFDetectorSettings()) {
        self.settings = settings
        func buffer() -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: 8)
            p.initialize(repeating: 0, count: 8)
            return p
        }
        coef = buffer(); cosW = buffer(); sinW = buffer(); rotRe = buffer(); rotIm = buffer()
        s1 = buffer(); s2 = buffer(); firstRe = buffer(); firstIm = buffer()
        energy = buffer(); offset = buffer(); balance = buffer(); offsetScale = buffer()
        let freqs = DTMFKey.rowFrequencies + DTMFKey.columnFrequencies
        for (i, f) in freqs.enumerated() {
            let w = 2 * Double.pi * f / 8000
            coef[i] = Float(2 * cos(w)); cosW[i] = Float(cos(w)); sinW[i] = Float(sin(w))
            rotRe[i] = Float(cos(w * Double(Self.half))); rotIm[i] = Float(-sin(w * Double(Self.half)))
            offsetScale[i] = Float(8000 / (2 * Double.pi * Double(Self.half)) / f)
        }
        // A block's DFT of a steady sine of peak A has |X| = A·N/2.
        let peak = Level(dBm0: settings.minimumLevel).sinePeak * Double(Self.blockSize) / 2
        minTonePower = Float(peak * peak)
        // The strong tone leaks into the weak tone's filter (rectangular
        // 102-sample window, sidelobes about −23 dB), so twist is measured to
        // within about ±2 dB. The limits get 2.5 dB of margin: a key at exactly
        // the stated twist is always accepted; 4 dB beyond it never is.
        normalTwistRatio = Float(pow(10, (settings.normalTwist + 2.5) / 10))
        reverseTwistRatio = Float(pow(10, (settings.reverseTwist + 2.5) / 10))
        toneToTotalRatio = Float(pow(10, settings.toneToTotal / 10))
        relativePeakRatio = Float(pow(10, settings.relativePeak / 10))
    }

    deinit {
        for p in [coef, cosW, sinW, rotRe, rotIm, s1, s2, firstRe, firstIm, energy, offset, balance, offsetScale] {
            p.deallocate()
        }
    }

    /// Time already processed.
    public var now: SampleTime { SampleTime(samples: position) }

    /// Runs the receiver over one block of audio, appending events. Does not allocate.
    public func process(_ samples: UnsafeBufferPointer<Int16>, into events: DSPEventBuffer) {
        guard var p = samples.baseAddress else { return }
        var remaining = samples.count
        while remaining > 0 {
            let halfEnd = inBlock < Self.half ? Self.half : Self.blockSize
            let n = min(halfEnd - inBlock, remaining)
            run(p, n)
            p += n; remaining -= n; inBlock += n; position += Int64(n)
            if inBlock == Self.half {
                finishHalf(first: true)
            } else if inBlock == Self.blockSize {
                finishHalf(first: false)
                decide(into: events)
                inBlock = 0
                blockEnergy = 0
            }
        }
    }

    /// The Goertzel recursion for all eight frequencies at once: one SIMD
    /// lane per frequency, state kept in registers for the whole slice.
    @inline(__always)
    private func run(_ p: UnsafePointer<Int16>, _ n: Int) {
        var e = blockEnergy
        let c = UnsafeRawPointer(coef).loadUnaligned(as: SIMD8<Float>.self)
        var v1 = UnsafeRawPointer(s1).loadUnaligned(as: SIMD8<Float>.self)
        var v2 = UnsafeRawPointer(s2).loadUnaligned(as: SIMD8<Float>.self)
        for k in 0..<n {
            let x = Float(p[k])
            e += x * x
            let v0 = SIMD8<Float>(repeating: x) + c * v1 - v2
            v2 = v1
            v1 = v0
        }
        UnsafeMutableRawPointer(s1).storeBytes(of: v1, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(s2).storeBytes(of: v2, as: SIMD8<Float>.self)
        blockEnergy = e
    }

    private func finishHalf(first: Bool) {
        for i in 0..<8 {
            // y = s[M-1] − e^{−jω} s[M−2]; the common phase factor cancels below.
            let re = s1[i] - cosW[i] * s2[i]
            let im = sinW[i] * s2[i]
            s1[i] = 0; s2[i] = 0
            if first {
                firstRe[i] = re; firstIm[i] = im
                continue
            }
            // Second half rotated back by ωM to the first half's reference.
            let r2 = re * rotRe[i] - im * rotIm[i]
            let i2 = re * rotIm[i] + im * rotRe[i]
            let sumRe = firstRe[i] + r2, sumIm = firstIm[i] + i2
            energy[i] = sumRe * sumRe + sumIm * sumIm
            // Phase turned between the halves beyond ωM = (ω' − ω)·M.
            let crossRe = r2 * firstRe[i] + i2 * firstIm[i]
            let crossIm = i2 * firstRe[i] - r2 * firstIm[i]
            let dphi = atan2f(crossIm, crossRe)
            let p1 = firstRe[i] * firstRe[i] + firstIm[i] * firstIm[i]
            let p2 = r2 * r2 + i2 * i2
            balance[i] = max(p1, p2) > 0 ? min(p1, p2) / max(p1, p2) : 0
            offset[i] = dphi * offsetScale[i]
        }
    }

    private func classify() -> UInt8 {
        var row = 0, col = 4
        for i in 1..<4 where energy[i] > energy[row] { row = i }
        for i in 5..<8 where energy[i] > energy[col] { col = i }
        let er = energy[row], ec = energy[col]
        guard er >= minTonePower, ec >= minTonePower else { return 0 }
        guard er <= ec * normalTwistRatio, ec <= er * reverseTwistRatio else { return 0 }
        for i in 0..<4 where i != row && energy[i] * relativePeakRatio > er { return 0 }
        for i in 4..<8 where i != col && energy[i] * relativePeakRatio > ec { return 0 }
        // Σx² of a steady sine is A²·N/2, so |X|² = Σx²·N/2 when all energy is tone.
        let total = blockEnergy * Float(Self.blockSize) / 2
        guard er + ec >= toneToTotalRatio * total else { return 0 }
        let tol = Float(settings.frequencyTolerance)
        guard abs(offset[row]) <= tol, abs(offset[col]) <= tol else { return 0 }
        // Steadiness, judged on the stronger tone (the weaker one's halves are
        // disturbed by the stronger one's leakage under twist).
        guard balance[er >= ec ? row : col] >= Self.minimumBalance else { return 0 }
        blockRowOffset = offset[row]
        blockColumnOffset = offset[col]
        return DTMFDetector.keys[row * 4 + (col - 4)].ascii
    }

    /// A key is a steady pair of tones: the frequencies measured in the two
    /// confirming blocks must agree. Speech formants that happen to pass one
    /// block's tests glide between blocks and fail this.
    private func steadyWithPreviousBlock() -> Bool {
        abs(blockRowOffset - previousRowOffset) <= Float(settings.maximumDrift)
            && abs(blockColumnOffset - previousColumnOffset) <= Float(settings.maximumDrift)
    }

    private func decide(into events: DSPEventBuffer) {
        let hit = classify()
        if let key = current {
            if hit == key.ascii {
                misses = 0
            } else {
                misses += 1
                // Ride over one bad block; two in a row end the key.
                if misses >= 2 || (hit != 0 && hit == lastHit) {
                    events.append(.dtmfEnd(key, at: SampleTime(samples: max(0, position - Self.endLatency))))
                    current = nil
                    misses = 0
                }
            }
        }
        if current == nil, hit != 0, hit == lastHit, steadyWithPreviousBlock(), let key = DTMFKey(ascii: Int32(hit)) {
            current = key
            misses = 0
            events.append(.dtmfBegin(key, at: SampleTime(samples: max(0, position - Self.beginLatency))))
        }
        lastHit = hit
        previousRowOffset = blockRowOffset
        previousColumnOffset = blockColumnOffset
    }
}
