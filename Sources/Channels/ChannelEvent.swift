/// Something that happened on a channel, named by what it means to Kefu.
public enum ChannelEvent: Sendable, Hashable {
    /// FXO line: the exchange started a ring burst.
    case ringBegin
    /// FXO line: the ring burst ended.
    case ringEnd
    /// FXO line: loop current dropped — the far end (or exchange) released —
    /// with how long it was gone as the board measured it.
    case lineDisconnect(LoopDrop)
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

extension ChannelEvent {
    /// Whatever the loss of loop current measured.
    public var isLineDisconnect: Bool {
        if case .lineDisconnect = self { return true }
        return false
    }
}

/// A loss of loop current on an FXO line as the board saw it. A board that
/// watches the loop (the simulated board with `LoopTiming`) reports the
/// loss when the current comes back (an open-loop disconnect pulse) or once
/// it has been gone for its window, and says how long it was gone; DAHDI
/// reports the loss after the card's own debounce and does not say how
/// long, so the figure is absent there.
public struct LoopDrop: Sendable, Hashable {
    /// Milliseconds the current was gone when reported; 0: not measured.
    public var measuredMilliseconds: Int32
    /// The current came back before the report (a disconnect pulse), rather
    /// than still being gone when the window closed.
    public var restored: Bool

    public init(milliseconds: Int32, restored: Bool) {
        measuredMilliseconds = milliseconds
        self.restored = restored
    }

    /// A loss the board reported without measuring it.
    public static let unmeasured = LoopDrop(milliseconds: 0, restored: false)

    /// How long the current was gone, if the board measured it.
    public var milliseconds: Int? { measuredMilliseconds > 0 ? Int(measuredMilliseconds) : nil }
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
