import ArgumentParser
import Console

#if canImport(Glibc)
import Glibc
#endif

/// `kefu`'s entry: console commands go to kefud, `help` is answered here,
/// no arguments start the interactive shell, everything else is an offline
/// command (ArgumentParser).
@main
enum KefuMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var environment: [String: String] = [:]
        for key in ["KEFU_CONSOLE", "LC_ALL", "LC_MESSAGES", "LANG", "HOME"] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        switch ConsoleDispatch.decide(arguments, environment: environment) {
        case .offline(let words):
            Kefu.main(words)
        case .help(let words, let settings):
            exit(ConsoleFront.help(words, settings))
        case .console(let request, let settings, let fallback):
            if request.arguments.first == "wallboard" && !request.json { exit(ConsoleFront.wallboard(request, settings)) }
            exit(ConsoleFront.oneShot(request, settings, offline: fallback ? { Kefu.main(arguments) } : nil))
        case .shell(let settings):
            exit(ConsoleFront.shell(settings, history: (environment["HOME"] ?? "/tmp") + "/.kefu_history"))
        }
    }
}
