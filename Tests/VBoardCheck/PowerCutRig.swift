#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import Config
import DAHDIChannels
import DSP
import KefuDaemon
import Storage
import Telephony

/// The center on span 1 for the power-cut test: both lines go to a menu
/// whose key 5 leads to queue "help", answered by two agents on ports 3-4;
/// no caller ID (answered at the first ring); every call recorded; data on the board's disk (256 MB; the floor is 50 MB).
let powerCutConfig = """
[system]
languages = ["zh"]
board = "dahdi"

[lines.pstn]
signalling = "fxo"
channels = "1-2"
menu = "main"
caller_id = "none"

[lines.phones]
signalling = "fxs"
channels = "3-4"

[agents.8001]
phone = 3

[agents.8002]
phone = 4

[queues.help]
agents = ["8001", "8002"]
wrap_up = 0
record = "always"

[menus.main]
prompt = "greeting"
timeout = 8

[menus.main.keys]
5 = "queue help"

[recording]
min_free_mb = 50
"""

/// kefud's graph on span 1 and the exchange and phones on span 2, stepped
/// block by block as `fullCall` does, with callers that never stop calling.
final class PowerCutRig {
    let center: SimulatedCenter
    let far: DAHDIBackend
    /// A second connection, as a console would read the database.
    let reader: CallStore
    private(set) var ended: [Int64] = []
    private(set) var stored = 0
    private var waiting: [Int64] = []
    private var callers: [FarCaller]
    private var agents: [FarAgent]
    private var tick = 0

    init(data: String) throws {
        let box: DAHDIBackend
        (box, far) = try VBoardSetup.backends(boxSpans: [SpanID(1)])
        center = try VBoardSetup.center(config: powerCutConfig, file: "power-cut.toml", dataDirectory: data, box: box)
        reader = try CallStore(path: data + "/kefu.db", readOnly: true, busyTimeoutMilliseconds: 50)
        callers = [FarCaller(exchange: ChannelNumber(5), line: ChannelNumber(1), seed: 1),
                   FarCaller(exchange: ChannelNumber(6), line: ChannelNumber(2), seed: 2)]
        agents = [FarAgent(phone: ChannelNumber(7), port: ChannelNumber(3)),
                  FarAgent(phone: ChannelNumber(8), port: ChannelNumber(4))]
    }

    /// Calls until the power goes or `seconds` pass (a block is 20 ms of
    /// real time: DAHDI paces the reads).
    func run(seconds: Int, ledger: Ledger) {
        var known = center.control.records.count
        // DAHDI ignores ringing for 2 s after a line is opened.
        for c in callers { c.restUntil(110) }
        while tick < seconds * 50 {
            for c in callers { c.step(tick: tick, far: far, flow: center.control.flow) }
            for a in agents { a.step(tick: tick, far: far, flow: center.control.flow) }
            center.media.tick()
            center.control.step(now: SampleTime(samples: Int64(tick) * 160))
            let records = center.control.records
            while known < records.count {
                let id = Int64(records[known].id.rawValue)
                ended.append(id)
                waiting.append(id)
                ledger.append("ended \(id) t=\(uptime())")
                known += 1
            }
            if tick % 25 == 0 { confirmStored(ledger) }
            if tick % 50 == 0 { ledger.append("beat t=\(uptime())") }
            tick += 1
        }
    }

    /// Calls whose row another connection now reads as finished.
    private func confirmStored(_ ledger: Ledger) {
        waiting.removeAll { id in
            guard (try? reader.callState(id)) == "finished" else { return false }
            ledger.append("stored \(id) t=\(uptime())")
            stored += 1
            return true
        }
    }
}

/// The exchange's side of one line: ring, press 5 in the menu, talk 1-3 s,
/// hang up with China's busy tone, rest 0.5-1.5 s, again.
final class FarCaller {
    enum State { case resting(until: Int), ringing(since: Int), menu(since: Int), talking(until: Int), hangingUp(since: Int) }

    let exchange: ChannelNumber, line: ChannelNumber
    private var state = State.resting(until: 0)
    private var random: UInt64
    private let keys = DTMFGenerator(level: -10)
    private static let voice: [Int16] = { var s = SignalSynth(); s.tone(1000, level: Level(dBm0: -15), milliseconds: 1000); return s.pcm }()
    private static let busy: [Int16] = {
        var s = SignalSynth()
        s.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 7000)
        return s.pcm
    }()
    private var block = [Int16](repeating: 0, count: 160)

    init(exchange: ChannelNumber, line: ChannelNumber, seed: UInt64) {
        self.exchange = exchange
        self.line = line
        random = seed &* 0x9E37_79B9_7F4A_7C15
    }

    func restUntil(_ tick: Int) { state = .resting(until: tick) }

    private func next(_ range: Int) -> Int {
        random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((random >> 33) % UInt64(range))
    }

    private func play(_ pcm: [Int16], from k: Int, far: DAHDIBackend) {
        let at = (k * 160) % (pcm.count - 160)
        pcm.withUnsafeBufferPointer { p in try? far.write(exchange, UnsafeBufferPointer(rebasing: p[at..<(at + 160)])) }
    }

    func step(tick t: Int, far: DAHDIBackend, flow: CenterFlow) {
        block.withUnsafeMutableBufferPointer { p in
            do { try far.read(exchange, into: p) } catch {}
        }
        switch state {
        case .resting(let until):
            if t >= until { try? far.hook(exchange, .ringStart); state = .ringing(since: t) }
        case .ringing(let since):
            if (try? far.farEndOffHook(exchange)) == true {
                try? far.hook(exchange, .ringStop)
                state = .menu(since: t)
            } else if t - since > 1500 {
                try? far.hook(exchange, .ringStop)
                state = .resting(until: t + 50)
            }
        case .menu(let since):
            if t - since == 20 { _ = keys.send([.five]) }
            block.withUnsafeMutableBufferPointer { _ = keys.generate(into: $0) }
            block.withUnsafeBufferPointer { try? far.write(exchange, $0) }
            if case .talking = flow.lines[line] ?? .idle {
                state = .talking(until: t + 50 + next(100))
            } else if t - since > 3000 {
                state = .hangingUp(since: t)
            }
        case .talking(let until):
            play(Self.voice, from: t, far: far)
            if t >= until { state = .hangingUp(since: t) }
        case .hangingUp(let since):
            play(Self.busy, from: t - since, far: far)
            if (try? far.farEndOffHook(exchange)) == false || t - since > 1000 {
                state = .resting(until: t + 25 + next(50))
            }
        }
    }
}

/// An agent's phone: answers 0.2 s after it starts ringing, hangs up once
/// the caller has gone (or after 1 s with nothing to do).
final class FarAgent {
    let phone: ChannelNumber, port: ChannelNumber
    private var answerAt: Int?
    private var liftedAt: Int?
    private var block = [Int16](repeating: 0, count: 160)

    init(phone: ChannelNumber, port: ChannelNumber) {
        self.phone = phone
        self.port = port
    }

    func step(tick t: Int, far: DAHDIBackend, flow: CenterFlow) {
        block.withUnsafeMutableBufferPointer { p in
            do { try far.read(phone, into: p) } catch {}
        }
        var rang = false
        while let e = try? far.nextEvent(phone) { if e == .ringBegin { rang = true } }
        if let lifted = liftedAt {
            let state = flow.phones[port] ?? .idle
            let withCaller: Bool
            switch state {
            case .talking, .ringing: withCaller = true
            default: withCaller = false
            }
            if state == .afterCall || (!withCaller && t - lifted > 50) {
                try? far.hook(phone, .onHook)
                liftedAt = nil
            }
        } else if let at = answerAt {
            if t >= at { try? far.hook(phone, .offHook); liftedAt = t; answerAt = nil }
        } else if rang {
            answerAt = t + 10
        }
    }
}
