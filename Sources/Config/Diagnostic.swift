/// One problem found in a configuration or calendar file, with where it is
/// and why, in English and in simplified Chinese.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        case error, warning

        /// 错误 or 警告.
        public var chinese: String { self == .error ? "错误" : "警告" }
    }

    public var file: String
    public var line: Int
    public var severity: Severity
    /// The reason in English.
    public var message: String
    /// The same reason in simplified Chinese, with the same names and numbers.
    public var chinese: String

    public init(file: String, line: Int, severity: Severity = .error, message: String, chinese: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
        self.chinese = chinese
    }

    public init(file: String, line: Int, severity: Severity = .error, _ reason: Bilingual) {
        self.init(file: file, line: line, severity: severity, message: reason.english, chinese: reason.chinese)
    }

    /// `kefu.toml:12: error: unknown key 'stratgy' in [queues.sales] (did you mean 'strategy'?)`
    public var description: String { text(chinese: false) }

    /// The English line, or for a Chinese reader
    /// `kefu.toml:12: 错误: [queues.sales] 中有未知的配置项 'stratgy'（是不是 'strategy'？）`.
    public func text(chinese: Bool) -> String {
        chinese ? "\(file):\(line): \(severity.chinese): \(self.chinese)" : "\(file):\(line): \(severity.rawValue): \(message)"
    }

    /// The whole line in both languages.
    public var lines: Bilingual { Bilingual(text(chinese: false), text(chinese: true)) }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    /// In file order, then line order (stable for equal lines).
    public func sortedByPlace() -> [Diagnostic] {
        enumerated().sorted { a, b in
            (a.element.file, a.element.line, a.offset) < (b.element.file, b.element.line, b.offset)
        }.map(\.element)
    }
}

/// A value read from a file and the line it came from, kept so that checks
/// made after reading (a reference to a missing queue, say) can name the line.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// Collects diagnostics for one file while it is read.
final class DiagnosticSink {
    let file: String
    private(set) var items: [Diagnostic] = []

    init(file: String) { self.file = file }

    func error(_ line: Int, _ english: String, _ chinese: String) {
        items.append(Diagnostic(file: file, line: line, severity: .error, message: english, chinese: chinese))
    }

    func warning(_ line: Int, _ english: String, _ chinese: String) {
        items.append(Diagnostic(file: file, line: line, severity: .warning, message: english, chinese: chinese))
    }
}

/// The closest of `candidates` to `word` (at most two edits away), for
/// "did you mean" hints.
func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    var best: (String, Int)? = nil
    for candidate in candidates {
        let d = editDistance(Array(word.lowercased()), Array(candidate.lowercased()))
        if d <= (word.count <= 3 ? 1 : 2), d < word.count, best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
}

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[a.count][b.count]
}

/// ` (did you mean 'strategy'?)` and `（是不是 'strategy'？）`, or nothing.
func didYouMean(_ word: String, _ candidates: some Sequence<String>) -> Bilingual {
    closest(to: word, in: candidates).map { Bilingual(" (did you mean '\($0)'?)", "（是不是 '\($0)'？）") } ?? Bilingual("", "")
}
