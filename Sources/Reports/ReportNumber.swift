/// How report figures are written in CSV cells: plain decimals Excel reads
/// as numbers, with a fixed count of decimals rounded half away from zero,
/// and an empty cell for a figure that has no value (no calls to average).
enum ReportNumber {
    /// `value` with `decimals` digits after the point: 32.45 → "32.5" (1).
    static func fixed(_ value: Double?, decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return "" }
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e18 else { return "" }
        let magnitude = UInt64(abs(scaled))
        var text = scaled < 0 ? "-" : ""
        text += String(magnitude / scale)
        if decimals > 0 {
            let fraction = String(magnitude % scale)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// Milliseconds as seconds with one decimal.
    static func seconds(_ milliseconds: Int64) -> String {
        fixed(Double(milliseconds) / 1000)
    }

    static func count(_ value: Int?) -> String {
        value.map { String($0) } ?? ""
    }
}
