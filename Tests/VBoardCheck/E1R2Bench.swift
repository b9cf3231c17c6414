#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import Config
import DAHDIChannels
import E1Signalling
import KefuDaemon

extension E1Bench {
    /// The MFC/R2 E1 board (guest/e1-r2.conf): kefud's side on span 1 as its
    /// config says, the test exchange our own `R2Link` on all 30 timeslots of
    /// span 2, placing calls with `exchangeANI` and taking calls of up to
    /// `exchangeDNIS` digits. The exchange's link starts first and notes
    /// what it sees of Kefu's timeslots before Kefu's link takes them
    /// (`exchangeStatesBeforeKefu`). With `phones`, span 3 (Kefu's agent port) and
    /// span 4 (the agent's phone) join the box's and the exchange's boards.
    static func r2(config text: String, dataDirectory: String, exchangeANI: String, exchangeDNIS: String,
                   protocolFile: String, exchangeChannels: [ChannelNumber], phones: Bool = false) throws(BenchFailure) -> E1Bench {
        let all: [ChannelInfo]
        do { all = try DAHDIDiscovery.channels() } catch { throw BenchFailure("discovery: \(error)") }
        let span1 = all.filter { $0.span == SpanID(1) }, span2 = all.filter { $0.span == SpanID(2) }
        guard span1.count == 30, span2.count == 30, (span1 + span2).allSatisfy({ $0.signalling == .e1CAS }) else {
            throw BenchFailure("the E1 board needs 30 CAS timeslots on spans 1 and 2; found \(span1.count) and \(span2.count)")
        }
        let log = SignallingLog()
        let box: E1Board, exchange: E1Board, beforeKefu: [ChannelNumber: String]
        do {
            // The exchange first: until Kefu's link takes its timeslots, they
            // send the idle bits system.conf gave them (blocked, 1101).
            let far = try DAHDIBackend(channels: span2 + (phones ? all.filter { $0.span == SpanID(4) } : []))
            let link = try R2Link(.init(span: SpanID(2), bearers: span2.map(\.number), maxDNIS: exchangeDNIS.count, maxANI: 15,
                                        hotlines: [exchangeDNIS], ownNumber: exchangeANI, protocolFile: protocolFile)) { line in
                log.add("exchange: " + line)
            }
            exchange = E1Board(far, links: [], r2Links: [link])
            for c in exchangeChannels { try exchange.open(c) }
            exchange.start()
            for _ in 0..<50 where link.channelStates.values.contains(where: { $0 != "blocked by far end" }) { usleep(20_000) }
            beforeKefu = link.channelStates
            let card = try DAHDIBackend(channels: span1 + (phones ? all.filter { $0.span == SpanID(3) } : []))
            try card.setToneZone("cn")
            let loaded = ConfigLoader.load(text, file: "e1-r2.toml")
            guard loaded.isValid else { throw BenchFailure(loaded.diagnostics.errors.map(\.description).joined(separator: "; ")) }
            guard let board = try E1Lines.board(card, config: loaded.config, log: { line in log.add("box: " + line) }) else {
                throw BenchFailure("the config has no e1-r2 line group")
            }
            box = board
        } catch let failure as BenchFailure { throw failure } catch { throw BenchFailure("set-up: \(error)") }
        let center = try VBoardSetup.center(config: text, file: "e1-r2.toml", dataDirectory: dataDirectory, box: box)
        let bench = E1Bench(box: box, exchange: exchange, center: center, exchangeChannels: exchangeChannels, log: log)
        bench.exchangeStatesBeforeKefu = beforeKefu
        return bench
    }
}
