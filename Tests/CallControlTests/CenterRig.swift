import Foundation
import CallControl
import Channels
import Config
import DSP
import MediaLoop
import SimChannels
import Storage
import Telephony

/// The example center (config/kefu.toml with its 2026 calendar) on the
/// simulated board, with the media loop and call control, stepped tick by
/// tick under a virtual clock by a scripted caller and agents — no
/// simulated world. Every prompt is a run of one constant sample value, so
/// what a caller hears can be read back as prompt names.
final class CenterRig {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    let config: KefuConfig
    let board: SimBoard
    let media: MediaLoop
    let control: CallController
    /// Prompt name (`zh/welcome.wav`, `tone:busy`) by the sample value it is made of.
    private(set) var promptByValue: [Int16: String] = [:]
    let directory = NSTemporaryDirectory() + "kefu-center-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    var tick: Int64 = 0
    /// Blocks each channel heard while `run` listened to it.
    var heard: [ChannelNumber: [[Int16]]] = [:]
    private var senders: [ChannelNumber: DTMFGenerator] = [:]

    /// `date`, `hour`, `minute`: the local time (Asia/Shanghai) the center starts at.
    /// `edit` changes the example config's text before it is loaded.
    /// `wrap`: a board around the simulated one (E1 trunks scripted by `ScriptedTrunks`).
    init(at date: String, _ hour: Int, _ minute: Int = 0, store: StoreWriter? = nil, configure: (inout CenterPlan) -> Void = { _ in },
         edit: (String) -> String = { $0 }, wrap: (SimBoard) -> ChannelBackend = { $0 }) throws {
        let text = edit(try String(contentsOfFile: Self.root + "/config/kefu.toml", encoding: .utf8))
        let loaded = ConfigLoader.load(text, file: "kefu.toml")
        guard loaded.isValid else { throw RigError(loaded.diagnostics.errors.map(\.description).joined(separator: "\n")) }
        config = loaded.config
        let calendarText = try String(contentsOfFile: Self.root + "/config/holidays/cn-2026.txt", encoding: .utf8)
        let calendar = ConfigLoader.calendar(for: config, files: ["holidays/cn-2026.txt": .init(path: "cn-2026.txt", text: calendarText)]).calendar

        var table = PromptTable()
        var files: [String: MediaPrompt] = [:]
        var byValue: [Int16: String] = [:]
        var value: Int16 = 100
        func add(_ name: String, blocks: Int) -> MediaPrompt {
            byValue[value] = name
            defer { value += 100 }
            return table.add(name, [Int16](repeating: value, count: 160 * blocks))
        }
        for use in ConfigLoader.promptUses(config) {
            for language in config.system.languages {
                let file = ConfigLoader.promptFile(use.value, language: language)
                if files[file] == nil { files[file] = add(file, blocks: use.value.contains("music") ? 50 : 12) }
            }
        }
        for file in AnnouncementPrompts.files(config) where files[file] == nil { files[file] = add(file, blocks: 10) }
        let tones = CenterTones(busy: add("tone:busy", blocks: 35), dial: add("tone:dial", blocks: 50),
                                accepted: add("tone:accepted", blocks: 10), refused: add("tone:refused", blocks: 10),
                                ringback: add("tone:ringback", blocks: 40), hold: add("tone:hold", blocks: 30))
        promptByValue = byValue
        let zone = config.system.timeZone
        // The lines listen with the tone zone's tones and the hang-up tones learned on them, as in kefud.
        let tonePlans = LineTonePlans(zone: config.system.toneZone, learned: config.learnedLines)
        var plan = CenterPlan(config: config, calendar: calendar, prompts: files, tones: tones,
                              clockAtStart: zone.instant(CivilDate(date)!, hour: hour, minute: minute), tonePlan: tonePlans.names)
        configure(&plan)
        board = SimBoard(lineNumbers: Array(1...8), phoneNumbers: Array(9...12))
        media = MediaLoop(backend: wrap(board), prompts: table, plan: tonePlans.zone, linePlans: tonePlans.lines)
        let dir = directory
        control = CallController(flow: try CenterFlow(plan: plan), media: media, store: store) { _ in dir }
        control.start()
        step()  // attach the channels
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    struct RigError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var now: SampleTime { SampleTime(samples: tick * 160) }

    /// One tick: far ends act (`before`, then queued keys), the media loop
    /// runs, the far ends hear (`after`), call control steps.
    func step(before: (SimBoard) -> Void = { _ in }, after: (SimBoard) -> Void = { _ in }) {
        before(board)
        for (channel, sender) in senders.sorted(by: { $0.key < $1.key }) {
            var b = [Int16](repeating: 0, count: 160)
            if b.withUnsafeMutableBufferPointer({ sender.generate(into: $0) }) > 0 {
                b.withUnsafeBufferPointer { board.farSend(channel, $0) }
            }
        }
        media.tick()
        after(board)
        tick += 1
        control.step(now: now)
    }

    /// Steps until `done` (checked after each tick) or `limit` ticks,
    /// keeping what the `listening` channels hear; returns whether `done` came.
    @discardableResult
    func run(upTo limit: Int, listening: [ChannelNumber] = [], until done: () -> Bool = { false }) -> Bool {
        for _ in 0..<limit {
            step(after: { _ in for c in listening { self.heard[c, default: []].append(self.receive(c)) } })
            if done() { return true }
        }
        return false
    }

    /// The prompts a channel heard while listened to, in order (a prompt
    /// heard in consecutive blocks counts once).
    func prompts(heardOn channel: ChannelNumber) -> [String] {
        var out: [String] = []
        for block in heard[channel] ?? [] {
            guard let name = promptByValue[block[0]], block.allSatisfy({ $0 == block[0] }) else { continue }
            if out.last != name { out.append(name) }
        }
        return out
    }

    func receive(_ c: ChannelNumber) -> [Int16] {
        var out = [Int16](repeating: 0, count: 160)
        out.withUnsafeMutableBufferPointer { board.farReceive(c, into: $0) }
        return out
    }

    func send(_ c: ChannelNumber, _ block: [Int16]) {
        block.withUnsafeBufferPointer { board.farSend(c, $0) }
    }

    /// Queues DTMF keys (audio, 80 ms on, 80 ms off) on a line or phone.
    func press(_ keys: String, on channel: ChannelNumber) {
        let sender = senders[channel] ?? DTMFGenerator(level: -10)
        senders[channel] = sender
        sender.send(keys.compactMap { DTMFKey($0) })
    }

    /// The exchange rings a line with China's cadence and FSK caller ID in
    /// the first gap, until Kefu answers (at the second ring).
    func ring(_ line: ChannelNumber, callerID number: String) -> Bool {
        let cid = CallerIDGenerator(signal: .bell202)
        _ = cid.send(CallerID(format: .fskMDMF, number: number, name: nil, dateTime: "03041000"))
        for t in 0..<300 {
            step(before: { board in
                board.farRing(line, t < 50 || t >= 250)
                if t >= 60 && t < 250 {
                    var b = [Int16](repeating: 0, count: 160)
                    b.withUnsafeMutableBufferPointer { _ = cid.generate(into: $0) }
                    b.withUnsafeBufferPointer { board.farSend(line, $0) }
                }
            })
            if board.lineIsOffHook(line) {
                board.farRing(line, false)
                return true
            }
        }
        return false
    }

    /// The phone that rings now, if one does.
    var ringingPhone: ChannelNumber? {
        board.channels.filter { $0.signalling == .fxsPhone }.map(\.number).first { board.phoneIsRinging($0) }
    }

    /// The example config's agent on a phone.
    func agent(on phone: ChannelNumber) -> String? {
        config.agents.first { $0.phone?.value == phone.rawValue }?.id
    }

    static func pattern(_ seed: Int) -> [Int16] {
        (0..<160).map { Int16(truncatingIfNeeded: seed &* 7919 &+ $0 &* 31) }
    }
}
