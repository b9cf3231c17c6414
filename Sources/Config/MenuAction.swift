/// What a key press (or a timeout, a closed schedule, the end of a message)
/// does, written in the config as a short command: `queue sales`,
/// `menu support`, `dial pstn 4008001234`, `hangup`. The verbs are one table.
public enum MenuAction: Sendable, Equatable, CustomStringConvertible {
    /// Go to another menu (a menu, a digit collection or a message).
    case menu(String)
    /// Join a queue (if its hours are closed, its `closed` action runs instead).
    case queue(String)
    /// Ring one agent directly.
    case agent(String)
    /// Call a number out through a line group.
    case dial(line: String, number: String)
    /// Leave a message in a queue's or agent's mailbox.
    case voicemail(String)
    /// Ask the queue to call back (the caller's number, or the call data
    /// `callback_number` when a collection stored one).
    case callback(String)
    /// Switch the call's language, then go to a menu (or replay this one).
    case language(String, then: String?)
    /// Play this menu again (does not count as a retry).
    case `repeat`
    /// Return to the menu before this one (or replay this one at the top).
    case back
    case hangup

    struct Verb: Sendable {
        let word: String
        let usage: String
        let arguments: ClosedRange<Int>
        let make: @Sendable ([String]) -> MenuAction
    }

    static let verbs: [Verb] = [
        Verb(word: "menu", usage: "menu NAME", arguments: 1...1) { .menu($0[0]) },
        Verb(word: "queue", usage: "queue NAME", arguments: 1...1) { .queue($0[0]) },
        Verb(word: "agent", usage: "agent ID", arguments: 1...1) { .agent($0[0]) },
        Verb(word: "dial", usage: "dial LINES NUMBER", arguments: 2...2) { .dial(line: $0[0], number: $0[1]) },
        Verb(word: "voicemail", usage: "voicemail QUEUE-OR-AGENT", arguments: 1...1) { .voicemail($0[0]) },
        Verb(word: "callback", usage: "callback QUEUE", arguments: 1...1) { .callback($0[0]) },
        Verb(word: "language", usage: "language CODE [MENU]", arguments: 1...2) { .language($0[0], then: $0.count > 1 ? $0[1] : nil) },
        Verb(word: "repeat", usage: "repeat", arguments: 0...0) { _ in .repeat },
        Verb(word: "back", usage: "back", arguments: 0...0) { _ in .back },
        Verb(word: "hangup", usage: "hangup", arguments: 0...0) { _ in .hangup },
    ]

    /// Parses `queue sales`; the error names the verbs or the usage.
    public static func parse(_ text: String) -> Result<MenuAction, ParseError> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return .failure(ParseError(message: "empty action", chinese: "动作为空")) }
        guard let verb = verbs.first(where: { $0.word == first.lowercased() }) else {
            let hint = didYouMean(first, verbs.map(\.word))
            let all = verbs.map(\.word).joined(separator: ", ")
            return .failure(ParseError(message: "unknown action '\(first)'\(hint.english); use one of: \(all)",
                                       chinese: "未知的动作 '\(first)'\(hint.chinese)；可用的动作：\(all)"))
        }
        let arguments = Array(words.dropFirst())
        guard verb.arguments.contains(arguments.count) else {
            return .failure(ParseError(message: "'\(text)': write it as '\(verb.usage)'", chinese: "'\(text)'：应写成 '\(verb.usage)'"))
        }
        if verb.word == "dial", !arguments[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "*" || $0 == "#") }) {
            return .failure(ParseError(message: "'\(text)': the number may hold only digits, * and #", chinese: "'\(text)'：号码只能包含数字、* 和 #"))
        }
        return .success(verb.make(arguments))
    }

    /// Why an action cannot be read, in English (`message`) and in Chinese.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
        public var chinese: String
    }

    public var description: String {
        switch self {
        case .menu(let n): "menu \(n)"
        case .queue(let n): "queue \(n)"
        case .agent(let n): "agent \(n)"
        case .dial(let l, let n): "dial \(l) \(n)"
        case .voicemail(let n): "voicemail \(n)"
        case .callback(let n): "callback \(n)"
        case .language(let l, let m): "language \(l)" + (m.map { " \($0)" } ?? "")
        case .repeat: "repeat"
        case .back: "back"
        case .hangup: "hangup"
        }
    }
}
