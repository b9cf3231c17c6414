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

/// kefud's graph on the box's spans 1 and 3, and the test's exchange and
/// phones on spans 2 and 4, stepped one block at a time (`SteppedBench`):
/// every open channel of spans 2 and 4 acts each step.
final class Bench: SteppedBench {
    let box: DAHDIBackend
    /// The exchange side of span 1's lines and the phones on its ports (span 2).
    let far: DAHDIBackend
    /// The exchange side of span 3's lines (span 4); replaced when span 4 comes back.
    var farLines: DAHDIBackend?

    init(config text: String, dataDirectory: String) throws(BenchFailure) {
        (box, far) = try VBoardSetup.backends(boxSpans: [SpanID(1), SpanID(3)])
        super.init(center: try VBoardSetup.center(config: text, file: "vboard.toml", dataDirectory: dataDirectory, box: box))
        try openFarLines()
    }

    override var farChannels: [(end: ChannelBackend, channel: ChannelNumber)] {
        [far, farLines].compactMap { $0 }.flatMap { end in end.channels.map(\.number).filter(end.isOpen).map { (end, $0) } }
    }

    /// Opens span 4's channels (again) as the exchange side of span 3.
    func openFarLines() throws(BenchFailure) {
        do {
            let lines = try DAHDIDiscovery.channels().filter { $0.span == SpanID(4) }
            guard lines.map(\.number) == [ChannelNumber(11), ChannelNumber(12)] else {
                throw BenchFailure("span 4 has channels \(lines.map(\.number)), expected ch11 ch12")
            }
            let backend = try DAHDIBackend(channels: lines)
            for c in lines.map(\.number) { try backend.open(c) }
            try backend.setToneZone("cn")
            farLines = backend
        } catch let failure as BenchFailure { throw failure } catch { throw BenchFailure("span 4: \(error)") }
    }

    /// Closes span 4's channels, so that the driver can remove the span.
    func closeFarLines() {
        if let backend = farLines { for c in backend.channels.map(\.number) where backend.isOpen(c) { try? backend.close(c) } }
        farLines = nil
    }

    /// The backend a far channel belongs to.
    func farEnd(_ c: ChannelNumber) -> DAHDIBackend? {
        if far.isOpen(c) { return far }
        if let lines = farLines, lines.isOpen(c) { return lines }
        return nil
    }

    func hook(_ c: ChannelNumber, _ op: HookOperation) -> String? {
        guard let end = farEnd(c) else { return "\(c) is not open on the far side" }
        do { try end.hook(c, op) } catch { return "\(c) \(op): \(error)" }
        return nil
    }

    func offHook(_ c: ChannelNumber) -> Bool { (try? farEnd(c)?.farEndOffHook(c)) == true }

    /// DTMF keys as audio: 70 ms tones, 70 ms gaps, at -10 dBm0.
    static func dtmf(_ keys: String) -> [Int16] {
        var s = SignalSynth()
        for key in keys.compactMap { DTMFKey($0) } {
            s.dtmf(key, milliseconds: 70)
            s.silence(milliseconds: 70)
        }
        return s.pcm
    }

    /// A steady tone, for checking that audio crosses a bridge.
    static func tone(_ hertz: Double, seconds: Double) -> [Int16] {
        var s = SignalSynth()
        s.tone(hertz, level: Level(dBm0: -12), milliseconds: seconds * 1000)
        return s.pcm
    }

    /// China's busy tone (450 Hz, 350 ms on and off), as an exchange plays it when the caller hangs up.
    static func busyTone(seconds: Double) -> [Int16] {
        var s = SignalSynth()
        s.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: seconds * 1000)
        return s.pcm
    }

    /// The far-side events of one channel since a block.
    func events(_ c: ChannelNumber, since: Int) -> [(tick: Int, event: ChannelEvent)] {
        farLog.filter { $0.channel == c && $0.tick >= since }.map { ($0.tick, $0.event) }
    }

    /// An agent's ACD status.
    func status(_ agent: String) -> String {
        flow.acd.agentSnapshots.first { $0.id.rawValue == agent }.map { $0.status.name } ?? "unknown agent"
    }

    /// The mean energy of a block.
    static func energy(_ b: [Int16]) -> Double { b.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(b.count, 1)) }

    /// Releases every channel this bench opened.
    func close() {
        closeFarLines()
        for c in far.channels.map(\.number) where far.isOpen(c) { try? far.close(c) }
        for c in box.channels.map(\.number) where box.isOpen(c) { try? box.close(c) }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
