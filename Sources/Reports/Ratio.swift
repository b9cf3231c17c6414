/// The divisions reports make, each a single correctly rounded division
/// of exact integers, so a figure such as 200 ÷ 3 % is the same Double
/// however it is written down.
enum Ratio {
    /// part·100 ÷ whole, or nil when `whole` is not positive.
    static func percent(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part * 100) / Double(whole) : nil
    }

    /// part·100 ÷ whole for milliseconds, or nil when `whole` is not positive.
    static func percent(_ part: Int64, of whole: Int64) -> Double? {
        whole > 0 ? Double(part * 100) / Double(whole) : nil
    }

    /// Mean seconds of `count` items totalling `milliseconds` (nil when none).
    static func meanSeconds(_ milliseconds: Int64, over count: Int) -> Double? {
        count > 0 ? Double(milliseconds) / Double(Int64(count) * 1000) : nil
    }
}
