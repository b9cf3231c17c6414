// kefu setup on real drivers: the scan of every span and channel, the port
// tests against the test exchange and phones on span 2, and a channel that
// another program holds.
import Channels
import DAHDIChannels
import DSP
import Setup
import Telephony

#if canImport(Glibc)
import Glibc
#endif

/// Kefu's side of span 1 with the far ends acting: channel 5 (line 1's
/// exchange side) plays China's dial tone, channel 7 (the phone on port 3)
/// is lifted when it rings.
final class FarEndBoard: ChannelBackend {
    let box: DAHDIBackend
    let far: DAHDIBackend
    private var tone: [Int16]
    private var offset = 0
    var channels: [ChannelInfo] { box.channels }
    var blockSize: Int { box.blockSize }

    init(box: DAHDIBackend, far: DAHDIBackend) {
        self.box = box
        self.far = far
        var s = SignalSynth()
        s.tone(450, level: Level(dBm0: -13), milliseconds: 1000)
        tone = s.pcm
    }

    func open(_ c: ChannelNumber) throws(ChannelError) { try box.open(c) }
    func close(_ c: ChannelNumber) throws(ChannelError) { try box.close(c) }
    func isOpen(_ c: ChannelNumber) -> Bool { box.isOpen(c) }
    func read(_ c: ChannelNumber, into block: UnsafeMutableBufferPointer<Int16>) throws(ChannelError) { try box.read(c, into: block) }
    func write(_ c: ChannelNumber, _ block: UnsafeBufferPointer<Int16>) throws(ChannelError) { try box.write(c, block) }
    func hook(_ c: ChannelNumber, _ operation: HookOperation) throws(ChannelError) { try box.hook(c, operation) }
    func dial(_ c: ChannelNumber, digits: String) throws(ChannelError) { try box.dial(c, digits: digits) }
    func setToneZone(_ zone: String) throws(ChannelError) { try box.setToneZone(zone) }
    func nextEvent(_ c: ChannelNumber) throws(ChannelError) -> ChannelEvent? { try box.nextEvent(c) }
    func spans() -> [SpanInfo] { box.spans() }
    func endTick() {}

    func beginTick() {
        box.beginTick()
        let n = blockSize
        if offset + n > tone.count { offset = 0 }
        tone[offset..<(offset + n)].withUnsafeBufferPointer { try? far.write(ChannelNumber(5), $0) }
        offset += n
        var scratch = [Int16](repeating: 0, count: n)
        for c in [5, 7].map(ChannelNumber.init) {
            scratch.withUnsafeMutableBufferPointer { buffer in _ = try? far.read(c, into: buffer) }
        }
        while let event = try? far.nextEvent(ChannelNumber(7)) {
            if event == .ringBegin { try? far.hook(ChannelNumber(7), .offHook) }
        }
    }
}

func setupChecks() -> [(String, [String])] {
    var out: [(String, [String])] = []
    // The scan: four loc spans, 4+4+2+2 channels, each taking either signalling, known by its configuration.
    var broken: [String] = []
    do {
        let board = BoardDetection.board(from: try DAHDIScan.scan())
        if board.spans.map(\.channelCount) != [4, 4, 2, 2] { broken.append("spans \(board.spans.map { "\($0.name):\($0.channelCount)" })") }
        if board.ports.map(\.channel) != Array(1...12) { broken.append("channels \(board.ports.map(\.channel))") }
        if !board.ports.allSatisfy({ $0.kind == .either }) { broken.append("kinds \(board.ports.map(\.kind.rawValue))") }
        let roles = board.ports.map { $0.knownRole?.rawValue ?? "?" }
        let expected = ["fxo", "fxo", "fxs", "fxs", "fxs", "fxs", "fxo", "fxo", "fxo", "fxo", "fxs", "fxs"]
        if roles != expected { broken.append("roles \(roles), expected \(expected)") }
    } catch {
        broken.append("scan: \(error)")
    }
    out.append(("setupScansEverySpanAndChannel", broken))

    // The port tests with the far ends acting.
    broken = []
    do {
        let all = try DAHDIDiscovery.channels()
        let box = try DAHDIBackend(channels: all.filter { [1, 3].contains($0.number.rawValue) })
        let far = try DAHDIBackend(channels: all.filter { [5, 7].contains($0.number.rawValue) })
        try far.setToneZone("cn")
        for c in far.channels.map(\.number) { try far.open(c) }
        let board = FarEndBoard(box: box, far: far)
        // DAHDI ignores ringing on an FXS-signalled channel for 2 s after it is opened.
        for _ in 0..<110 { board.beginTick() }
        let tester = PortTester(backend: board, plan: .china, phoneIsOffHook: { try? box.farEndOffHook(ChannelNumber($0)) })
        try box.setToneZone("cn")
        let line = tester.testLine(1)
        if case .dialTone(let hz, _) = line.outcome, abs(hz - 450) <= 10 {} else { broken.append(line.text(chinese: false)) }
        let phone = tester.testPhone(3, seconds: 8)
        if phone.outcome != .rang(answered: true) { broken.append(phone.text(chinese: false)) }
        try? far.hook(ChannelNumber(7), .onHook)
        for c in far.channels.map(\.number) { try? far.close(c) }
        print("  setup port tests: \(line.text(chinese: false)); \(phone.text(chinese: false))")
    } catch {
        broken.append("\(error)")
    }
    out.append(("setupPortTestsHearDialToneAndSeeThePhoneLifted", broken))

    // A channel another program (kefud) holds.
    broken = []
    do {
        let all = try DAHDIDiscovery.channels().filter { $0.number.rawValue == 1 }
        let holder = try DAHDIBackend(channels: all)
        try holder.open(ChannelNumber(1))
        let tester = PortTester(backend: try DAHDIBackend(channels: all), plan: .china, phoneIsOffHook: { _ in nil })
        let r = tester.testLine(1, seconds: 1)
        if r.outcome != .busy { broken.append(r.text(chinese: false)) }
        try? holder.close(ChannelNumber(1))
    } catch {
        broken.append("\(error)")
    }
    out.append(("setupSaysKefudIsUsingTheBoard", broken))
    return out
}
