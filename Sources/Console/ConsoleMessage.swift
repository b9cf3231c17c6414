/// What a console client asks: the command words and how to answer.
public struct ConsoleRequest: Sendable, Equatable {
    public var arguments: [String]
    /// One JSON object per line instead of text.
    public var json: Bool
    public var language: ConsoleLanguage

    public init(arguments: [String], json: Bool = false, language: ConsoleLanguage = .english) {
        self.arguments = arguments
        self.json = json
        self.language = language
    }

    static let magic = "kefu-console 1"

    /// Lines: the magic, `lang=`, `json=`, then one argument per line.
    public var encoded: [UInt8] {
        Array(([Self.magic, "lang=\(language.rawValue)", "json=\(json ? 1 : 0)"] + arguments).joined(separator: "\n").utf8)
    }

    public static func decode(_ bytes: [UInt8]) -> ConsoleRequest? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, lines[0] == magic, lines[1].hasPrefix("lang="), lines[2].hasPrefix("json="),
              let language = ConsoleLanguage(rawValue: String(lines[1].dropFirst(5))) else { return nil }
        return ConsoleRequest(arguments: Array(lines.dropFirst(3)).filter { !$0.isEmpty }, json: lines[2] == "json=1", language: language)
    }
}

public enum ConsoleLanguage: String, Sendable, Equatable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// From the environment's LC_ALL / LC_MESSAGES / LANG (zh_* is Chinese).
    public static func fromLocale(_ value: String?) -> ConsoleLanguage {
        (value ?? "").hasPrefix("zh") ? .chinese : .english
    }
}

/// One message of an answer.
public enum ConsoleAnswer: Sendable, Equatable {
    case output(String)
    case error(String)
    case exit(Int32)

    public var encoded: [UInt8] {
        switch self {
        case .output(let s): Array(("o" + s).utf8)
        case .error(let s): Array(("e" + s).utf8)
        case .exit(let code): Array("x\(code)".utf8)
        }
    }

    public static func decode(_ bytes: [UInt8]) -> ConsoleAnswer? {
        guard let kind = bytes.first else { return nil }
        let rest = String(decoding: bytes.dropFirst(), as: UTF8.self)
        switch kind {
        case UInt8(ascii: "o"): return .output(rest)
        case UInt8(ascii: "e"): return .error(rest)
        case UInt8(ascii: "x"): return Int32(rest).map(ConsoleAnswer.exit)
        default: return nil
        }
    }
}

/// What a command produced: lines for standard output, lines for standard
/// error, and the exit status (0 done, 1 failed or refused, 2 bad usage).
public struct ConsoleOutput: Error, Sendable, Equatable {
    public var lines: [String]
    public var errors: [String]
    public var status: Int32

    public init(_ lines: [String] = [], errors: [String] = [], status: Int32 = 0) {
        self.lines = lines
        self.errors = errors
        self.status = status
    }

    public static func failed(_ reason: String, status: Int32 = 1) -> ConsoleOutput { ConsoleOutput(errors: [reason], status: status) }

    public var answers: [ConsoleAnswer] { lines.map(ConsoleAnswer.output) + errors.map(ConsoleAnswer.error) + [.exit(status)] }
}
