import Telephony

/// Number formatting for the tools' text and JSON (no Foundation).
enum Format {
    /// `value` with `digits` decimals, rounded half away from zero.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int64(scaled)
        let sign = value < 0 && whole != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let unit = Int64(scale)
        let fraction = String(whole % unit)
        return sign + String(whole / unit) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    static func percent(_ ratio: Double?) -> String {
        ratio.map { fixed($0 * 100, 1) + " %" } ?? "-"
    }

    static func seconds(_ time: SampleTime?) -> String {
        time.map { fixed($0.seconds, 1) + " s" } ?? "-"
    }
}

/// A JSON object with keys in the order added; values may nest.
struct JSONObject {
    enum Value {
        case string(String)
        case int(Int)
        case number(Double)
        case object(JSONObject)
        case null

        static func optional(_ v: Double?) -> Value { v.map(Value.number) ?? .null }

        var text: String {
            switch self {
            case .string(let s): JSONLine.quote(s)
            case .int(let i): String(i)
            case .number(let d): d.isFinite ? Format.fixed(d, 6).trimmingTrailingZeros : "null"
            case .object(let o): o.text
            case .null: "null"
            }
        }
    }

    private var fields: [(String, Value)] = []
    mutating func add(_ key: String, _ value: Value) { fields.append((key, value)) }
    var text: String { "{" + fields.map { JSONLine.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}" }
}

extension String {
    /// "0.250000" → "0.25", "3.000000" → "3".
    var trimmingTrailingZeros: String {
        guard contains(".") else { return self }
        var s = Substring(self)
        while s.hasSuffix("0") { s = s.dropLast() }
        if s.hasSuffix(".") { s = s.dropLast() }
        return String(s)
    }
}
