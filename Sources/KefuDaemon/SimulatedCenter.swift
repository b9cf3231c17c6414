#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import Config
import DSP
import MediaLoop
import Sealing
import SimChannels
import Storage
import Telephony

/// kefud's graph: a board (the simulated board with its simulated callers
/// and agents, or the DAHDI card), media loop, call control, all configured
/// from one `CenterSetup`. Step it in virtual time with `runVirtual`
/// (simulated board), or hand it to `Daemon`.
public final class SimulatedCenter {
    public let options: CenterOptions
    public internal(set) var config: KefuConfig
    public let board: ChannelBackend
    /// The simulated board and world, when the board is simulated.
    public let simBoard: SimBoard?
    public let world: SimWorld?
    public let media: MediaLoop
    public let control: CallController
    public let prompts: PromptLibrary
    /// Said once at start: config warnings, prompt stand-ins, what start-up
    /// repaired after a stop without shutdown.
    public let startNotes: [String]
    /// The board's spans as found at start (numbers, names, channel counts).
    public let spans: [SpanInfo]
    /// The database's writer (data-dir/kefu.db).
    public let store: StoreWriter
    /// The data directory (database, and recordings unless the config puts them elsewhere).
    public let dataDirectory: String
    /// Retention, on its own thread (started by `startHousekeeping`).
    public private(set) var housekeeper: Housekeeper?
    let retention: RetentionRunner.Settings

    /// The simulated board, numbered as the config numbers its fxo lines and
    /// fxs phones, with seeded callers and agents.
    public convenience init(options: CenterOptions, setup: CenterSetup) throws(StartupFailure) {
        let trunks = setup.config.lines.filter { $0.signalling == .fxo }.flatMap(\.channels)
        let phones = setup.config.lines.filter { $0.signalling == .fxs }.flatMap(\.channels)
        guard !trunks.isEmpty || !phones.isEmpty else {
            throw StartupFailure(["\(setup.config.file): no fxo or fxs channels to simulate"])
        }
        let board = SimBoard(lineNumbers: trunks.sorted(), phoneNumbers: phones.sorted())
        var settings = SimWorldSettings()
        settings.callsPerMinute = options.callsPerMinute
        settings.meanTalk = options.meanTalkSeconds
        settings.meanPatience = options.meanPatienceSeconds
        settings.seed = options.seed
        if let scripts = options.keyScripts { settings.keyScripts = scripts }
        let world = SimWorld(board: board, settings: settings)
        board.world = world
        try self.init(options: options, setup: setup, board: board, simBoard: board, world: world)
    }

    /// Any board (the DAHDI card): the config's lines and phones must be on it.
    public convenience init(options: CenterOptions, setup: CenterSetup, board: ChannelBackend) throws(StartupFailure) {
        try self.init(options: options, setup: setup, board: board, simBoard: nil, world: nil)
    }

    private init(options: CenterOptions, setup: CenterSetup, board: ChannelBackend, simBoard: SimBoard?, world: SimWorld?) throws(StartupFailure) {
        let mismatch = CenterLoader.check(board: board, against: setup.config)
        guard mismatch.isEmpty else { throw StartupFailure(mismatch.map(\.description)) }
        self.options = options
        self.config = setup.config
        self.board = board
        spans = board.spans()
        self.simBoard = simBoard
        self.world = world
        prompts = setup.prompts
        // The lines listen with the tone zone's tones and the hang-up tones learned on them.
        let tones = LineTonePlans(zone: setup.config.system.toneZone, learned: setup.config.learnedLines)
        media = MediaLoop(backend: board, prompts: prompts.table, plan: tones.zone, linePlans: tones.lines, clips: ClipTable())
        var plan = CenterPlan(config: setup.config, calendar: setup.calendar, prompts: prompts.files, tones: prompts.tones,
                              clockAtStart: options.clockAtStart ?? UnixTime(seconds: Int64(time(nil))), tonePlan: tones.names)
        plan.seed = options.seed
        dataDirectory = options.dataDirectory ?? setup.config.system.dataDirectory
        let opened = try StorageSetup.open(dataDirectory: dataDirectory, recording: setup.config.recording)
        store = opened.writer
        plan.firstCallID = Int(opened.lastCallID) + 1
        let flow: CenterFlow
        do { flow = try CenterFlow(plan: plan) } catch { throw StartupFailure(["\(setup.config.file): \(error)"]) }
        let root = options.dataDirectory.map { $0 + "/recordings" } ?? setup.config.recording.directory
        retention = try StorageSetup.retention(setup.config, recordingsDirectory: root)
        databasePath = opened.databasePath
        let zone = setup.config.system.timeZone
        let startMilliseconds = plan.clockAtStart.seconds * 1000
        control = CallController(flow: flow, media: media, store: opened.writer, wallClock: { startMilliseconds + $0.milliseconds }) { _ in
            "\(root)/\(SimulatedCenter.datePath(zone))"
        }
        control.writer.key = opened.key
        control.writer.groupID = opened.groupID
        control.writer.minFreeBytes = Int64(setup.config.recording.minFreeMB) * 1_048_576
        do { control.shelf = try StoreMessageShelf(databasePath: opened.databasePath, key: opened.key) } catch {
            throw StartupFailure(["\(opened.databasePath): messages cannot be read: \(error)"])
        }
        var notes = setup.warnings.map(\.description) + prompts.notes + opened.notes
        control.start()
        notes += Self.restoreCallbacks(control, config: setup.config, databasePath: opened.databasePath, startMilliseconds: startMilliseconds)
        startNotes = notes
    }

    let databasePath: String

    /// Callbacks are kept this long across a restart; older bookings are dropped (and said so).
    static let callbackMemoryMilliseconds: Int64 = 24 * 3_600_000

    /// Puts callbacks booked before a restart back in their queues; notes what it did.
    static func restoreCallbacks(_ control: CallController, config: KefuConfig, databasePath: String, startMilliseconds: Int64) -> [String] {
        let pending: [CallStore.PendingCallback]
        do {
            pending = try CallStore(path: databasePath).pendingCallbacks(since: startMilliseconds - callbackMemoryMilliseconds)
        } catch { return ["callbacks booked before the restart could not be read: \(error)"] }
        let known = pending.filter { p in config.queue(p.queue) != nil }
        control.restoreCallbacks(known.map { p in
            (CallControl.CallID(Int(p.callID)), p.queue, p.number, p.language ?? config.system.defaultLanguage,
             SampleTime(milliseconds: p.joined - startMilliseconds))
        })
        var notes: [String] = []
        if !known.isEmpty { notes.append("\(known.count) callback(s) booked before the restart are back in their queues") }
        if known.count < pending.count { notes.append("\(pending.count - known.count) callback(s) booked for queues no longer configured were dropped") }
        return notes
    }

    deinit {
        store.stop(timeoutMilliseconds: 1_000)
        housekeeper?.stop()
    }

    /// Starts retention (at once, then hourly) on its own thread.
    public func startHousekeeping(intervalSeconds: Int = 3600) {
        if housekeeper == nil { housekeeper = Housekeeper(databasePath: databasePath, settings: retention, intervalSeconds: intervalSeconds) }
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

    /// YYYY/MM/DD of today in the box's time zone, for recording folders.
    static func datePath(_ zone: TimeZoneOffset) -> String {
        let date = zone.local(UnixTime(seconds: Int64(time(nil)))).date
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date.year)/\(two(date.month))/\(two(date.day))"
    }
}
