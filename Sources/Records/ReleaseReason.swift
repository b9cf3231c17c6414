/// Why the box released a call's line, as a kind a program can count and
/// the figures measured when it was decided: the exchange's busy tone with
/// its measured frequency and cadence, how long loop current was gone, the
/// timeout that ran out, who hung up from the console.
public struct ReleaseReason: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        // The caller's line signalled it.
        /// Busy or congestion tone (`detail` names which): frequency, burst/gap, bursts seen.
        case busyTone = "busy-tone"
        /// Loop current gone (`milliseconds`; `detail` "restored" for a disconnect pulse).
        case loopDrop = "loop-drop"
        /// The exchange reversed polarity during the call.
        case polarityReversal = "polarity-reversal"
        /// The line stayed quiet (`milliseconds`) on a line learned to send no
        /// hang-up signal (`silence_hangup`).
        case quietLine = "quiet-line"
        /// The line stopped ringing before the answer (`milliseconds` since the last ring).
        case ringingStopped = "ringing-stopped"
        /// Nothing came from the caller while the box waited (`detail`: menu,
        /// survey, message; `milliseconds` each wait, `count` waits) — the
        /// mark of a hang-up signal the box missed.
        case timeout
        /// The call reached the line's longest call (`milliseconds`).
        case maxLength = "max-length"
        /// E1: the network cleared the call (`count`: the Q.850 cause, `detail` its name).
        case networkClear = "network-clear"
        // The agent.
        /// The agent hung up first; the box then released the line.
        case agentHungUp = "agent-hung-up"
        // The box.
        /// The menus ended the call (`detail`: the menu).
        case menuEnded = "menu-ended"
        /// The survey was answered and thanked.
        case surveyEnded = "survey-ended"
        /// The caller ended their message with `#`.
        case messageEnded = "message-ended"
        /// The queue would not keep the caller (`detail`: why).
        case queueRefused = "queue-refused"
        /// A callback was booked and the caller said goodbye to.
        case callbackBooked = "callback-booked"
        /// A callback or a call put through did not reach anyone (`detail`: how).
        case callFailed = "call-failed"
        /// The caller was put through to an outside number, and that call ended.
        case transferredOut = "transferred-out"
        /// The call bridged to this one ended (`detail`: that call).
        case otherCallEnded = "other-call-ended"
        /// An operator hung it up from the console (`by`).
        case operatorHangUp = "operator-hangup"
        /// E1: the called number (`detail`) leads to no menu; the call was refused.
        case numberNotServed = "number-not-served"
        // The box's own state.
        /// The span went into alarm (`detail`: the alarms).
        case spanAlarm = "span-alarm"
        /// The line failed (`detail`: the error).
        case lineError = "line-error"
        /// kefud stopped with the call in progress.
        case shutdown
        /// kefud stopped without shutting down (found at the next start).
        case interrupted

        /// Who ended the call: the caller's line, the agent, the box, or the box's state.
        public var side: Side {
            switch self {
            case .busyTone, .loopDrop, .polarityReversal, .quietLine, .ringingStopped, .timeout, .maxLength, .networkClear: .line
            case .agentHungUp: .agent
            case .spanAlarm, .lineError, .shutdown, .interrupted: .system
            default: .box
            }
        }

        /// A hang-up signal the box may have missed: the call ended by waiting.
        public var suggestsMissedHangUp: Bool { self == .timeout || self == .maxLength }
    }

    public enum Side: String, Sendable {
        case line, agent, box, system
    }

    public var kind: Kind
    /// Measured frequency in Hz (tones).
    public var hertz: Int?
    /// Measured burst and gap, in ms (tones).
    public var onMilliseconds: Int?
    public var offMilliseconds: Int?
    /// Bursts seen before deciding (tones), or waits that ran out (timeouts).
    public var count: Int?
    /// A length in ms: loop current gone, a wait, the longest call.
    public var milliseconds: Int?
    /// Which tone, stage, menu, reason or alarm.
    public var detail: String?
    /// The operator who hung up.
    public var by: String?

    public init(_ kind: Kind, detail: String? = nil, milliseconds: Int? = nil, count: Int? = nil, by: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.milliseconds = milliseconds
        self.count = count
        self.by = by
    }

    /// A tone as the detector measured it.
    public static func tone(_ name: String, hertz: Int, on: Int, off: Int, cycles: Int) -> ReleaseReason {
        var r = ReleaseReason(.busyTone, detail: name, count: cycles)
        r.hertz = hertz
        r.onMilliseconds = on
        r.offMilliseconds = off
        return r
    }
}
