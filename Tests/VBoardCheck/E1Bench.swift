#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import Config
import DAHDIChannels
import E1Signalling
import KefuDaemon
import Telephony
import Synchronization

/// kefud's graph on span 1 of the E1 board and the test exchange on span 2,
/// each an `E1Board` over its span's channels (E1PRIBench.swift and
/// E1R2Bench.swift build them), stepped one block at a time
/// (`SteppedBench`): the exchange's channels the checks use act each step.
final class E1Bench: SteppedBench {
    let box: E1Board
    let exchange: E1Board
    /// The exchange's B channels the checks use (opened; the rest stay closed).
    let exchangeChannels: [ChannelNumber]
    let signallingLog: SignallingLog
    /// R2: the exchange's timeslot states before Kefu's link took its own.
    var exchangeStatesBeforeKefu: [ChannelNumber: String] = [:]

    init(box: E1Board, exchange: E1Board, center: SimulatedCenter, exchangeChannels: [ChannelNumber], log: SignallingLog) {
        self.box = box
        self.exchange = exchange
        self.exchangeChannels = exchangeChannels
        signallingLog = log
        super.init(center: center)
        // Both sides' channels are open: start their signalling (a PRI frame sent before the peer opens is lost).
        box.start()
        exchange.start()
    }

    override var farChannels: [(end: ChannelBackend, channel: ChannelNumber)] { exchangeChannels.map { (exchange, $0) } }

    /// The signalling lines both links logged since the last call.
    func takeSignallingLog() -> [String] { signallingLog.take() }

    var linksUp: Bool { box.links.allSatisfy(\.isUp) && exchange.links.allSatisfy(\.isUp) }

    /// A 1 kHz tone from `a`, then from `b`, for 30 blocks each: the
    /// loudest block the other end heard each time.
    func bridgedEnergies(_ a: ChannelNumber, _ b: ChannelNumber) -> (atA: Double, atB: Double) {
        send(b, Bench.tone(1000, seconds: 1), loop: true)
        var atA = 0.0
        run(30) { atA = max(atA, Bench.energy(heard[a] ?? [])); return false }
        stopSending(b)
        send(a, Bench.tone(1000, seconds: 1), loop: true)
        var atB = 0.0
        run(30) { atB = max(atB, Bench.energy(heard[b] ?? [])); return false }
        stopSending(a)
        return (atA, atB)
    }

    func events(_ c: ChannelNumber, since: Int = 0) -> [ChannelEvent] {
        farLog.filter { $0.channel == c && $0.tick >= since }.map(\.event)
    }

    func close() {
        box.stop()
        exchange.stop()
        for c in exchangeChannels where exchange.isOpen(c) { try? exchange.close(c) }
        for c in box.channels.map(\.number) where box.isOpen(c) { try? box.close(c) }
    }
}

/// Lines the signalling threads log, collected for the checking thread.
final class SignallingLog: Sendable {
    private let lines = Mutex<[String]>([])
    /// Each line with the milliseconds since the log began (CLOCK_MONOTONIC).
    private let start = SignallingLog.now()
    func add(_ line: String) {
        let ms = SignallingLog.now() - start
        lines.withLock { $0.append("[\(ms / 1000).\(String(ms % 1000 + 1000).dropFirst())] " + line) }
    }
    static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
    }
    func take() -> [String] { lines.withLock { l in defer { l.removeAll() }; return l } }
}
