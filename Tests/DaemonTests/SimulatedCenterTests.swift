import Foundation
import Testing
import CallControl
import Config
import DSP
import KefuDaemon
import SimChannels
import Telephony

/// kefud's whole graph on the simulated board, in virtual time, configured
/// from config/kefu.toml (or a small config written for the test).
@Suite struct SimulatedCenterTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "kefu-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Options for a virtual run starting on Wednesday 4 March 2026 at `hour` (Shanghai).
    static func options(config: String, seed: UInt64 = 7, callsPerMinute: Double = 12, hour: Int = 10) -> CenterOptions {
        var options = CenterOptions()
        options.configPath = config
        options.demo = true
        options.callsPerMinute = callsPerMinute
        options.meanTalkSeconds = 30
        options.seed = seed
        options.clockAtStart = TimeZoneOffset.shanghai.instant(CivilDate("2026-03-04")!, hour: hour)
        options.dataDirectory = temporary("data")
        return options
    }

    static func center(_ options: CenterOptions, seconds: Double) throws -> SimulatedCenter {
        let setup = try CenterLoader.load(options, unixSeconds: options.clockAtStart!.seconds).get()
        let center = try SimulatedCenter(options: options, setup: setup)
        center.runVirtual(seconds: seconds)
        return center
    }

    static var exampleConfig: String { root + "/config/kefu.toml" }

    @Test func callsReachAgentsThroughTheMenusAndSurveysAreRecorded() throws {
        let options = Self.options(config: Self.exampleConfig)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try Self.center(options, seconds: 300)
        let records = center.control.records
        let world = try #require(center.world).counts
        #expect(world.arrived > 30, "about 60 calls expected at 12 per minute")
        // Every arrival is blocked, still in progress, or has a finished record;
        // callbacks the box placed are their own calls.
        let inbound = records.filter { $0.direction == .inbound }
        let inProgress = center.control.flow.calls.values
        #expect(world.arrived == world.blocked + inbound.count + inProgress.filter { $0.direction == .inbound }.count)
        let legs = records.filter { $0.direction == .callback }
        let dialled = legs.filter { $0.end != .outboundRefused }.count + inProgress.filter { $0.direction == .callback }.count
        #expect(world.calledBack == dialled || world.calledBack == dialled - 1, "every callback dialled reached the exchange (the last perhaps not yet)")
        #expect(records.contains { $0.end == .callbackBooked && $0.data["callback_number"]?.hasPrefix("1380013") == true })
        #expect(legs.contains { $0.connected != nil && $0.agentID != nil }, "a callback reached its caller and an agent")
        #expect(legs.allSatisfy { leg in records.contains { $0.id == leg.origin && $0.end == .callbackBooked } })
        // Callers who reached an agent are exactly the records connected to one (or still talking).
        let connected = records.filter { $0.connected != nil }
        let flow = center.control.flow
        let talkingNow = flow.lines.values.filter { if case .talking(let id, _) = $0, flow.calls[id]?.direction == .inbound { true } else { false } }.count
        let inSurveyNow = flow.calls.values.filter { $0.connected != nil && $0.direction == .inbound }.count - talkingNow
        // Glare (a caller rang in as a callback seized the line) is the one case where the
        // world and the box disagree about who called whom; otherwise the counts agree exactly.
        let glares = records.filter { $0.end == .glare }.count
        #expect(abs(world.reachedAgent - (inbound.filter { $0.connected != nil }.count + talkingNow + inSurveyNow)) <= glares)
        let legsConnected = legs.filter { $0.connected != nil }.count + flow.calls.values.filter { $0.connected != nil && $0.direction == .callback }.count
        #expect(world.callbacksAnswered == legsConnected, "a callback counts as connected exactly when its callee answered")
        #expect(connected.count > 10)
        // Every connected caller came through the menus into a queue.
        #expect(connected.filter { $0.direction == .inbound }.allSatisfy { $0.menuPath.first == "main" && $0.queue != nil && $0.agentID != nil })
        #expect(Set(connected.compactMap(\.queue)) == ["sales", "support"])
        #expect(connected.contains { $0.menuPath == ["main", "support"] }, "the two-level menu")
        #expect(connected.contains { $0.data["order_number"] == "2026031501" }, "an order number collected")
        // Surveys: asked after the agent hung up; answers 1–5 stored with the agent.
        let answered = records.filter { $0.surveyScore != nil }
        #expect(answered.count > 3)
        #expect(answered.allSatisfy { (1...5).contains($0.surveyScore!) && $0.surveyAsked && $0.agentID != nil && $0.end == .agentHungUp })
        #expect(answered.count <= world.surveysAnswered)
        // Both ways of hanging up occur and are told apart.
        #expect(records.contains { $0.end == .callerBusyTone })
        #expect(records.contains { $0.end == .callerLoopCurrentDrop })
        #expect(records.contains { $0.end == .agentHungUp })
        // Caller ID sent between the rings is on the record.
        // (A caller whose ringing met a callback's seizure, glare, is served without one.)
        let withoutCallerID = inbound.filter { $0.answered != nil && $0.callerID == nil }.count
        #expect(withoutCallerID <= records.filter { $0.end == .glare }.count)
        #expect(inbound.filter { $0.answered != nil && $0.callerID != nil }.allSatisfy { $0.callerID?.number?.hasPrefix("1380013") == true })
        // Agents' states and queue events are emitted.
        #expect(Set(center.control.agentStates.map(\.state)).isSuperset(of: ["available", "ringing", "on-call", "wrap-up"]))
        #expect(center.control.queueEvents.filter { $0.kind == .joined }.count >= connected.filter { $0.direction == .inbound }.count)
        // Every connected call left a playable stereo recording.
        center.control.finishRecordings(now: center.now)
        #expect(center.control.writer.finished.count == connected.count + flow.calls.values.filter { $0.connected != nil }.count)
        for path in center.control.writer.finished.map(\.path) {
            let audio = try WAVCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(audio.channels.count == 2)
        }
        #expect(center.media.statistics.eventsDropped == 0)
        #expect(center.control.commandsRefused == 0)
        #expect(center.control.problems.isEmpty)
    }

    @Test func sameSeedGivesTheSameDay() throws {
        let a = Self.options(config: Self.exampleConfig, seed: 3), b = Self.options(config: Self.exampleConfig, seed: 3)
        defer { try? FileManager.default.removeItem(atPath: a.dataDirectory!); try? FileManager.default.removeItem(atPath: b.dataDirectory!) }
        let first = try Self.center(a, seconds: 60), second = try Self.center(b, seconds: 60)
        #expect(first.control.records == second.control.records)
        #expect(first.control.agentStates == second.control.agentStates)
        #expect(first.world?.counts == second.world?.counts)
    }

    /// Four lines, one agent, one queue behind a one-key menu.
    static let oneAgentConfig = """
    [lines.pstn]
    signalling = "fxo"
    channels = "1-4"
    menu = "main"

    [lines.phones]
    signalling = "fxs"
    channels = "9"

    [agents.8001]
    phone = 9

    [queues.help]
    agents = ["8001"]
    wrap_up = 0

    [menus.main]
    prompt = "welcome"
    [menus.main.keys]
    1 = "queue help"
    """

    @Test func moreCallsThanAgentsQueueAndAreServedInArrivalOrder() throws {
        let path = Self.temporary("one-agent") + ".toml"
        try Self.oneAgentConfig.write(toFile: path, atomically: true, encoding: .utf8)
        var options = Self.options(config: path, callsPerMinute: 20)
        options.keyScripts = [["1"]]
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try Self.center(options, seconds: 200)
        let connected = center.control.records.filter { $0.connected != nil }
        #expect(connected.count >= 2)
        // First come, first served: connection order follows the order callers joined the queue.
        let joined = Dictionary(center.control.queueEvents.filter { $0.kind == .joined }.map { ($0.call, $0.at) }, uniquingKeysWith: { a, _ in a })
        let joinOrder = connected.sorted { $0.connected! < $1.connected! }.compactMap { joined[$0.id] }
        #expect(joinOrder.count == connected.count)
        #expect(joinOrder == joinOrder.sorted())
        #expect(center.control.records.contains { $0.connected == nil && $0.queue == "help" }, "some callers give up waiting")
    }

    @Test func liveViewShowsLinesAgentsQueuesAndCounts() throws {
        let options = Self.options(config: Self.exampleConfig)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try Self.center(options, seconds: 30)
        let text = LiveView.render(center.control, world: center.world?.counts, statistics: center.media.statistics,
                                   overruns: 0, now: center.now).joined(separator: "\n")
        #expect(text.contains("LINES"))
        #expect(text.contains("AGENTS"))
        #expect(text.contains("ch1 "))
        #expect(text.contains("8004   ch12"))
        #expect(text.contains("WAITING sales "))
        #expect(text.contains("CALLS finished \(center.control.records.count)"))
        #expect(text.contains("SURVEYS asked"))
        center.store.flush()
        let storage = LiveView.render(center.control, world: nil, statistics: center.media.statistics, overruns: 0, now: center.now)
            .first { $0.hasPrefix("STORAGE") }
        #expect(storage == "STORAGE database: \(center.store.status.written) written, 0 waiting; recordings being written \(center.control.writer.openCount)")
    }

    @Test func missingPromptFilesStopTheCenterNamingFileAndLine() throws {
        var options = Self.options(config: Self.exampleConfig)
        options.demo = false
        let failure: StartupFailure
        switch CenterLoader.load(options, unixSeconds: options.clockAtStart!.seconds) {
        case .success: Issue.record("started without prompt files"); return
        case .failure(let f): failure = f
        }
        let text = try String(contentsOfFile: Self.exampleConfig, encoding: .utf8)
        let holdLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("hold_prompt") }) + 1
        #expect(failure.problems.contains { $0.hasPrefix("\(Self.exampleConfig):\(holdLine): error: prompt 'hold-music': ")
                                           && $0.contains("/prompts/zh/hold-music.wav") })
        #expect(failure.problems.count == 68, "16 prompts, 15 callback and 3 message prompts, in 2 languages")

        options.demo = true
        let setup = try CenterLoader.load(options, unixSeconds: options.clockAtStart!.seconds).get()
        #expect(setup.prompts.notes.count == 1)
        // 68 prompt files and 35 announcement fragments not among them (9 Mandarin, 26 English).
        #expect(setup.prompts.notes[0].contains("103 of 103 prompt files are missing"))
    }

    @Test func configErrorsAreAllReportedWithFileAndLine() throws {
        let path = Self.temporary("broken") + ".toml"
        try (Self.oneAgentConfig + "\n\n[queues.more]\nstratgy = \"random\"\nagents = [\"9999\"]\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let failure) = CenterLoader.load(Self.options(config: path), unixSeconds: 0) else {
            Issue.record("a broken config started"); return
        }
        #expect(failure.problems.filter { $0.contains(": error: ") }.count == 2)
        #expect(failure.problems.contains { $0.hasPrefix("\(path):22: warning: ") }, "warnings are shown too")
        #expect(failure.problems.contains { $0.hasPrefix("\(path):23: error: ") && $0.contains("stratgy") })
        #expect(failure.problems.contains { $0.hasPrefix("\(path):24: error: ") && $0.contains("9999") })
    }

    @Test func boardWithoutTheConfiguredChannelsIsRefused() throws {
        let options = Self.options(config: Self.exampleConfig)
        let setup = try CenterLoader.load(options, unixSeconds: options.clockAtStart!.seconds).get()
        #expect(throws: StartupFailure.self) { try SimulatedCenter(options: options, setup: setup, board: SimBoard(lines: 8, phones: 2)) }
        do { _ = try SimulatedCenter(options: options, setup: setup, board: SimBoard(lines: 8, phones: 2)) } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].contains("[lines.phones] needs fxs channels"))
            #expect(error.problems[0].contains("11: absent, 12: absent"))
        }
        let found = CenterLoader.check(board: SimBoard(lines: 8, phones: 2), against: setup.config)
        #expect(found.map(\.chinese) == ["[lines.phones] 需要 fxs 通道，但板卡上的这些通道不是 fxs（11: 不存在, 12: 不存在）"])
    }

    @Test func promptFilesAreLoadedAndAnUnusableOneIsNamedWithItsConfigLine() throws {
        let loaded = ConfigLoader.load(Self.oneAgentConfig, file: "one.toml")
        #expect(loaded.isValid)
        let directory = Self.temporary("prompts")
        try FileManager.default.createDirectory(atPath: directory + "/zh", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let samples = (0..<800).map { Int16(truncatingIfNeeded: $0 * 37) }
        try Data(WAVCodec.encode(WAVAudio(mono: samples))).write(to: URL(fileURLWithPath: directory + "/zh/welcome.wav"))
        let library = PromptLibrary(config: loaded.config, directory: directory, demo: false)
        #expect(library.diagnostics.isEmpty)
        let id = try #require(library.files["zh/welcome.wav"])
        #expect(library.table.prompts[id.rawValue] == samples)

        try Data(WAVCodec.encode(WAVAudio(channels: [samples, samples]))).write(to: URL(fileURLWithPath: directory + "/zh/welcome.wav"))
        let stereo = PromptLibrary(config: loaded.config, directory: directory, demo: false)
        #expect(stereo.diagnostics.map(\.description)
                == ["one.toml:18: error: prompt 'welcome': \(directory)/zh/welcome.wav: has 2 channels; prompts must be mono"])
        #expect(stereo.diagnostics.map { $0.text(chinese: true) }
                == ["one.toml:18: 错误: 提示音 'welcome'：\(directory)/zh/welcome.wav：有 2 个声道；提示音必须是单声道"])
    }
}
