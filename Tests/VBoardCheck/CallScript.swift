import CallControl
import Channels

/// What the test exchange and phones do to bring a call to an agent.
enum CallScript {
    /// The exchange sends DTMF caller ID ("D", the number, "C") as audio on
    /// an idle line, then rings it. Kefu must answer and the call must carry
    /// the number. Returns what is broken and whether the call was answered.
    static func dtmfCallerID(_ bench: Bench, exchange: ChannelNumber, line: ChannelNumber, number: String) -> ([String], Bool) {
        let audio = Bench.dtmf("D" + number + "C")
        bench.send(exchange, audio)
        bench.run(audio.count / 160 + 20) { !bench.isSending(exchange) }
        bench.run(15)  // 300 ms, then the first ring
        let ringing = ring(bench, exchange: exchange, line: line)
        guard ringing.isEmpty else { return (ringing, false) }
        guard let id = bench.flow.lines[line]?.call, let record = bench.flow.calls[id] else {
            return (["no call on \(line) after the answer"], false)
        }
        print("  DTMF caller ID: call \(id) on \(line) from \(record.callerID?.number ?? "-")")
        if record.callerID?.number != number {
            return (["caller ID on the call: \(record.callerID.map { "\($0)" } ?? "none"), expected \(number) (sent as DTMF before the first ring)"], true)
        }
        return ([], true)
    }

    /// Rings a line from the exchange until Kefu answers (at the second ring).
    static func ring(_ bench: Bench, exchange: ChannelNumber, line: ChannelNumber) -> [String] {
        if let problem = bench.hook(exchange, .ringStart) { return [problem] }
        let from = bench.tick
        let answered = bench.run(600) { bench.offHook(exchange) }
        _ = bench.hook(exchange, .ringStop)
        guard answered else { return ["Kefu did not answer \(line) within 12 s of ringing (line \(String(describing: bench.flow.lines[line])))"] }
        print("  \(line) answered \((bench.tick - from) * 20) ms after the first ring")
        return []
    }

    /// After the answer: the caller presses `key` (DTMF audio) after the
    /// greeting; the agent's phone rings (left ringing for a ring, a pause and
    /// the next ring when `watchCadence`) and answers; the call is bridged.
    static func reachAgent(_ bench: Bench, exchange: ChannelNumber, line: ChannelNumber, key: String,
                           phone: ChannelNumber, watchCadence: Bool) -> [String] {
        bench.run(70)  // the greeting (a key during it would cut it short)
        bench.send(exchange, Bench.dtmf(key))
        let from = bench.tick
        func rings() -> Int { bench.events(phone, since: from).filter { $0.event == .ringBegin }.count }
        let enough = watchCadence ? 2 : 1
        bench.run(watchCadence ? 600 : 300) { rings() >= enough }
        guard rings() >= enough else {
            return ["\(phone) rang \(rings()) time(s) after key \(key), expected \(enough) (line \(String(describing: bench.flow.lines[line])))"]
        }
        if let problem = bench.hook(phone, .offHook) { return [problem] }
        let talking = bench.run(200) {
            if case .talking = bench.flow.lines[line] ?? .idle { return true }
            return false
        }
        return talking ? [] : ["\(line) was not bridged after \(phone) answered (line \(String(describing: bench.flow.lines[line])))"]
    }
}
