/// Something that happened on a channel, named by what it means to Kefu.
public enum ChannelEvent: Sendable, Hashable {
    /// FXO line: the exchange started a ring burst.
    case ringBegin
    /// FXO line: the ring burst ended.
    case ringEnd
    /// FXO line: loop current dropped — the far end (or exchange) released.
    case lineDisconnect
    /// FXO line: the exchange reversed polarity (answer or release supervision on some lines).
    case polarityReversal
    /// FXS port: the phone went off hook (answers ringing, or starts a call).
    case phoneOffHook
    /// FXS port: the phone went on hook.
    case phoneOnHook
    /// FXS port: the hook switch was flashed.
    case flash
    /// The digits given to `dial` have all been sent.
    case dialComplete
    /// The span this channel is on went into alarm.
    case alarm(AlarmSet)
    /// The span's alarm cleared.
    case alarmCleared
}

/// An event with the channel it happened on, as carried between threads.
public struct StampedChannelEvent: Sendable, Hashable {
    public var channel: ChannelNumber
    public var event: ChannelEvent
    public init(channel: ChannelNumber, event: ChannelEvent) {
        self.channel = channel
        self.event = event
    }
}
