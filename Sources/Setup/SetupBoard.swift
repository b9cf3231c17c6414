import Channels
import DAHDIChannels
import SimChannels

/// What a port is, as far as the board can tell.
public enum PortKind: String, Sendable, Equatable, Codable {
    /// An FXO module: a line from the exchange plugs in here (DAHDI `fxsks`).
    case line = "fxo"
    /// An FXS module: an agent's phone plugs in here (DAHDI `fxoks`).
    case phone = "fxs"
    /// The port takes either signalling (dynamic spans such as the virtual
    /// board's `loc` spans): the board cannot tell; the configuration or the installer must.
    case either
    /// A timeslot of an E1/T1 span: its lines come from kefu.toml's E1 line groups.
    case digital
    /// No module in this position.
    case empty
}

/// One port of a detected board.
public struct DetectedPort: Sendable, Equatable {
    public var channel: Int
    public var span: Int
    public var name: String
    public var kind: PortKind
    /// What it is configured as now (DAHDI's system.conf, or the simulated board), if known.
    public var configured: Signalling?

    public init(channel: Int, span: Int, name: String, kind: PortKind, configured: Signalling? = nil) {
        self.channel = channel; self.span = span; self.name = name; self.kind = kind; self.configured = configured
    }

    /// What this port will be: FXO line or FXS phone port, when the board or its configuration says.
    public var knownRole: PortKind? {
        switch kind {
        case .line, .phone: return kind
        case .either:
            switch configured {
            case .fxoLine?: return .line
            case .fxsPhone?: return .phone
            default: return nil
            }
        case .digital, .empty: return nil
        }
    }
}

/// One span of a detected board.
public struct DetectedSpan: Sendable, Equatable {
    public var number: Int
    public var name: String
    public var description: String
    /// "analog", "E1", "T1", "dynamic", … as the driver says.
    public var type: String
    public var alarms: [String]
    public var channelCount: Int
    public var ports: [DetectedPort]

    public init(number: Int, name: String, description: String, type: String, alarms: [String] = [], channelCount: Int, ports: [DetectedPort]) {
        self.number = number; self.name = name; self.description = description; self.type = type
        self.alarms = alarms; self.channelCount = channelCount; self.ports = ports
    }

    public var isDigital: Bool { ports.contains { $0.kind == .digital } }
}

/// The board `kefu setup` found: DAHDI's spans and ports, or the simulated board's.
public struct DetectedBoard: Sendable, Equatable {
    public var board: String
    public var spans: [DetectedSpan]

    public init(board: String, spans: [DetectedSpan]) {
        self.board = board
        self.spans = spans
    }

    public var ports: [DetectedPort] { spans.flatMap(\.ports) }
    public func port(_ channel: Int) -> DetectedPort? { ports.first { $0.channel == channel } }
}

/// How the board is found: DAHDI's control device, or the simulated board.
public enum BoardDetection {
    /// Span types DAHDI gives digital spans (5 characters at most).
    static let digitalTypes: Set<String> = ["E1", "T1", "J1", "NT", "TE", "BRI_S"]

    /// What a DAHDI channel is, from its span's type, its signalling
    /// capabilities and its configuration.
    public static func kind(spanType: String, channel c: DAHDIScan.Channel) -> PortKind {
        if digitalTypes.contains(spanType) { return .digital }
        if c.configured == .e1CAS || c.configured == .e1PRI || c.otherSigtype != 0 { return .digital }
        switch (c.takesFXSSignalling, c.takesFXOSignalling) {
        case (true, false): return .line
        case (false, true): return .phone
        case (true, true): return .either
        case (false, false): return .empty
        }
    }

    /// The words for a span's type.
    static func typeName(_ type: String) -> String {
        switch type {
        case "FXS", "FXO": return "analog"
        case "ANALO": return "analog"
        case "", "DYNAM": return "dynamic"
        default: return type
        }
    }

    /// The board as DAHDI's scan found it.
    public static func board(from spans: [DAHDIScan.Span]) -> DetectedBoard {
        DetectedBoard(board: "dahdi", spans: spans.map { s in
            DetectedSpan(number: s.number, name: s.name, description: s.description, type: typeName(s.type),
                         alarms: s.alarms.names, channelCount: s.totalChannels,
                         ports: s.channels.map { c in
                             DetectedPort(channel: c.number, span: s.number, name: c.name, kind: kind(spanType: s.type, channel: c),
                                          configured: c.configured)
                         })
        })
    }

    /// Scans DAHDI (/dev/dahdi/ctl).
    public static func dahdi() throws(ChannelError) -> DetectedBoard {
        board(from: try DAHDIScan.scan())
    }

    /// The simulated board's ports: its FXO lines on span 1, FXS ports on span 2.
    public static func simulated(_ board: SimBoard) -> DetectedBoard {
        let spans = board.spans()
        return DetectedBoard(board: "sim", spans: spans.map { span in
            DetectedSpan(number: span.span.rawValue, name: span.name, description: "Kefu simulated board",
                         type: "simulated", alarms: span.alarms.names, channelCount: span.channelCount,
                         ports: board.channels.filter { $0.span == span.span }.map { c in
                             DetectedPort(channel: c.number.rawValue, span: c.span.rawValue, name: c.name,
                                          kind: c.signalling == .fxoLine ? .line : .phone, configured: c.signalling)
                         })
        })
    }
}
