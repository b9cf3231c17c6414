/// A flat JSON object written in a fixed key order, one per line: the format
/// of `kefu analyze` and of every `--json` output. Values are strings,
/// integers or null.
public struct JSONLine: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case string(String)
        case int(Int64)
        case null
    }

    public private(set) var fields: [(String, Value)] = []

    public init() {}

    public static func == (a: JSONLine, b: JSONLine) -> Bool {
        a.fields.map(\.0) == b.fields.map(\.0) && a.fields.map(\.1) == b.fields.map(\.1)
    }

    public mutating func add(_ key: String, _ value: String?) {
        fields.append((key, value.map(Value.string) ?? .null))
    }

    public mutating func add(_ key: String, _ value: Int64) {
        fields.append((key, .int(value)))
    }

    /// An integer, or null.
    public mutating func add(_ key: String, int value: Int?) {
        fields.append((key, value.map { .int(Int64($0)) } ?? .null))
    }

    public var text: String {
        "{" + fields.map { key, value in
            let rendered: String
            switch value {
            case .string(let s): rendered = JSONLine.quote(s)
            case .int(let i): rendered = String(i)
            case .null: rendered = "null"
            }
            return JSONLine.quote(key) + ":" + rendered
        }.joined(separator: ",") + "}"
    }

    /// `s` as a JSON string (also a valid TOML basic string: the same escapes).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
