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
    /// E1 trunk: the network offers a call on this bearer channel (ISDN
    /// SETUP; MFC/R2 seizure once the digits are in), with its numbers.
    /// `.offHook` answers it, `.onHook` refuses or clears it.
    case incomingCall(TrunkCall)
    /// E1 trunk, a call Kefu placed (`dial`): the called party is being alerted.
    case farEndRinging
    /// E1 trunk, a call Kefu placed: the called party answered.
    case farEndAnswered
    /// E1 trunk: the far end cleared the call (ISDN DISCONNECT/RELEASE;
    /// MFC/R2 clear-forward or clear-back), or a call Kefu placed failed.
    case farEndCleared(TrunkClearing)
}

/// The numbers of a call offered on an E1 trunk.
public struct TrunkCall: Sendable, Hashable {
    /// The calling number (ANI); empty when the network sent none.
    public var calling: String
    /// The called number (DNIS): which hotline the caller dialled.
    public var called: String
    /// MFC/R2: the calling party's category (e.g. "national-subscriber"); nil on ISDN.
    public var category: String?

    public init(calling: String, called: String, category: String? = nil) {
        self.calling = calling
        self.called = called
        self.category = category
    }
}

/// Why an E1 call was cleared, as the signalling said it: a Q.850 cause
/// (ISDN; MFC/R2's clearing mapped to the nearest cause) and its name.
public struct TrunkClearing: Sendable, Hashable {
    public var cause: Int
    public var text: String

    public init(cause: Int, text: String) {
        self.cause = cause
        self.text = text
    }

    /// Q.850 16: normal call clearing.
    public static let normal = 16
    /// Q.850 17: user busy.
    public static let userBusy = 17
    /// Q.850 18 and 19: no user responding, no answer.
    public static let noAnswer: Set<Int> = [18, 19]
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
