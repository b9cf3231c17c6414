import Accounts

/// One console command: its words (`agent pause`), its arguments, the
/// least role that may run it, whether it changes anything (changes are
/// audited), and its help in English and Chinese.
public struct ConsoleCommand: Sendable, Equatable {
    public var words: [String]
    /// Argument names as shown in help: `AGENT`, `[REASON]` (optional), `TEXT...` (the rest).
    public var arguments: [String]
    public var role: Operator.Role
    public var changes: Bool
    public var help: String
    public var helpChinese: String

    public init(_ words: String, _ arguments: [String] = [], role: Operator.Role = .viewer, changes: Bool = false,
                help: String, zh: String) {
        self.words = words.split(separator: " ").map(String.init)
        self.arguments = arguments
        self.role = role
        self.changes = changes
        self.help = help
        helpChinese = zh
    }

    public var name: String { words.joined(separator: " ") }
    public var usage: String { ([name] + arguments).joined(separator: " ") }
    public func help(_ language: ConsoleLanguage) -> String { language == .chinese ? helpChinese : help }

    var required: Int { arguments.filter { !$0.hasPrefix("[") }.count }
    var takesRest: Bool { arguments.last?.hasSuffix("...") == true || arguments.last?.hasSuffix("...]") == true }
}

/// A command matched to what was typed.
public struct ConsoleInvocation: Sendable, Equatable {
    public var command: ConsoleCommand
    public var arguments: [String]
}

/// The console's command tree: the same for one-shot commands
/// (`kefu agent pause 8001 lunch`) and the interactive shell, for help and
/// tab completion on the client and for dispatch in kefud.
public struct ConsoleCommands: Sendable {
    public let commands: [ConsoleCommand]

    public init(_ commands: [ConsoleCommand]) { self.commands = commands }

    /// The command the words name (longest match), with its arguments
    /// checked; otherwise a usage error naming what was expected.
    public func match(_ words: [String], language: ConsoleLanguage = .english) -> Result<ConsoleInvocation, ConsoleOutput> {
        let candidates = commands.filter { words.starts(with: $0.words) }.sorted { $0.words.count > $1.words.count }
        guard let command = candidates.first else {
            let longer = commands.filter { $0.words.starts(with: words) && !words.isEmpty }
            if !longer.isEmpty {
                let text = language == .chinese ? "'\(words.joined(separator: " "))' 不完整; 可用: " : "'\(words.joined(separator: " "))' needs more; try: "
                return .failure(.failed(text + longer.map(\.usage).joined(separator: "; "), status: 2))
            }
            let prefix = words.prefix(1)
            let near = commands.filter { $0.words.first == prefix.first }.map(\.usage)
            let text = language == .chinese ? "未知命令 '\(words.joined(separator: " "))'" : "unknown command '\(words.joined(separator: " "))'"
            let hint = near.isEmpty ? (language == .chinese ? "输入 help 查看全部命令" : "type help for every command")
                : (language == .chinese ? "可用: " : "try: ") + near.joined(separator: "; ")
            return .failure(.failed("\(text); \(hint)", status: 2))
        }
        let arguments = Array(words.dropFirst(command.words.count))
        if arguments.count < command.required || (!command.takesRest && arguments.count > command.arguments.count) {
            let text = language == .chinese ? "用法: \(command.usage)" : "usage: \(command.usage)"
            return .failure(.failed(text, status: 2))
        }
        return .success(ConsoleInvocation(command: command, arguments: arguments))
    }

    /// `help` (every command a role may run) or `help WORDS…` (those starting so).
    public func help(_ words: [String], role: Operator.Role, language: ConsoleLanguage) -> [String] {
        let shown = commands.filter { $0.role <= role && $0.words.starts(with: words) }
        guard !shown.isEmpty else { return [] }
        let width = min(36, (shown.map(\.usage.count).max() ?? 0) + 2)
        return shown.map { c in
            let usage = c.usage
            return (usage.count >= width ? usage + "  " : usage + String(repeating: " ", count: width - usage.count)) + c.help(language)
        }
    }

    /// Completions for the word being typed after `before` (complete words).
    public func completions(before: [String], partial: String) -> [String] {
        var next: Set<String> = []
        for c in commands where c.words.count > before.count && c.words.starts(with: before) {
            let word = c.words[before.count]
            if word.hasPrefix(partial) { next.insert(word) }
        }
        if before.isEmpty { for w in ["help", "quit", "exit"] where w.hasPrefix(partial) { next.insert(w) } }
        return next.sorted()
    }
}
