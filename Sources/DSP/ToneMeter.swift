import Telephony

/// What the tone detector measured of a tone when it recognised it: the
/// frequency of its bursts (from their zero crossings, not the filter it
/// matched) and the cadence actually seen before deciding.
public struct ToneFigures: Sendable, Equatable {
    /// Frequency of the bursts in Hz (0: not measured).
    public var hertz: Int32
    /// Mean length of the complete bursts and gaps seen, in ms (0: none complete).
    public var onMilliseconds: Int32
    public var offMilliseconds: Int32
    /// Bursts seen in the run of bursts and gaps that ended in the decision.
    public var cycles: Int32

    public init(hertz: Int32, onMilliseconds: Int32, offMilliseconds: Int32, cycles: Int32) {
        self.hertz = hertz
        self.onMilliseconds = onMilliseconds
        self.offMilliseconds = offMilliseconds
        self.cycles = cycles
    }

    public static let none = ToneFigures(hertz: 0, onMilliseconds: 0, offMilliseconds: 0, cycles: 0)
}

/// Measures the segments spandsp's tone receiver cuts the audio into: per
/// segment its length (spandsp's own figure), and for tone segments the
/// frequency from zero crossings (a Schmitt trigger, so line noise in the
/// gaps does not count; per 128-sample chunk only the span between its
/// first and last crossing counts, so a burst starting mid-chunk is not
/// diluted). Keeps the last 16 segments in a ring allocated once; nothing
/// here allocates, locks or logs after `init`.
final class ToneMeter {
    struct Segment {
        /// spandsp's frequency bin (-1: silence).
        var bin: Int32 = -1
        var milliseconds: Int32 = 0
        /// Half periods counted, and the samples they spanned.
        var halfPeriods: Int32 = 0
        var span: Int32 = 0
    }

    static let capacity = 16
    /// Crossings count only past ±this (about -45 dBm0), so noise in the gaps is not a tone.
    static let hysteresis: Int16 = 160

    private let ring: UnsafeMutablePointer<Segment>
    private var recorded = 0
    private var high = false
    private var chunkCrossings: Int32 = 0
    private var chunkFirst: Int32 = 0
    private var chunkLast: Int32 = 0
    /// The segment in progress, up to the last complete chunk.
    private var current = Segment()

    init() {
        ring = .allocate(capacity: Self.capacity)
        ring.initialize(repeating: Segment(), count: Self.capacity)
    }

    deinit { ring.deallocate() }

    /// Counts crossings in samples that start `offset` samples into a chunk.
    @inline(__always)
    func count(_ samples: UnsafePointer<Int16>, _ n: Int, offset: Int) {
        for i in 0..<n {
            let x = samples[i]
            if high ? x < -Self.hysteresis : x > Self.hysteresis {
                high.toggle()
                if chunkCrossings == 0 { chunkFirst = Int32(offset + i) }
                chunkLast = Int32(offset + i)
                chunkCrossings += 1
            }
        }
    }

    /// A chunk is complete: its crossings join the segment in progress.
    func chunkEnded() {
        if chunkCrossings >= 2 {
            current.halfPeriods += chunkCrossings - 1
            current.span += chunkLast - chunkFirst
        }
        chunkCrossings = 0
    }

    /// spandsp closed a segment (its bin and length); the next one starts.
    func segmentEnded(bin: Int32, milliseconds: Int32) {
        current.bin = bin
        current.milliseconds = milliseconds
        ring[recorded % Self.capacity] = current
        recorded += 1
        current = Segment()
    }

    private func segment(back k: Int) -> Segment { ring[(recorded - 1 - k) % Self.capacity] }

    /// The figures of a tone recognised now: `window` complete segments
    /// belong to its pattern (the one in progress is its last); `currentBin`
    /// and `currentMilliseconds` describe the one in progress.
    func figures(window: Int, currentBin: Int32, currentMilliseconds: Int32) -> ToneFigures {
        var on: Int32 = 0, onCount: Int32 = 0, off: Int32 = 0, offCount: Int32 = 0
        var halfPeriods = currentBin >= 0 ? current.halfPeriods : 0, span = currentBin >= 0 ? current.span : 0
        var cycles: Int32 = 0
        var bin = currentBin
        var wasTone = currentBin >= 0
        for k in 0..<min(recorded, Self.capacity) {
            let s = segment(back: k)
            let tone = s.bin >= 0
            if tone == wasTone { break }  // not alternating: the run is over
            if tone {
                if bin < 0 { bin = s.bin }
                if s.bin != bin { break }
                cycles += 1
                if k < window { on += s.milliseconds; onCount += 1; halfPeriods += s.halfPeriods; span += s.span }
            } else if k < window {
                off += s.milliseconds
                offCount += 1
            }
            wasTone = tone
        }
        if onCount == 0 && currentBin >= 0 { on = currentMilliseconds; onCount = 1 }  // a continuous tone
        let hertz = span > 0 ? Int32((Int64(halfPeriods) * Int64(telephonySampleRate) + Int64(span)) / (2 * Int64(span))) : 0
        return ToneFigures(hertz: hertz, onMilliseconds: onCount > 0 ? on / onCount : 0,
                           offMilliseconds: offCount > 0 ? off / offCount : 0, cycles: cycles)
    }
}
