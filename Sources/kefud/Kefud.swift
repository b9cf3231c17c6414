// kefud — the Kefu daemon.
//
// Opens the telephony board, runs the real-time media loop and call control,
// records calls, and shows a live view. Boards: `sim` (the simulated board
// with seeded callers and agents) and `dahdi` (the card, through the DAHDI
// drivers; it says what is missing when they are not there).
import ArgumentParser
import Channels
import DAHDIChannels
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
        version: "0.1.0")

    @Option(help: "Board: sim (simulated lines, callers and agent phones) or dahdi.")
    var board: String = "sim"

    @Option(help: "Simulated FXO lines.")
    var lines: Int = 8

    @Option(help: "Simulated agents on FXS phones.")
    var agents: Int = 4

    @Option(name: .customLong("calls-per-minute"), help: "Simulated call arrival rate.")
    var callsPerMinute: Double = 6

    @Option(name: .customLong("talk-seconds"), help: "Mean simulated talk time.")
    var talkSeconds: Double = 45

    @Option(help: "Seed for the simulated callers and agents.")
    var seed: UInt64 = 1

    @Option(name: .customLong("data-dir"), help: "Data directory (recordings are written below it).")
    var dataDirectory: String = "/var/lib/kefu"

    @Option(help: "Prompt directory (greeting.wav, music.wav; 8 kHz mono).")
    var prompts: String?

    @Option(help: "Stop after this many seconds (0: run until Ctrl-C).")
    var duration: Double = 0

    @Flag(help: "Print only the summary at the end, no live view.")
    var quiet = false

    func validate() throws {
        guard lines >= 1, lines <= 120 else { throw ValidationError("--lines must be 1…120") }
        guard agents >= 1, agents <= 120 else { throw ValidationError("--agents must be 1…120") }
        guard callsPerMinute > 0, callsPerMinute <= 600 else { throw ValidationError("--calls-per-minute must be above 0 and at most 600") }
        guard talkSeconds > 0 else { throw ValidationError("--talk-seconds must be above 0") }
        guard duration >= 0 else { throw ValidationError("--duration must not be negative") }
    }

    func run() throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let log = Logger(label: "kefud")
        var options = CenterOptions()
        options.lines = lines
        options.agents = agents
        options.callsPerMinute = callsPerMinute
        options.meanTalkSeconds = talkSeconds
        options.seed = seed
        options.dataDirectory = dataDirectory
        options.promptDirectory = prompts
        options.duration = duration
        options.liveView = !quiet
        let center: SimulatedCenter
        switch board {
        case "sim":
            center = SimulatedCenter(options: options)
        case "dahdi":
            do {
                let card = try DAHDIBackend()
                guard !card.channels.isEmpty else {
                    log.critical("DAHDI is loaded but has no FXO/FXS channels configured (run dahdi_cfg with a system.conf)")
                    throw ExitCode(1)
                }
                try card.setToneZone("cn")
                center = SimulatedCenter(options: options, board: card)
            } catch let error as ChannelError {
                log.critical("DAHDI board unavailable: \(error)")
                throw ExitCode(1)
            }
        default:
            throw ValidationError("--board must be sim or dahdi")
        }
        let status = Daemon.run(center) { line in
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
