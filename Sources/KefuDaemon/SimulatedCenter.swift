#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import DSP
import MediaLoop
import SimChannels
import Telephony

/// kefud's graph: a board (the simulated board with its simulated callers
/// and agents, or the DAHDI card), media loop, call control. Step it in
/// virtual time with `runVirtual` (simulated board), or hand it to `Daemon`.
public final class SimulatedCenter {
    public let options: CenterOptions
    public let board: ChannelBackend
    /// The simulated board and world, when the board is simulated.
    public let simBoard: SimBoard?
    public let world: SimWorld?
    public let media: MediaLoop
    public let control: CallController
    public let prompts: PromptSet

    /// The simulated board with seeded callers and agents.
    public convenience init(options: CenterOptions) {
        let board = SimBoard(lines: options.lines, phones: options.agents)
        var settings = SimWorldSettings()
        settings.callsPerMinute = options.callsPerMinute
        settings.meanTalk = options.meanTalkSeconds
        settings.meanPatience = options.meanPatienceSeconds
        settings.seed = options.seed
        let world = SimWorld(board: board, settings: settings)
        board.world = world
        self.init(options: options, board: board, simBoard: board, world: world)
    }

    /// Any board (the DAHDI card): real lines and phones, no simulated world.
    public convenience init(options: CenterOptions, board: ChannelBackend) {
        self.init(options: options, board: board, simBoard: nil, world: nil)
    }

    private init(options: CenterOptions, board: ChannelBackend, simBoard: SimBoard?, world: SimWorld?) {
        self.options = options
        self.board = board
        self.simBoard = simBoard
        self.world = world
        prompts = PromptSet(directory: options.promptDirectory)
        media = MediaLoop(backend: board, prompts: prompts.table)
        let plan = TonePlan.china
        let hangUp = Set(plan.tones.indices.filter { ["busy", "congestion"].contains(plan.tones[$0].name) }.map(ToneIndex.init))
        let flowSettings = CallFlowSettings(
            lines: board.channels.filter { $0.signalling == .fxoLine }.map(\.number),
            phones: board.channels.filter { $0.signalling == .fxsPhone }.map(\.number),
            greeting: prompts.greeting, music: prompts.music, busyTone: prompts.busyTone, hangUpTones: hangUp)
        let root = options.dataDirectory
        control = CallController(flow: CallFlow(settings: flowSettings), media: media) { id in
            "\(root)/recordings/\(SimulatedCenter.datePath())/\(id).wav"
        }
        control.start()
    }

    /// The current time in samples, from the media loop's tick count.
    public var now: SampleTime {
        SampleTime(samples: media.statistics.ticks * Int64(board.blockSize))
    }

    /// Runs `seconds` of simulated time inline, as fast as the machine goes.
    public func runVirtual(seconds: Double) {
        let ticks = Int(seconds * 8000) / board.blockSize
        for _ in 0..<ticks {
            media.tick()
            control.step(now: now)
        }
    }

    /// YYYY/MM/DD of today (UTC+8, the box's default zone) for recording folders.
    static func datePath() -> String {
        var t = time(nil) + 8 * 3600
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)/\(two(parts.tm_mon + 1))/\(two(parts.tm_mday))"
    }
}
