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

/// kefud's graph on span 1 of the E1 board (guest/e1-pri.conf), its E1
/// signalled by PRI (user side, as a box faces the exchange), and the test
/// exchange on span 2: the same PRI link in the network role, with its own
/// B channels. Stepped one block at a time like `Bench`: the exchange's
/// channels act, then the media loop and call control run.
final class E1PRIBench {
    let box: E1Board
    let exchange: E1Board
    let center: SimulatedCenter
    /// The exchange's B channels the checks use (opened; the rest stay closed).
    let exchangeChannels: [ChannelNumber]
    private(set) var tick = 0
    private(set) var heard: [ChannelNumber: [Int16]] = [:]
    private(set) var farLog: [(tick: Int, channel: ChannelNumber, event: ChannelEvent)] = []
    private var audio = FarAudio()
    private let signallingLog = SignallingLog()

    init(config text: String, dataDirectory: String, exchangeANI: String, exchangeChannels: [ChannelNumber]) throws(BenchFailure) {
        let all: [ChannelInfo]
        do { all = try DAHDIDiscovery.channels() } catch { throw BenchFailure("discovery: \(error)") }
        let span1 = all.filter { $0.span == SpanID(1) }, span2 = all.filter { $0.span == SpanID(2) }
        guard span1.count == 30, span2.count == 30, span1.allSatisfy({ $0.signalling == .e1PRI }) else {
            throw BenchFailure("the E1 board needs 30 PRI B channels on spans 1 and 2; found \(span1.count) and \(span2.count)")
        }
        self.exchangeChannels = exchangeChannels
        let log = signallingLog
        do {
            let card = try DAHDIBackend(channels: span1)
            try card.setToneZone("cn")
            let loaded = ConfigLoader.load(text, file: "e1-pri.toml")
            guard let board = try E1Lines.board(card, config: loaded.config, log: { line in log.add("box: " + line) }) else {
                throw BenchFailure("the config has no e1-pri line group")
            }
            box = board
            let far = try DAHDIBackend(channels: span2)
            let link = try PRILink(.init(span: SpanID(2), dChannel: ChannelNumber(47), bearers: span2.map(\.number), side: .network,
                                         ownNumber: exchangeANI)) { line in log.add("exchange: " + line) }
            exchange = E1Board(far, links: [link])
            for c in exchangeChannels { try far.open(c) }
            try far.setToneZone("cn")
        } catch let failure as BenchFailure { throw failure } catch { throw BenchFailure("set-up: \(error)") }
        center = try VBoardSetup.center(config: text, file: "e1-pri.toml", dataDirectory: dataDirectory, box: box)
        // Both D channels are open: start Q.921 on both sides (a frame sent before the peer opens is lost).
        box.start()
        exchange.start()
    }

    /// The signalling lines both links logged since the last call.
    func takeSignallingLog() -> [String] { signallingLog.take() }

    var linksUp: Bool { box.links.allSatisfy(\.isUp) && exchange.links.allSatisfy(\.isUp) }

    func step() {
        for c in exchangeChannels {
            let (input, events) = FarAudio.exchange(exchange, c, audio.nextBlock(c))
            heard[c] = input
            for e in events { farLog.append((tick, c, e)) }
        }
        center.media.tick()
        center.control.step(now: SampleTime(samples: Int64(tick) * 160))
        tick += 1
    }

    @discardableResult
    func run(_ blocks: Int, until done: () -> Bool = { false }) -> Bool {
        for _ in 0..<blocks {
            step()
            if done() { return true }
        }
        return false
    }

    func send(_ c: ChannelNumber, _ audio: [Int16], loop: Bool = false) { self.audio.send(c, audio, loop: loop) }
    func stopSending(_ c: ChannelNumber) { audio.stop(c) }

    func events(_ c: ChannelNumber, since: Int = 0) -> [ChannelEvent] {
        farLog.filter { $0.channel == c && $0.tick >= since }.map(\.event)
    }

    var flow: CenterFlow { center.control.flow }

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
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    func take() -> [String] { lines.withLock { l in defer { l.removeAll() }; return l } }
}
