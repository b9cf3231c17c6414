/// A telephony card as Kefu uses it. Implemented by `DAHDIChannels` (real
/// drivers) and `SimBoard` (the simulated board); both pass the same contract
/// suite (KefuTesting `ChannelContract`).
///
/// All calls are made from the media loop's thread, one at a time. `read`,
/// `write` and `nextEvent` must not allocate, lock, log or block.
public protocol ChannelBackend: AnyObject {
    /// The channels the board has, in number order.
    var channels: [ChannelInfo] { get }
    /// Samples per block (160 = 20 ms at 8 kHz unless configured otherwise).
    var blockSize: Int { get }

    func open(_ channel: ChannelNumber) throws(ChannelError)
    func close(_ channel: ChannelNumber) throws(ChannelError)
    func isOpen(_ channel: ChannelNumber) -> Bool

    /// Reads the next block of linear audio from the line into `block`
    /// (exactly `blockSize` samples).
    func read(_ channel: ChannelNumber, into block: UnsafeMutableBufferPointer<Int16>) throws(ChannelError)
    /// Writes one block of linear audio towards the line.
    func write(_ channel: ChannelNumber, _ block: UnsafeBufferPointer<Int16>) throws(ChannelError)

    /// Performs a hook operation; see `HookOperation` for which apply where.
    func hook(_ channel: ChannelNumber, _ operation: HookOperation) throws(ChannelError)
    /// Sends DTMF digits (0-9 * # A-D) down the channel; `.dialComplete` follows.
    func dial(_ channel: ChannelNumber, digits: String) throws(ChannelError)
    /// Selects the country tone zone (cadences for ringing, dial tone) by name, e.g. "cn".
    func setToneZone(_ zone: String) throws(ChannelError)

    /// The next pending event on a channel, oldest first, or nil.
    func nextEvent(_ channel: ChannelNumber) throws(ChannelError) -> ChannelEvent?

    /// Waits until the next block is due: DAHDI waits for the card's audio;
    /// the simulated board follows its clock and lets its far ends act.
    func beginTick()
    /// Called after every channel's block was written this tick.
    func endTick()
    /// The spans the board's channels are on, with their alarms as the board
    /// reports them now. Not for the media thread: asked at start-up.
    func spans() -> [SpanInfo]
}

extension ChannelBackend {
    /// The info of one channel.
    public func info(_ channel: ChannelNumber) -> ChannelInfo? {
        channels.first { $0.number == channel }
    }

    /// The spans as the channels name them: one per span number, named after
    /// its first channel's name up to the last '/', no alarms known.
    public func spansFromChannels() -> [SpanInfo] {
        var order: [SpanID] = []
        var count: [SpanID: Int] = [:]
        var name: [SpanID: String] = [:]
        for c in channels {
            if count[c.span] == nil {
                order.append(c.span)
                name[c.span] = c.name.lastIndex(of: "/").map { String(c.name[..<$0]) } ?? c.name
            }
            count[c.span, default: 0] += 1
        }
        return order.sorted().map { SpanInfo(span: $0, name: name[$0] ?? "", channelCount: count[$0] ?? 0) }
    }
}
