import Console
import LineEditor

#if canImport(Glibc)
import Glibc
#endif

extension ConsoleFront {
    /// The interactive shell: each line is run exactly as `kefu LINE` would
    /// run it (console commands through kefud, the rest offline), with
    /// history (kept in ~/.kefu_history), line editing that handles Chinese
    /// text, and tab completion of command words.
    static func shell(_ settings: ConsoleSettings, history path: String) -> Int32 {
        var history = History()
        try? history.load(from: path)
        let terminal = Terminal(history: history)
        terminal.completion = { line, cursor in
            let before = String(line.prefix(cursor))
            var words = ConsoleShellWords.split(before)
            let partial = before.hasSuffix(" ") || words.isEmpty ? "" : words.removeLast()
            return ConsoleCatalog.all.completions(before: words, partial: partial)
        }
        let prompt = settings.language == .chinese ? "客服> " : "kefu> "
        if terminal.isInteractive {
            say([settings.language == .chinese ? "Kefu 客服控制台 — 输入 help 查看命令, Tab 补全, quit 退出"
                                               : "Kefu console — help lists the commands, Tab completes, quit leaves"])
        }
        defer {
            terminal.restore()
            try? terminal.history.save(to: path)
        }
        while true {
            switch terminal.readLine(prompt: prompt) {
            case .endOfInput:
                if terminal.isInteractive { say([""]) }
                return 0
            case .interrupted:
                continue
            case .line(let line):
                let words = ConsoleShellWords.split(line)
                if words.isEmpty { continue }
                if words == ["quit"] || words == ["exit"] { return 0 }
                run(words, settings)
            }
        }
    }

    static func run(_ words: [String], _ settings: ConsoleSettings) {
        var environment = ["KEFU_CONSOLE": settings.socket, "LANG": settings.language == .chinese ? "zh_CN.UTF-8" : "C"]
        environment["HOME"] = nil
        // The shell's language goes on to offline commands as --lang (their child process has the shell's own locale).
        switch ConsoleDispatch.decide(["--lang", settings.language.rawValue] + words, environment: environment) {
        case .help(let w, let s): _ = help(w, s)
        case .console(let request, let s, _):
            if request.arguments.first == "wallboard" && !request.json { _ = wallboard(request, s) } else { _ = oneShot(request, s) }
        case .offline(let w):
            // Offline commands run in a child process so their exit does not end the shell.
            var pid = pid_t()
            let argv = ([CommandLine.arguments[0]] + w).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            if posix_spawn(&pid, "/proc/self/exe", nil, nil, argv, environ) == 0 {
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
        case .shell: break
        }
    }
}

/// Splits a shell line into words: spaces separate, "double" or 'single'
/// quotes keep spaces inside a word.
enum ConsoleShellWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
