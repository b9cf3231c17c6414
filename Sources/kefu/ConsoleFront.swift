import Console

#if canImport(Glibc)
import Glibc
#endif

/// The client side of the console: one-shot commands, help, the wallboard
/// and the interactive shell.
enum ConsoleFront {
    static func say(_ lines: [String], fd: Int32 = 1) {
        for line in lines {
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
    }

    /// Sends the request, prints the answer; returns the exit status.
    static func oneShot(_ request: ConsoleRequest, _ settings: ConsoleSettings, offline: (() -> Void)? = nil) -> Int32 {
        do {
            let output = try ConsoleClient.send(request, to: settings.socket)
            say(output.lines)
            say(output.errors, fd: 2)
            return output.status
        } catch {
            if let offline, access(settings.socket, F_OK) != 0 {
                offline()
                return 0
            }
            say(["kefu: \(error)"], fd: 2)
            return 4
        }
    }

    /// Every command (or those starting with `words`), the role each needs.
    static func help(_ words: [String], _ settings: ConsoleSettings) -> Int32 {
        let lines = ConsoleCatalog.all.help(words, role: .admin, language: settings.language)
        guard !lines.isEmpty else {
            let asked = words.joined(separator: " ")
            say([settings.language == .chinese ? "kefu: 没有以 '\(asked)' 开头的命令" : "kefu: no command starts with '\(asked)'"], fd: 2)
            return 2
        }
        let roles = ConsoleCatalog.all.commands.filter { $0.words.starts(with: words) }.map(\.role.rawValue)
        say(zip(lines, roles).map { $0 + "  [\($1)]" })
        if words.isEmpty {
            say(["", settings.language == .chinese
                 ? "离线命令 (无需 kefud): setup, analyze, synth, config, sim, staffing, recordings, cdr, audit, storage — kefu 命令 --help"
                 : "Offline commands (no kefud needed): setup, analyze, synth, config, sim, staffing, recordings, cdr, audit, storage — kefu COMMAND --help",
                 settings.language == .chinese ? "选项: --json (脚本用), --lang en|zh, --socket 路径" : "Options: --json (for scripts), --lang en|zh, --socket PATH"])
        }
        return 0
    }

    /// Redraws the wallboard every second until q, Ctrl-C or end of input.
    static func wallboard(_ request: ConsoleRequest, _ settings: ConsoleSettings) -> Int32 {
        let raw = RawInput()
        defer { raw.restore() }
        while true {
            do {
                let output = try ConsoleClient.send(request, to: settings.socket)
                say(["\u{1B}[H\u{1B}[2J" + (output.lines + output.errors).joined(separator: "\r\n")])
                if output.status != 0 { return output.status }
            } catch {
                say(["kefu: \(error)"], fd: 2)
                return 4
            }
            if raw.waitForQuit(milliseconds: 1000) { return 0 }
        }
    }
}

/// The terminal in non-canonical mode, to notice a single q or Ctrl-C.
final class RawInput {
    private var saved = termios()
    private let active: Bool

    init() {
        active = isatty(0) == 1 && tcgetattr(0, &saved) == 0
        if active {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
            tcsetattr(0, TCSANOW, &raw)
        }
    }

    func restore() { if active { tcsetattr(0, TCSANOW, &saved) } }

    /// True when q, Q, Ctrl-C or end of input came within the wait.
    func waitForQuit(milliseconds: Int32) -> Bool {
        var pfd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, milliseconds) > 0 else { return false }
        var byte: UInt8 = 0
        let n = read(0, &byte, 1)
        return n <= 0 || byte == UInt8(ascii: "q") || byte == UInt8(ascii: "Q") || byte == 3
    }
}
