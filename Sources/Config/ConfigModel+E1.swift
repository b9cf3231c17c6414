/// An E1 line group's span settings: how the E1 is framed and signalled,
/// and which called numbers (DNIS) lead to which menu.
///
/// Framing, line code and CRC-4 are what DAHDI's system.conf gives the span
/// (`span=` line); Kefu checks they agree with the signalling and shows them
/// on the console. The signalling settings (`d_channel`, `switch_type`,
/// `pri_side`, `r2_variant`, digit counts) are Kefu's own.
public struct E1Settings: Sendable, Equatable {
    public enum Framing: String, Sendable, Equatable, CaseIterable {
        /// Channel-associated signalling (timeslot 16 carries the ABCD bits): MFC/R2.
        case cas
        /// Common-channel signalling (timeslot 16 is the D channel): ISDN PRI.
        case ccs
    }

    public enum LineCode: String, Sendable, Equatable, CaseIterable {
        case hdb3, ami
    }

    /// ISDN PRI variants Kefu offers (libpri's switch types).
    public enum SwitchType: String, Sendable, Equatable, CaseIterable {
        case euroisdn, qsig
    }

    /// Which end of the ISDN link Kefu plays.
    public enum PRISide: String, Sendable, Equatable, CaseIterable {
        /// User side: the exchange is the network (the usual case).
        case cpe
        /// Network side (a PBX that expects Kefu to be the network).
        case network
    }

    /// MFC/R2 variants Kefu offers (openr2's country codes).
    public enum R2Variant: String, Sendable, Equatable, CaseIterable {
        /// China Number 1 signalling (中国一号信令).
        case cn
    }

    public var framing: Framing
    public var lineCode: LineCode = .hdb3
    public var crc4 = true
    /// PRI: the DAHDI channel number of the D channel (timeslot 16 of the span).
    public var dChannel: Located<Int>?
    public var switchType: SwitchType = .euroisdn
    public var priSide: PRISide = .cpe
    public var r2Variant: R2Variant = .cn
    /// R2: how many DNIS digits to ask for before the call is offered.
    public var dnisDigits = 4
    /// R2: the most ANI digits to ask for (0: neither category nor ANI is asked for).
    public var aniDigits = 20
    /// R2: an openr2 advanced protocol file (timers, which group A signal
    /// asks for what) loaded over the variant, for exchanges that differ.
    public var r2ProtocolFile: Located<String>?
    /// Log the signalling in detail (PRI: Q.921 states and every Q.931
    /// message decoded), for installers bringing a span up.
    public var logFrames = false
    /// The calling number Kefu sends on the calls it places (callbacks); nil: none.
    public var ownNumber: Located<String>?
    /// Called number (DNIS) → menu; a number not listed goes to the group's `menu`.
    public var dnisMenus: [DNISMenu] = []

    public init(framing: Framing) { self.framing = framing }

    /// The menu a called number leads to (nil: the group's own `menu`).
    public func menu(forDNIS dnis: String) -> String? {
        dnisMenus.first { $0.number == dnis }?.menu.value
    }
}

/// One hotline number on an E1: calls to `number` start in `menu`.
public struct DNISMenu: Sendable, Equatable {
    public var number: String
    public var menu: Located<String>
    public var line: Int

    public init(number: String, menu: Located<String>, line: Int) {
        self.number = number
        self.menu = menu
        self.line = line
    }
}
