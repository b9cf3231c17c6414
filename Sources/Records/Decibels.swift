/// Level arithmetic without a maths library (the target uses the standard
/// library only), for converting thresholds once, never per sample.
enum Decibels {
    /// Level of a full-scale sine in the G.711 μ-law convention (as spandsp
    /// and the DSP target use): a 0 dBm0 sine peaks at 32767 × 10^(−3.14/20).
    static let fullScaleSineDBm0 = 3.14

    /// Mean square, in 16-bit linear units squared, of a signal whose RMS
    /// level is `dBm0`: a full-scale sine's mean square is 32767²/2, and a
    /// sine's RMS level equals its tone level.
    static func meanSquare(dBm0: Double) -> Double {
        32767.0 * 32767.0 / 2 * powerRatio(dBm0 - fullScaleSineDBm0)
    }

    /// 10^(dB/10), as 2^k × e^(f·ln 2) with k whole and 0 ≤ f < 1, the
    /// exponential summed as a series (relative error below 1e-15).
    static func powerRatio(_ dB: Double) -> Double {
        guard dB.isFinite else { return dB > 0 ? .infinity : 0 }
        let log2Of10 = 3.321928094887362
        let y = min(max(dB / 10 * log2Of10, -1100), 1100)
        let k = y.rounded(.down)
        let r = (y - k) * 0.6931471805599453
        var term = 1.0
        var sum = 1.0
        var n = 1.0
        while term > 1e-17 {
            term *= r / n
            sum += term
            n += 1
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }
}
