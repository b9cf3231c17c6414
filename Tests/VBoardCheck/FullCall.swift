#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import Config
import DAHDIChannels
import DSP
import KefuDaemon
import Telephony

/// The center on span 1: two lines whose calls start in a one-key menu, and
/// agent 8001 on the phone port 3 answering queue "help".
let vboardConfig = """
[system]
languages = ["zh"]
board = "dahdi"

[lines.pstn]
signalling = "fxo"
channels = "1-2"
menu = "main"

[lines.phones]
signalling = "fxs"
channels = "3-4"

[agents.8001]
phone = 3

[queues.help]
agents = ["8001"]

[menus.main]
prompt = "greeting"
timeout = 8

[menus.main.keys]
5 = "queue help"

# The guest keeps the call's data in RAM (1 GB in all): a floor of 50 MB.
[recording]
min_free_mb = 50
"""

/// A whole call on real DAHDI drivers: Kefu's graph drives span 1 while this
/// program plays the exchange and the agent's phone on span 2. Returns what
/// went wrong (empty = the call went as it should).
func fullCall(dataDirectory: String) -> [String] {
    var broken: [String] = []
    let box: DAHDIBackend, far: DAHDIBackend, center: SimulatedCenter
    do {
        (box, far) = try VBoardSetup.backends(boxSpans: [SpanID(1)])
        center = try VBoardSetup.center(config: vboardConfig, file: "vboard.toml", dataDirectory: dataDirectory, box: box)
    } catch { return [error.description] }
    // The next check opens these channels again.
    defer {
        for c in far.channels.map(\.number) where far.isOpen(c) { try? far.close(c) }
        for c in box.channels.map(\.number) where box.isOpen(c) { try? box.close(c) }
    }
    let exchange = ChannelNumber(5), agentPhone = ChannelNumber(7), line = ChannelNumber(1), port = ChannelNumber(3)
    var block = [Int16](repeating: 0, count: 160)
    var tick = 0

    func farRead(_ c: ChannelNumber) -> [Int16] {
        var out = [Int16](repeating: 0, count: 160)
        do { try out.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try far.read(c, into: p) } } catch {}
        return out
    }
    func farWrite(_ c: ChannelNumber, _ b: [Int16]) { b.withUnsafeBufferPointer { try? far.write(c, $0) } }
    func farEvents(_ c: ChannelNumber) -> [ChannelEvent] {
        var out: [ChannelEvent] = []
        while let e = try? far.nextEvent(c) { out.append(e) }
        return out
    }
    /// One block of the whole system: the far ends act, the media loop and call control run.
    func step(_ farSide: () -> Void = {}) {
        farSide()
        center.media.tick()
        center.control.step(now: SampleTime(samples: Int64(tick) * 160))
        tick += 1
    }
    func energy(_ b: [Int16]) -> Double { b.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(b.count) }

    // DAHDI ignores ringing for 2 s after a line is opened: let that pass.
    for _ in 0..<110 { step { _ = farRead(exchange); _ = farRead(agentPhone) } }

    // The exchange rings the line and sends FSK caller ID after the first burst.
    let cid = CallerIDGenerator(signal: .bell202)
    _ = cid.send(CallerID(format: .fskMDMF, number: "13800138000", name: "Li", dateTime: "11251030"))
    let ringFrom = tick
    try? far.hook(exchange, .ringStart)
    var answeredAt: Int?
    for t in 0..<600 where answeredAt == nil {
        step {
            if t >= 60 && t < 240 {
                // Keep the exchange's transmit buffers full while the FSK burst
                // runs: under emulation one loop pass can take longer than a
                // block, and an empty buffer would cut a gap into the burst.
                var written = 0
                repeat {
                    block.withUnsafeMutableBufferPointer { _ = cid.generate(into: $0) }
                    farWrite(exchange, block)
                    written += 1
                } while written < 3 && far.hasRoomToWrite(exchange)
            }
            _ = farRead(exchange)
            _ = farRead(agentPhone)
        }
        if (try? far.farEndOffHook(exchange)) == true { answeredAt = t }
    }
    guard answeredAt != nil else { return ["Kefu never answered the ringing line"] }
    try? far.hook(exchange, .ringStop)

    // The caller hears the menu's greeting, then presses 5 (audio DTMF, not DAHDI events).
    var loud = 0
    let keys = DTMFGenerator(level: -10)
    for t in 0..<400 {
        step {
            if energy(farRead(exchange)) > 1e4 { loud += 1 }
            if t == 70 { keys.send([.five]) }  // after the greeting (a 1 s chime): a key during it would cut it short
            block.withUnsafeMutableBufferPointer { _ = keys.generate(into: $0) }
            farWrite(exchange, block)
            _ = farEvents(agentPhone)
        }
        if case .queued = center.control.flow.lines[line] ?? .idle { break }
    }
    if loud < 25 { broken.append("the caller heard little of the greeting (\(loud) loud blocks)") }

    // The agent's phone rings; the agent answers.
    var rang = false
    for _ in 0..<300 where !rang {
        step { rang = farEvents(agentPhone).contains(.ringBegin); _ = farRead(exchange); _ = farRead(agentPhone) }
    }
    if !rang { broken.append("the agent's phone never rang") }
    try? far.hook(agentPhone, .offHook)
    var talking = false
    for _ in 0..<200 where !talking {
        step { _ = farRead(exchange); _ = farRead(agentPhone) }
        if case .talking = center.control.flow.lines[line] ?? .idle { talking = true }
    }
    if !talking { broken.append("the call was not bridged after the agent answered") }

    // Audio both ways: 1 kHz from the caller, 600 Hz from the agent.
    var s = SignalSynth(); s.tone(1000, level: Level(dBm0: -12), milliseconds: 2000)
    let callerTone = s.pcm
    var a = SignalSynth(); a.tone(600, level: Level(dBm0: -12), milliseconds: 2000)
    let agentTone = a.pcm
    var agentHeard = 0, callerHeard = 0
    for k in 0..<100 {
        step {
            farWrite(exchange, Array(callerTone[(k * 160)..<(k * 160 + 160)]))
            farWrite(agentPhone, Array(agentTone[(k * 160)..<(k * 160 + 160)]))
            if energy(farRead(agentPhone)) > 1e5 { agentHeard += 1 }
            if energy(farRead(exchange)) > 1e5 { callerHeard += 1 }
        }
    }
    if agentHeard < 80 { broken.append("the agent heard the caller in only \(agentHeard) of 100 blocks") }
    if callerHeard < 80 { broken.append("the caller heard the agent in only \(callerHeard) of 100 blocks") }

    // The agent flashes the hook switch (400 ms on hook): DAHDI reports a
    // flash, not a hang-up; the caller is held; a second flash returns.
    func flash(expecting state: CenterFlow.PhoneState) -> Bool {
        try? far.hook(agentPhone, .onHook)
        for _ in 0..<20 { step { _ = farRead(exchange); _ = farRead(agentPhone) } }
        try? far.hook(agentPhone, .offHook)
        for _ in 0..<50 {
            step { _ = farRead(exchange); _ = farRead(agentPhone) }
            if center.control.flow.phones[port] == state { return true }
        }
        return false
    }
    if !flash(expecting: .flashed(line: line, digits: "")) {
        broken.append("a 400 ms flash on the agent's phone was not seen as a flash: port \(String(describing: center.control.flow.phones[port]))")
    }
    if !flash(expecting: .talking(line: line)) {
        broken.append("a second flash did not return the agent to the caller: port \(String(describing: center.control.flow.phones[port]))")
    }
    print("  hook flash on \(port): held and returned (\(center.control.flow.calls.values.first?.holds ?? 0) hold)")

    // The caller hangs up: the exchange plays China's busy tone.
    var busy = SignalSynth()
    busy.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 8000)
    let tone = busy.pcm
    var released = false
    for k in 0..<400 where !released {
        step {
            farWrite(exchange, Array(tone[((k % 350) * 160)..<((k % 350) * 160 + 160)]))
            _ = farRead(exchange); _ = farRead(agentPhone)
        }
        if (try? far.farEndOffHook(exchange)) == false { released = true }
    }
    if !released { broken.append("Kefu did not release the line on busy tone") }
    try? far.hook(agentPhone, .onHook)
    for _ in 0..<150 { step { _ = farRead(exchange); _ = farRead(agentPhone) } }
    center.control.finishRecordings(now: center.now)
    center.store.stop()

    guard let record = center.control.records.first else { return broken + ["no call record"] }
    if record.callerID?.number != "13800138000" { broken.append("caller ID on the record: \(String(describing: record.callerID))") }
    if !record.keys.contains("5") { broken.append("the caller's key 5 is not on the record (keys '\(record.keys)')") }
    if record.agent != port { broken.append("agent on the record: \(String(describing: record.agent))") }
    if record.end != .callerBusyTone { broken.append("call ended as \(String(describing: record.end)), expected caller-busy-tone") }
    if center.control.flow.phones[port] != .idle { broken.append("the agent's port is not idle at the end") }
    if let path = center.control.writer.finished.first?.path {
        var st = stat()
        if stat(path, &st) != 0 || st.st_size < 44 + 4 * 8000 { broken.append("recording \(path) is missing or under a second") }
    } else {
        broken.append("no recording written" + (center.control.notes.isEmpty ? "" : " (\(center.control.notes.joined(separator: "; ")))"))
    }
    print("full call: \(record.id) from \(record.callerID?.number ?? "?") keys '\(record.keys)' agent \(record.agent.map { "\($0)" } ?? "-") end \(record.end?.rawValue ?? "-")"
          + " (arrived \(record.arrived), answered \(record.answered.map { "\($0)" } ?? "-"), ringing from \(ringFrom * 20) ms, answer seen at \((ringFrom + (answeredAt ?? 0)) * 20) ms)")
    return broken
}
