// kefud — the Kefu daemon.
//
// Reads the config (every problem is printed as FILE:LINE and kefud does not
// start), opens the telephony board, runs the real-time media loop and call
// control (menus, queues, agents, survey), records calls, and shows a live
// view. Boards: `sim` (the simulated board, numbered as the config numbers
// its lines and phones, with seeded callers and agents) and `dahdi` (the
// card, through the DAHDI drivers; it says what is missing when they are not
// there). The board is the config's `[system] board` unless --board says.
import ArgumentParser
import Channels
import Config
import DAHDIChannels
import E1Signalling
import KefuDaemon
import Logging

#if canImport(Glibc)
import Glibc
#endif

@main
struct Kefud: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kefud",
        abstract: "Kefu (客服) call-center daemon.",
        discussion: """
        Lines, phones, agents, queues, menus, schedules, surveys and prompts all
        come from the config file; on the simulated board its size does too.
        The options below set the process and the simulated traffic.
        """,
        version: "0.1.0")

    @Option(help: "The config file.")
    var config: String = "/etc/kefu/kefu.toml"

    @Option(help: "Board: sim (simulated lines, callers and agent phones) or dahdi. Default: the config's [system] board.")
    var board: String?

    @Option(help: "Prompt directory (<language>/<name>.wav, 8 kHz mono). Default: the config's [prompts] directory.")
    var prompts: String?

    @Flag(help: "Demo: prompt files that are missing are replaced by synthesised chimes instead of stopping kefud.")
    var demo = false

    @Option(help: "The local time (the config's time zone) schedules see at start, \"YYYY-MM-DD HH:MM\"; default: the system clock.")
    var clock: String?

    @Option(name: .customLong("calls-per-minute"), help: "Simulated call arrival rate.")
    var callsPerMinute: Double = 6

    @Option(name: .customLong("talk-seconds"), help: "Mean simulated talk time.")
    var talkSeconds: Double = 45

    @Option(name: .customLong("caller-keys"),
            help: "What simulated callers press in the menus: scripts separated by ';', steps by spaces (\"1;2 1;3 2026031501#\").")
    var callerKeys: String?

    @Option(help: "Seed for the simulated callers and agents and for random routing.")
    var seed: UInt64 = 1

    @Option(name: .customLong("data-dir"), help: "Data directory; recordings go below DIR/recordings. Default: the config's [recording] directory.")
    var dataDirectory: String?

    @Option(name: .customLong("console-socket"), help: "The admin console's socket. Default: the config's [security] console_socket.")
    var consoleSocket: String?

    @Option(name: .customLong("listen-device"), help: "The sound device (ALSA name) `kefu calls listen` plays live calls on.")
    var listenDevice = "default"

    @Option(help: "Stop after this many seconds (0: run until Ctrl-C).")
    var duration: Double = 0

    @Flag(help: "Print only the summary at the end, no live view.")
    var quiet = false

    func validate() throws {
        guard callsPerMinute > 0, callsPerMinute <= 600 else { throw ValidationError("--calls-per-minute must be above 0 and at most 600") }
        guard talkSeconds > 0 else { throw ValidationError("--talk-seconds must be above 0") }
        guard duration >= 0 else { throw ValidationError("--duration must not be negative") }
        if let board, !["sim", "dahdi"].contains(board) { throw ValidationError("--board must be sim or dahdi") }
        if let callerKeys, callerKeys.contains(where: { !"0123456789*#ABCD; ".contains($0) }) {
            throw ValidationError("--caller-keys may hold only keys (0-9 * # A-D), ';' and spaces")
        }
    }

    func run() throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let log = Logger(label: "kefud")
        var options = CenterOptions()
        options.configPath = config
        options.board = board
        options.promptDirectory = prompts
        options.demo = demo
        options.callsPerMinute = callsPerMinute
        options.meanTalkSeconds = talkSeconds
        options.keyScripts = callerKeys.map { $0.split(separator: ";").map { $0.split(separator: " ").map(String.init) } }
        options.seed = seed
        options.dataDirectory = dataDirectory
        options.duration = duration
        options.liveView = !quiet
        options.consoleSocket = consoleSocket
        options.listenDevice = listenDevice

        let setup: CenterSetup
        switch CenterLoader.load(options, unixSeconds: Int64(time(nil))) {
        case .success(let loaded): setup = loaded
        case .failure(let failure): refuse(failure)
        }
        if let clock {
            guard let start = Self.parseClock(clock, zone: setup.config.system.timeZone) else {
                throw ValidationError("--clock must be \"YYYY-MM-DD HH:MM\" (got \"\(clock)\")")
            }
            options.clockAtStart = start
        }
        let center: SimulatedCenter
        do {
            switch board ?? setup.config.system.board.rawValue {
            case "sim":
                center = try SimulatedCenter(options: options, setup: setup)
            default:
                let card: DAHDIBackend
                do {
                    card = try DAHDIBackend()
                    guard !card.channels.isEmpty else {
                        log.critical("DAHDI is loaded but has no FXO/FXS channels configured (run dahdi_cfg with a system.conf)")
                        throw ExitCode(1)
                    }
                    try card.setToneZone(setup.config.system.toneZone)
                } catch let error as ChannelError {
                    log.critical("DAHDI board unavailable: \(error)")
                    throw ExitCode(1)
                }
                let e1: E1Board?
                do {
                    e1 = try E1Lines.board(card, config: setup.config) { line in
                        let bytes = Array("kefud: \(line)\n".utf8)
                        _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
                    }
                } catch {
                    log.critical("E1 signalling unavailable: \(error)")
                    throw ExitCode(1)
                }
                center = try SimulatedCenter(options: options, setup: setup, board: e1 ?? card)
                e1?.start()  // the bearer channels are open: signalling may offer calls
            }
        } catch let failure as StartupFailure {
            refuse(failure)
        }
        let status = Daemon.run(center) { line in
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Prints every problem on standard error and exits 1.
    private func refuse(_ failure: StartupFailure) -> Never {
        for problem in failure.problems {
            let bytes = Array((problem + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        }
        let bytes = Array("kefud: not started (\(failure.problems.count) problem\(failure.problems.count == 1 ? "" : "s") above)\n".utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        Kefud.exit(withError: ExitCode(1))
    }

    /// "2026-03-04 10:00" in `zone`.
    static func parseClock(_ text: String, zone: TimeZoneOffset) -> UnixTime? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let date = CivilDate(parts[0]) else { return nil }
        let hm = parts[1].split(separator: ":")
        guard hm.count == 2, let hour = Int(hm[0]), let minute = Int(hm[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return zone.instant(date, hour: hour, minute: minute)
    }
}
