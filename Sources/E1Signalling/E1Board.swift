#if canImport(Glibc)
import Glibc
#endif
import Channels

/// What `E1Board` needs of a span's signalling: its rings to and from the
/// media thread, and its thread.
public protocol E1Link: AnyObject, Sendable {
    var commands: SPSCRing<E1Command> { get }
    var events: SPSCRing<StampedChannelEvent> { get }
    func start()
    func stop()
}

extension PRILink: E1Link {}
extension R2Link: E1Link {}

/// A board whose E1 channels are signalled by E1 links: the channels,
/// audio, alarms and analog signalling are the wrapped board's; on a channel
/// of a link, `hook` and `dial` become call commands and the link's call
/// events come out of `nextEvent`.
///
/// On an E1 channel: `.offHook` answers the offered call, `.onHook` refuses
/// or clears it (Q.850 cause 16), and `dial(number)` places a call to the
/// number on that channel. Runs on the media thread like any board:
/// commands and events cross to the links through their fixed rings; the
/// per-channel event queues are sized once.
///
/// PRI B channels are the wrapped board's channels. An MFC/R2 timeslot is
/// not: its R2 link's openr2 holds the DAHDI descriptor, and its speech is
/// read from and written to the link's sample rings (`read` gives silence
/// while none is there; the media loop makes no system call for it).
public final class E1Board: ChannelBackend {
    public let inner: ChannelBackend
    public let links: [PRILink]
    public let r2Links: [R2Link]
    private let all: [any E1Link]
    /// Each channel's link (index into `all`), by channel number; -1: none.
    private let linkIndex: [Int]
    private var pending: [FixedQueue<ChannelEvent>]
    /// R2 timeslots: their rings (nil for other channels) and whether call control opened them.
    private let received: [SampleRing?]
    private let sent: [SampleRing?]
    private var r2Open: [Bool]
    private let r2Channels: [ChannelNumber]
    private var innerOpen = 0

    public init(_ inner: ChannelBackend, links: [PRILink], r2Links: [R2Link] = []) {
        self.inner = inner
        self.links = links
        self.r2Links = r2Links
        all = links + r2Links
        let bearers = links.flatMap(\.settings.bearers) + r2Links.flatMap(\.settings.bearers)
        let top = max(inner.channels.map(\.number.rawValue).max() ?? 0, bearers.map(\.rawValue).max() ?? 0) + 1
        var index = Array(repeating: -1, count: top)
        for (i, link) in links.enumerated() { for b in link.settings.bearers { index[b.rawValue] = i } }
        var received = [SampleRing?](repeating: nil, count: top), sent = [SampleRing?](repeating: nil, count: top)
        for (i, link) in r2Links.enumerated() {
            for (k, b) in link.settings.bearers.enumerated() {
                index[b.rawValue] = links.count + i
                received[b.rawValue] = link.received[k]
                sent[b.rawValue] = link.sent[k]
            }
        }
        linkIndex = index
        self.received = received
        self.sent = sent
        r2Open = Array(repeating: false, count: top)
        r2Channels = r2Links.flatMap(\.settings.bearers)
        pending = (0..<top).map { _ in FixedQueue(capacity: 16) }
    }

    /// Starts every link's signalling.
    public func start() { for link in all { link.start() } }
    public func stop() { for link in all { link.stop() } }

    private func link(_ c: ChannelNumber) -> (any E1Link)? {
        c.rawValue >= 0 && c.rawValue < linkIndex.count && linkIndex[c.rawValue] >= 0 ? all[linkIndex[c.rawValue]] : nil
    }

    private func rings(_ c: ChannelNumber) -> (received: SampleRing, sent: SampleRing)? {
        guard c.rawValue >= 0 && c.rawValue < received.count, let r = received[c.rawValue], let s = sent[c.rawValue] else { return nil }
        return (r, s)
    }

    public var channels: [ChannelInfo] { inner.channels }
    public var blockSize: Int { inner.blockSize }

    public func open(_ c: ChannelNumber) throws(ChannelError) {
        guard rings(c) != nil else {
            try inner.open(c)
            innerOpen += 1
            return
        }
        guard !r2Open[c.rawValue] else { throw .alreadyOpen(c) }
        r2Open[c.rawValue] = true
    }

    public func close(_ c: ChannelNumber) throws(ChannelError) {
        guard rings(c) != nil else {
            try inner.close(c)
            innerOpen -= 1
            return
        }
        guard r2Open[c.rawValue] else { throw .notOpen(c) }
        r2Open[c.rawValue] = false
    }

    public func isOpen(_ c: ChannelNumber) -> Bool { rings(c) != nil ? r2Open[c.rawValue] : inner.isOpen(c) }

    public func read(_ c: ChannelNumber, into block: UnsafeMutableBufferPointer<Int16>) throws(ChannelError) {
        guard let (received, _) = rings(c) else { return try inner.read(c, into: block) }
        guard r2Open[c.rawValue] else { throw .notOpen(c) }
        // Keep at most three blocks of delay: a media loop behind the E1 clock drops the oldest.
        received.trim(to: 3 * block.count)
        let n = received.read(into: block)
        if n < block.count { (block.baseAddress! + n).update(repeating: 0, count: block.count - n) }
    }

    public func write(_ c: ChannelNumber, _ block: UnsafeBufferPointer<Int16>) throws(ChannelError) {
        guard let (_, sent) = rings(c) else { return try inner.write(c, block) }
        guard r2Open[c.rawValue] else { throw .notOpen(c) }
        sent.write(block)
    }

    public func setToneZone(_ zone: String) throws(ChannelError) { try inner.setToneZone(zone) }

    /// The wrapped board paces the tick when it has channels open; a board of
    /// R2 timeslots alone is paced by their speech (the E1's clock): the tick
    /// starts once the fullest open timeslot holds two blocks, or after 20 ms
    /// while none holds any (40 ms while one holds less than two). Two, not
    /// one: timeslots whose speech arrives out of step would each start a
    /// tick on their own block, running the loop faster than the E1 and
    /// leaving the others' reads short; with a block in hand the loop ticks
    /// once per block of the fullest and every timeslot has its block.
    public func beginTick() {
        guard innerOpen == 0, !r2Channels.isEmpty else { return inner.beginTick() }
        let block = inner.blockSize
        for step in 1...20 {
            var most = 0
            for c in r2Channels where r2Open[c.rawValue] { most = max(most, received[c.rawValue]!.count) }
            if most >= 2 * block || (most == 0 && step > 10) { return }
            usleep(2_000)
        }
    }
    public func endTick() { inner.endTick() }
    public func spans() -> [SpanInfo] { inner.spans() }

    public func hook(_ c: ChannelNumber, _ operation: HookOperation) throws(ChannelError) {
        guard let link = link(c) else { return try inner.hook(c, operation) }
        switch operation {
        case .offHook: link.commands.push(.answer(c))
        case .onHook: link.commands.push(.release(c, cause: TrunkClearing.normal))
        default: throw .wrongSignalling(c, operation: "\(operation)", signalling: rings(c) == nil ? .e1PRI : .e1CAS)
        }
    }

    public func dial(_ c: ChannelNumber, digits: String) throws(ChannelError) {
        guard let link = link(c) else { return try inner.dial(c, digits: digits) }
        guard !digits.isEmpty, digits.count <= 30, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .invalidDigits(c, digits) }
        link.commands.push(.call(c, number: digits))
    }

    public func nextEvent(_ c: ChannelNumber) throws(ChannelError) -> ChannelEvent? {
        if let link = link(c) {
            while let e = link.events.pop() { guard e.channel.rawValue < pending.count else { continue }; pending[e.channel.rawValue].push(e.event) }
            if let e = pending[c.rawValue].pop() { return e }
        }
        return try inner.nextEvent(c)
    }
}
