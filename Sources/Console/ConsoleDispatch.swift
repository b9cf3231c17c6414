/// How `kefu ARGS…` is served: by kefud's console (the command tree), by
/// the offline commands (analyze, synth, config, recordings with
/// --data-dir, …), locally (help), or the interactive shell (no arguments).
public enum ConsoleDispatch: Sendable, Equatable {
    case shell(ConsoleSettings)
    case help([String], ConsoleSettings)
    /// Ask kefud; `offlineFallback` when the same words also work without it.
    case console(ConsoleRequest, ConsoleSettings, offlineFallback: Bool)
    case offline([String])

    /// Words both the console and the offline commands know.
    static let shared: Set<String> = ["recordings", "audit", "config", "report"]
    /// Offline commands that print in the operator's language: `--lang` goes on to them.
    static let speaksLanguage: Set<String> = ["recordings", "audit", "config", "report", "cdr", "staffing", "setup"]

    public static func decide(_ arguments: [String], environment: [String: String], commands: ConsoleCommands = ConsoleCatalog.all) -> ConsoleDispatch {
        var settings = ConsoleSettings(environment: environment)
        var words: [String] = []
        var others: [String] = []
        var offline: [String] = []
        var json = false
        var lang: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "--json": json = true; offline.append(a)
            case "--socket" where i + 1 < arguments.count: settings.socket = arguments[i + 1]; i += 1
            case "--lang" where i + 1 < arguments.count:
                lang = arguments[i + 1]
                settings.language = ConsoleLanguage(rawValue: arguments[i + 1]) ?? settings.language; i += 1
            default:
                if a.hasPrefix("-") { others.append(a) } else { words.append(a) }
                offline.append(a)
            }
            i += 1
        }
        if words.isEmpty && others.isEmpty && !json { return .shell(settings) }
        if words.first == "help" && others.isEmpty { return .help(Array(words.dropFirst()), settings) }
        // A console word (`agent`) goes to kefud even when incomplete, so its
        // usage comes back; words offline commands share need a full match.
        let first = words.first ?? ""
        let known = shared.contains(first) ? commands.commands.contains { words.starts(with: $0.words) }
            : commands.commands.contains { $0.words.first == first }
        guard known, others.isEmpty else {
            return .offline(offline + (lang.map { speaksLanguage.contains(first) ? ["--lang", $0] : [] } ?? []))
        }
        return .console(ConsoleRequest(arguments: words, json: json, language: settings.language), settings,
                        offlineFallback: shared.contains(words.first ?? ""))
    }
}

/// Where the console is and in which language to talk.
public struct ConsoleSettings: Sendable, Equatable {
    public var socket: String
    public var language: ConsoleLanguage

    public static let defaultSocket = "/run/kefu/console.sock"

    /// KEFU_CONSOLE names the socket; LC_ALL, LC_MESSAGES or LANG starting
    /// with zh choose Chinese.
    public init(environment: [String: String]) {
        socket = environment["KEFU_CONSOLE"] ?? Self.defaultSocket
        language = ConsoleLanguage.fromLocale(environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"])
    }
}
