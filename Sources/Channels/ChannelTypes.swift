/// A channel's number on the box (DAHDI numbers channels from 1 across spans).
public struct ChannelNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: ChannelNumber, b: ChannelNumber) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "ch\(rawValue)" }
}

/// A span (a card's port group: four analog ports, one E1, ...).
public struct SpanID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: SpanID, b: SpanID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "span\(rawValue)" }
}

/// What sits on the other end of a channel, and so how it signals.
///
/// DAHDI names signalling after the far end: Kefu's FXO port (towards the
/// exchange) is configured `fxsks`, its FXS port (towards a phone) `fxoks`.
/// These cases are named by Kefu's side of the wire.
public enum Signalling: String, Sendable, Hashable, CaseIterable {
    /// An analog line from the exchange on an FXO port (kewlstart; DAHDI `fxsks`).
    case fxoLine = "fxo"
    /// An agent's analog phone on an FXS port (kewlstart; DAHDI `fxoks`).
    case fxsPhone = "fxs"
    /// An E1 timeslot with channel-associated signalling (MFC/R2).
    case e1CAS = "e1-cas"
    /// An E1 bearer channel under ISDN PRI.
    case e1PRI = "e1-pri"

    /// DAHDI's name for this signalling in system.conf.
    public var dahdiName: String {
        switch self {
        case .fxoLine: return "fxsks"
        case .fxsPhone: return "fxoks"
        case .e1CAS: return "cas"
        case .e1PRI: return "bchan"
        }
    }
}

/// How audio crosses the channel between the driver and Kefu.
public enum AudioMode: Sendable, Hashable {
    /// Signed 16-bit linear samples (DAHDI_SETLINEAR on).
    case linear
    /// G.711 bytes as the line carries them; converted by the caller.
    case alaw
    case ulaw
}

/// Hook-switch operations Kefu performs on a channel.
public enum HookOperation: Sendable, Hashable {
    /// FXO line: seize / answer (draw loop current). FXS port: answer
    /// supervision towards the phone (a later onHook is a disconnect).
    case offHook
    /// FXO line: release. FXS port: stop any ringing and idle.
    case onHook
    /// FXO line: a timed hook flash towards the exchange.
    case flash
    /// FXS port: start ringing the phone with the tone zone's cadence.
    case ringStart
    /// FXS port: stop ringing.
    case ringStop
}

/// Alarms a span can raise (DAHDI_ALARM_*).
public struct AlarmSet: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let red = AlarmSet(rawValue: 1)
    public static let yellow = AlarmSet(rawValue: 2)
    public static let blue = AlarmSet(rawValue: 4)
    public static let loopback = AlarmSet(rawValue: 8)
    public static let notOpen = AlarmSet(rawValue: 16)

    /// The alarms by name, most serious first ("red", "yellow", ...); empty when none.
    public var names: [String] {
        [(AlarmSet.red, "red"), (.blue, "blue"), (.yellow, "yellow"), (.loopback, "loopback"), (.notOpen, "not-open")]
            .filter { contains($0.0) }.map(\.1)
    }
}

/// One span of the board: its number, the driver's name for it, how many
/// channels it has, its alarms when the board was asked, and for a digital
/// span the line settings the driver runs it with.
public struct SpanInfo: Sendable, Hashable {
    public var span: SpanID
    public var name: String
    public var channelCount: Int
    public var alarms: AlarmSet
    /// nil: the driver reports none (an analog or dynamic span, or a digital
    /// span without a `span=` line).
    public var line: SpanLine?

    public init(span: SpanID, name: String, channelCount: Int, alarms: AlarmSet = [], line: SpanLine? = nil) {
        self.span = span
        self.name = name
        self.channelCount = channelCount
        self.alarms = alarms
        self.line = line
    }
}

/// A digital span's framing, line code and CRC-4 as the driver runs it,
/// named as in the config ("ccs/hdb3/crc4").
public struct SpanLine: Sendable, Hashable, CustomStringConvertible {
    /// "cas" or "ccs" on an E1; "d4" or "esf" on a T1.
    public var framing: String
    /// "hdb3" or "ami" on an E1; "b8zs" or "ami" on a T1.
    public var lineCode: String
    public var crc4: Bool

    public init(framing: String, lineCode: String, crc4: Bool) {
        self.framing = framing
        self.lineCode = lineCode
        self.crc4 = crc4
    }

    public var description: String { "\(framing)/\(lineCode)\(crc4 ? "/crc4" : "")" }
}

/// What the backend knows about one channel.
public struct ChannelInfo: Sendable, Hashable {
    public var number: ChannelNumber
    public var span: SpanID
    public var signalling: Signalling
    public var name: String

    public init(number: ChannelNumber, span: SpanID, signalling: Signalling, name: String) {
        self.number = number
        self.span = span
        self.signalling = signalling
        self.name = name
    }
}
