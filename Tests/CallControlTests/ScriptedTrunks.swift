import Channels
import SimChannels

/// E1 trunks for the center's tests: some of the simulated board's lines
/// behave as E1 channels whose signalling the test scripts. The network's
/// offers, answers and clearings come out of `nextEvent`; what call control
/// asks of a trunk (`hook`, `dial`) is written down instead of reaching the
/// analog line.
final class ScriptedTrunks: ChannelBackend {
    let board: SimBoard
    let trunks: Set<ChannelNumber>
    private var queued: [ChannelNumber: [ChannelEvent]] = [:]
    /// What call control asked, in order: "ch1 answer", "ch1 clear", "ch2 call 13800138000".
    private(set) var asked: [String] = []

    init(_ board: SimBoard, trunks: Set<ChannelNumber>) {
        self.board = board
        self.trunks = trunks
    }

    /// The network does something on a trunk; call control hears it at the next tick.
    func network(_ c: ChannelNumber, _ event: ChannelEvent) { queued[c, default: []].append(event) }

    var channels: [ChannelInfo] { board.channels }
    var blockSize: Int { board.blockSize }
    func open(_ c: ChannelNumber) throws(ChannelError) { try board.open(c) }
    func close(_ c: ChannelNumber) throws(ChannelError) { try board.close(c) }
    func isOpen(_ c: ChannelNumber) -> Bool { board.isOpen(c) }
    func read(_ c: ChannelNumber, into block: UnsafeMutableBufferPointer<Int16>) throws(ChannelError) { try board.read(c, into: block) }
    func write(_ c: ChannelNumber, _ block: UnsafeBufferPointer<Int16>) throws(ChannelError) { try board.write(c, block) }
    func setToneZone(_ zone: String) throws(ChannelError) { try board.setToneZone(zone) }
    func beginTick() { board.beginTick() }
    func endTick() { board.endTick() }
    func spans() -> [SpanInfo] { board.spans() }

    func hook(_ c: ChannelNumber, _ operation: HookOperation) throws(ChannelError) {
        guard trunks.contains(c) else { return try board.hook(c, operation) }
        switch operation {
        case .offHook: asked.append("\(c) answer")
        case .onHook: asked.append("\(c) clear")
        default: throw .wrongSignalling(c, operation: "\(operation)", signalling: .e1PRI)
        }
    }

    func dial(_ c: ChannelNumber, digits: String) throws(ChannelError) {
        guard trunks.contains(c) else { return try board.dial(c, digits: digits) }
        asked.append("\(c) call \(digits)")
    }

    func nextEvent(_ c: ChannelNumber) throws(ChannelError) -> ChannelEvent? {
        if trunks.contains(c), var events = queued[c], !events.isEmpty {
            let e = events.removeFirst()
            queued[c] = events
            return e
        }
        return try board.nextEvent(c)
    }
}
