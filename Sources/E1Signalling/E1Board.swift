import Channels

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
public final class E1Board: ChannelBackend {
    public let inner: ChannelBackend
    public let links: [PRILink]
    /// Each channel's link (index into `links`), by channel number; -1: none.
    private let linkIndex: [Int]
    private var pending: [FixedQueue<ChannelEvent>]

    public init(_ inner: ChannelBackend, links: [PRILink]) {
        self.inner = inner
        self.links = links
        let top = max(inner.channels.map(\.number.rawValue).max() ?? 0, links.flatMap(\.settings.bearers).map(\.rawValue).max() ?? 0) + 1
        var index = Array(repeating: -1, count: top)
        for (i, link) in links.enumerated() { for b in link.settings.bearers { index[b.rawValue] = i } }
        linkIndex = index
        pending = (0..<top).map { _ in FixedQueue(capacity: 16) }
    }

    /// Starts every link's signalling.
    public func start() { for link in links { link.start() } }
    public func stop() { for link in links { link.stop() } }

    private func link(_ c: ChannelNumber) -> PRILink? {
        c.rawValue >= 0 && c.rawValue < linkIndex.count && linkIndex[c.rawValue] >= 0 ? links[linkIndex[c.rawValue]] : nil
    }

    public var channels: [ChannelInfo] { inner.channels }
    public var blockSize: Int { inner.blockSize }
    public func open(_ c: ChannelNumber) throws(ChannelError) { try inner.open(c) }
    public func close(_ c: ChannelNumber) throws(ChannelError) { try inner.close(c) }
    public func isOpen(_ c: ChannelNumber) -> Bool { inner.isOpen(c) }
    public func read(_ c: ChannelNumber, into block: UnsafeMutableBufferPointer<Int16>) throws(ChannelError) { try inner.read(c, into: block) }
    public func write(_ c: ChannelNumber, _ block: UnsafeBufferPointer<Int16>) throws(ChannelError) { try inner.write(c, block) }
    public func setToneZone(_ zone: String) throws(ChannelError) { try inner.setToneZone(zone) }
    public func beginTick() { inner.beginTick() }
    public func endTick() { inner.endTick() }
    public func spans() -> [SpanInfo] { inner.spans() }

    public func hook(_ c: ChannelNumber, _ operation: HookOperation) throws(ChannelError) {
        guard let link = link(c) else { return try inner.hook(c, operation) }
        switch operation {
        case .offHook: link.commands.push(.answer(c))
        case .onHook: link.commands.push(.release(c, cause: TrunkClearing.normal))
        default: throw .wrongSignalling(c, operation: "\(operation)", signalling: .e1PRI)
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
