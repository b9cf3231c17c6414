// `kefu setup`: the installer's first-boot setup (interactive on a terminal, or by flags).
import ArgumentParser
import Setup

#if canImport(Glibc)
import Glibc
#endif

struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "First-boot setup: find the board, write system.conf and kefu.toml, test every port.",
        discussion: """
        On a terminal it asks each question with its default in brackets (Enter keeps it); with --yes, --dry-run or --json it takes the flags and defaults without asking (--interactive asks anyway, e.g. with the answers on a pipe). Defaults come from the flags, then the existing kefu.toml, then the board and the country preset.

        Re-running is safe: the changes are shown as a diff first, identical files are not touched, and setup rewrites only what it owns (docs/setup.md): [system], [prompts], the fxo/fxs [lines.*] groups, [agents.*], the first queue and [menus.main], and in system.conf the fxsks=/fxoks=/loadzone=/defaultzone= lines.

        Examples:
          kefu setup
          kefu setup --fxo 1-2,9-10 --fxs 3-4 --agent 8001:张三:3 --agent 8002:李四:4 --yes
          kefu setup --board sim --config /tmp/demo/kefu.toml --yes
          kefu setup --dry-run --json
        Then learn each analog line with a test call: kefu setup learn LINE (see its --help).
        """,
        subcommands: [SetupLearnCommand.self])

    @Option(help: "The board: dahdi (the cards) or sim (the simulated board). Default: the config's, else dahdi.") var board: String?
    @Option(help: "Country preset: cn (China, default) or us.") var country: String?
    @Option(help: "Time zone (no daylight-saving time): Asia/Shanghai, UTC+8, …") var timezone: String?
    @Option(help: "Prompt languages: zh, en or zh,en.") var languages: String?
    @Option(name: .customLong("caller-id"), help: "Caller ID on the lines: fsk, dtmf or none.") var callerID: String?
    @Option(help: "Channels of FXO lines (from the exchange), e.g. 1-2,9-10.") var fxo: String?
    @Option(help: "Channels of FXS ports (agents' phones), e.g. 3-4.") var fxs: String?
    @Option(help: "Agents to create, one per FXS port in order (numbered from 8001).") var agents: Int?
    @Option(help: "An agent: ID:NAME:PHONE, e.g. 8001:张三:3 (repeat for each).") var agent: [String] = []
    @Option(help: "Name of the first queue (default: service).") var queue: String?
    @Option(help: "Kefu's configuration file.") var config: String = "/etc/kefu/kefu.toml"
    @Option(name: .customLong("system-conf"), help: "DAHDI's system.conf.") var systemConf: String = "/etc/dahdi/system.conf"
    @Option(name: .customLong("ring-seconds"), help: "How long each phone rings in its test (default 6; 15 when interactive).") var ringSeconds: Int?
    @Flag(name: .customLong("dry-run"), help: "Show what would change; write nothing, test nothing.") var dryRun = false
    @Flag(help: "Write without asking.") var yes = false
    @Flag(name: .customLong("skip-tests"), help: "Do not test the ports.") var skipTests = false
    @Flag(help: "Ask the questions even when the input is not a terminal.") var interactive = false
    @Flag(help: "Print the plan, files, tests and summary as one JSON object.") var json = false
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let agents, agents < 1 { throw ValidationError("--agents must be at least 1") }
        if agents != nil && !agent.isEmpty { throw ValidationError("give --agents N or --agent ID:NAME:PHONE, not both") }
        if let ringSeconds, !(1...60).contains(ringSeconds) { throw ValidationError("--ring-seconds must be 1 to 60") }
        if json && interactive { throw ValidationError("--json and --interactive do not go together: --json prints one object for scripts") }
    }

    func run() throws {
        var o = SetupOptions()
        o.board = board; o.country = country; o.timeZone = timezone; o.languages = languages; o.callerID = callerID
        o.fxo = fxo; o.fxs = fxs; o.agentCount = agents; o.agents = agent; o.queue = queue
        o.configPath = config; o.systemConfPath = systemConf; o.ringSeconds = ringSeconds
        o.dryRun = dryRun; o.yes = yes; o.skipTests = skipTests; o.json = json; o.chinese = language.chinese
        o.interactive = interactive || (isatty(0) == 1 && !yes && !dryRun && !json)
        let console = TerminalSetupConsole(toStandardError: json)
        let session = SetupSession(options: o, console: console, unixSeconds: Int64(time(nil)))
        let refusal = Setup.run(session)
        if json { print(Setup.json(session, refusal: refusal)) }
        if let refusal {
            printError("kefu setup: " + refusal.text(chinese: o.chinese))
            throw ExitCode(1)
        }
    }
}

/// Questions and text on the terminal (or a pipe); with --json the text goes to standard error.
final class TerminalSetupConsole: SetupConsole {
    let toStandardError: Bool
    init(toStandardError: Bool) { self.toStandardError = toStandardError }

    func say(_ line: String) {
        if toStandardError { printError(line) } else { print(line); fflush(nil) }
    }

    func ask(_ question: String) -> String? {
        print(question, terminator: "")
        fflush(nil)
        guard let reply = readLine() else { print(""); return nil }
        if isatty(0) != 1 { print(reply) }  // echo piped answers, so the transcript reads as a dialogue
        return reply
    }
}
