import CallControl
import Channels
import Config
import DAHDIChannels
import E1Signalling
import KefuDaemon

extension E1Bench {
    /// The PRI E1 board (guest/e1-pri.conf): kefud's side signalled by PRI
    /// (user side, as a box faces the exchange), the test exchange the same
    /// PRI link in the network role with its own B channels. With `phones`,
    /// span 3 (Kefu's agent port) and span 4 (the agent's phone) join the
    /// box's and the exchange's boards.
    static func pri(config text: String, dataDirectory: String, exchangeANI: String, exchangeChannels: [ChannelNumber],
                    phones: Bool = false) throws(BenchFailure) -> E1Bench {
        let all: [ChannelInfo]
        do { all = try DAHDIDiscovery.channels() } catch { throw BenchFailure("discovery: \(error)") }
        let span1 = all.filter { $0.span == SpanID(1) }, span2 = all.filter { $0.span == SpanID(2) }
        guard span1.count == 30, span2.count == 30, span1.allSatisfy({ $0.signalling == .e1PRI }) else {
            throw BenchFailure("the E1 board needs 30 PRI B channels on spans 1 and 2; found \(span1.count) and \(span2.count)")
        }
        let log = SignallingLog()
        let box: E1Board, exchange: E1Board
        do {
            let card = try DAHDIBackend(channels: span1 + (phones ? all.filter { $0.span == SpanID(3) } : []))
            try card.setToneZone("cn")
            let loaded = ConfigLoader.load(text, file: "e1-pri.toml")
            guard let board = try E1Lines.board(card, config: loaded.config, log: { line in log.add("box: " + line) }) else {
                throw BenchFailure("the config has no e1-pri line group")
            }
            box = board
            let far = try DAHDIBackend(channels: span2 + (phones ? all.filter { $0.span == SpanID(4) } : []))
            let link = try PRILink(.init(span: SpanID(2), dChannel: ChannelNumber(47), bearers: span2.map(\.number), side: .network,
                                         ownNumber: exchangeANI)) { line in log.add("exchange: " + line) }
            exchange = E1Board(far, links: [link])
            for c in exchangeChannels { try far.open(c) }
            try far.setToneZone("cn")
        } catch let failure as BenchFailure { throw failure } catch { throw BenchFailure("set-up: \(error)") }
        let center = try VBoardSetup.center(config: text, file: "e1-pri.toml", dataDirectory: dataDirectory, box: box)
        return E1Bench(box: box, exchange: exchange, center: center, exchangeChannels: exchangeChannels, log: log)
    }
}
