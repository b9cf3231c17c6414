import Foundation
import Telephony

/// Tells when a line goes quiet and stays quiet — how a line whose exchange
/// sends no hang-up signal shows that the caller is gone. A block is quiet
/// below the threshold (set from the line's learned noise floor); after
/// `minimumMilliseconds` of quiet blocks it reports `.quietBegin` (with
/// where the quiet began), and `.quietEnd` at the first block with sound.
/// Does not allocate, lock or log.
public final class QuietDetector {
    /// Mean square of a block at the threshold.
    private var threshold: Double
    public var minimumMilliseconds: Int64 = 1000
    private var position: Int64 = 0
    private var quietSince: Int64?
    private var reported = false

    public init(below level: Level = Level(dBm0: -65)) {
        threshold = Self.meanSquare(level)
    }

    /// Sets the level below which audio is quiet.
    public func setThreshold(_ level: Level) { threshold = Self.meanSquare(level) }

    static func meanSquare(_ level: Level) -> Double {
        let rms = level.sinePeak / 2.0.squareRoot()
        return rms * rms
    }

    @inline(__always)
    public func process(_ block: UnsafeBufferPointer<Int16>, into events: DSPEventBuffer) {
        var e = 0.0
        for s in block { e += Double(s) * Double(s) }
        let start = position
        position += Int64(block.count)
        if e / Double(max(block.count, 1)) < threshold {
            if quietSince == nil { quietSince = start }
            if !reported, let since = quietSince, position - since >= minimumMilliseconds * 8 {
                reported = true
                events.append(.quietBegin(at: SampleTime(samples: position), since: SampleTime(samples: since)))
            }
        } else {
            if reported { events.append(.quietEnd(at: SampleTime(samples: start))) }
            quietSince = nil
            reported = false
        }
    }
}
