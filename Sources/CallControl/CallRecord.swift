import Channels
import DSP
import Records
import Telephony

/// A call's identity on the box.
public struct CallID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: CallID, b: CallID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "call-\(rawValue)" }
}

/// How a call ended.
public enum CallEnd: String, Sendable, Hashable, CaseIterable {
    /// The caller hung up and the exchange dropped loop current.
    case callerLoopCurrentDrop = "caller-loop-drop"
    /// The caller hung up and the exchange played busy tone (China) or congestion.
    case callerBusyTone = "caller-busy-tone"
    /// The agent hung up (the survey, if any, came after).
    case agentHungUp = "agent-hung-up"
    /// The caller gave up while the line was still ringing.
    case abandonedRinging = "abandoned-ringing"
    /// The line failed (alarm, error).
    case lineFailed = "line-failed"
    /// The menu hung up: a `hangup` action, or its retries were used up.
    case menuHangUp = "menu-hangup"
    /// The queue would not keep the caller (full, waited too long, no agents).
    case queueRefused = "queue-refused"
    /// The menu or queue sent the call somewhere Kefu cannot take it yet
    /// (voicemail, an outside number, a callback).
    case routeNotSupported = "route-not-supported"
    /// A supervisor hung it up from the console.
    case operatorHangUp = "operator-hangup"
    /// The caller booked a callback and hung up, keeping their place.
    case callbackBooked = "callback-booked"
    /// A callback: the called number was busy (busy or congestion tone).
    case calleeBusy = "callee-busy"
    /// A callback rang out unanswered.
    case calleeNoAnswer = "callee-no-answer"
    /// A callback did not reach anyone: the agent gave up (hung up) or the
    /// line dropped before an answer.
    case calleeNotReached = "callee-not-reached"
    /// A callback was not dialled: the number is not allowed, the hourly or
    /// daily cap is reached, or no outside line is free.
    case outboundRefused = "outbound-refused"
    /// A caller rang in on the line just as the box seized it for a callback
    /// (glare): the callback was not dialled and the caller is served.
    case glare
    /// The caller left a message in a mailbox.
    case messageLeft = "message-left"
    /// The caller was put through to an outside number (`dial`), which answered.
    case transferred
    /// The call this one was bridged to ended first.
    case otherSideHungUp = "other-side-hung-up"
    /// The caller hung up and the exchange reversed polarity (lines with
    /// `polarity_hangup`).
    case callerPolarityReversal = "caller-polarity"
    /// The line stayed quiet on a line that sends no hang-up signal (`silence_hangup`).
    case callerQuiet = "caller-quiet"
    /// The call reached its line's `max_call`: the box released it.
    case maxLength = "max-length"
    /// E1: the caller hung up and the network cleared the call (ISDN
    /// DISCONNECT; MFC/R2 clear-forward).
    case callerCleared = "caller-cleared"
    /// E1: a call offered for a number no menu serves was refused.
    case numberNotServed = "number-not-served"
}

/// Which way a call went: a caller calling in, or the box calling a caller
/// back.
public enum CallDirection: String, Sendable, Equatable {
    case inbound = "in"
    case callback
    /// The box dialled an outside number to put a caller through (a menu's `dial`).
    case transfer
}

/// What the box keeps about one call.
public struct CallRecord: Sendable, Equatable {
    public var id: CallID
    public var line: ChannelNumber
    public var callerID: CallerID?
    public var arrived: SampleTime
    public var answered: SampleTime?
    /// When the caller joined the queue (the last one, after an overflow).
    public var queued: SampleTime?
    /// The agent's phone, once an agent took the call.
    public var agent: ChannelNumber?
    /// The agent's id (the config's `[agents.ID]`).
    public var agentID: String?
    public var connected: SampleTime?
    public var ended: SampleTime?
    public var end: CallEnd?
    /// Why the line was released, with what was measured.
    public var release: ReleaseReason?
    public var recording: Bool
    /// Offers to agents that rang out or were refused before one answered.
    public var missedOffers: Int
    /// DTMF keys the caller pressed after the answer, in order.
    public var keys: String
    /// Keys detected on the line while the caller talked with an agent,
    /// where none is expected: suspects of talk-off.
    public var keysWhileTalking: Int
    /// The menus the caller went through, in order (a menu entered twice appears twice).
    public var menuPath: [String]
    /// Digits the menus collected, by their `store` names (`order_number`).
    public var data: [String: String]
    /// The language the caller heard last.
    public var language: String?
    /// The queue the caller joined (the last one, after an overflow).
    public var queue: String?
    /// The satisfaction survey: whether it was asked, and the score (nil:
    /// none given).
    public var surveyAsked: Bool
    public var surveyScore: Int?
    public var direction: CallDirection = .inbound
    /// The call this one was placed for: a callback's booking call, or the
    /// caller a transfer out was dialled for.
    public var origin: CallID?
    /// A call the box placed: the number dialled.
    public var dialled: String?
    /// E1: the number the caller dialled (DNIS), which chose the menu.
    public var called: String?
    /// MFC/R2: the calling party's category.
    public var category: String?
    /// Times the agent put the caller on hold, and for how long in all.
    public var holds = 0
    public var heldFor = SampleTime.zero
    /// Where agents passed the call on, in order (a queue, or a colleague's agent id).
    public var transfers: [String] = []
    /// Times a colleague was brought into the call (three-way).
    public var conferences = 0

    public init(id: CallID, line: ChannelNumber, arrived: SampleTime) {
        self.id = id
        self.line = line
        self.arrived = arrived
        recording = false
        missedOffers = 0
        keys = ""
        keysWhileTalking = 0
        menuPath = []
        data = [:]
        surveyAsked = false
    }
}
