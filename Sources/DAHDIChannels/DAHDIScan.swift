#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
import Channels

/// Every span and channel the DAHDI drivers have, configured or not, as
/// `dahdi_scan` shows them: for `kefu setup`, which decides how to configure
/// them. Asks /dev/dahdi/ctl only, so no channel is opened or disturbed.
public enum DAHDIScan {
    /// One span as DAHDI_SPANSTAT reports it.
    public struct Span: Sendable, Equatable {
        public var number: Int
        public var name: String
        public var description: String
        /// The driver's span type ("FXS", "FXO", "ANALO" for mixed analog,
        /// "E1", "T1", "J1", "NT", "TE"; empty or "DYNAM" for dynamic spans).
        public var type: String
        public var alarms: AlarmSet
        public var totalChannels: Int
        /// The driver's manufacturer and device type, when it says.
        public var device: String
        public var channels: [Channel]

        public init(number: Int, name: String, description: String, type: String, alarms: AlarmSet = [],
                    totalChannels: Int, device: String = "", channels: [Channel]) {
            self.number = number; self.name = name; self.description = description; self.type = type
            self.alarms = alarms; self.totalChannels = totalChannels; self.device = device; self.channels = channels
        }
    }

    /// One channel as DAHDI_GET_PARAMS reports it.
    public struct Channel: Sendable, Equatable {
        public var number: Int
        public var position: Int
        public var name: String
        /// The port can take FXS signalling (`fxsks`): it has an FXO module, towards the exchange.
        public var takesFXSSignalling: Bool
        /// The port can take FXO signalling (`fxoks`): it has an FXS module, towards a phone.
        public var takesFXOSignalling: Bool
        /// What the channel is configured as now (system.conf), if Kefu serves it.
        public var configured: Signalling?
        /// Configured with a signalling Kefu does not serve (e.g. a D channel): its DAHDI sigtype.
        public var otherSigtype: Int32

        public init(number: Int, position: Int, name: String, takesFXSSignalling: Bool, takesFXOSignalling: Bool,
                    configured: Signalling? = nil, otherSigtype: Int32 = 0) {
            self.number = number; self.position = position; self.name = name
            self.takesFXSSignalling = takesFXSSignalling; self.takesFXOSignalling = takesFXOSignalling
            self.configured = configured; self.otherSigtype = otherSigtype
        }
    }

    /// Every span with its channels, in span order. Throws when DAHDI is not there.
    public static func scan(maximumSpans: Int32 = 128, maximumChannels: Int32 = 1024) throws(ChannelError) -> [Span] {
        let control = try DAHDIDevice.openControlDevice()
        defer { control.close() }
        var spans: [Span] = []
        for n in 1...maximumSpans {
            guard let info = control.spanStatus(n) else { continue }
            let manufacturer = text(info.manufacturer), device = text(info.devicetype)
            spans.append(Span(number: Int(n), name: text(info.name), description: text(info.desc), type: text(info.spantype),
                              alarms: info.alarms == 0 ? [] : DAHDIEventMap.alarmSet(info.alarms),
                              totalChannels: Int(info.totalchans),
                              device: [manufacturer, device].filter { !$0.isEmpty }.joined(separator: " "), channels: []))
        }
        guard !spans.isEmpty else { return [] }
        var remaining = spans.reduce(0) { $0 + $1.totalChannels }
        var channel: Int32 = 1
        while remaining > 0 && channel <= maximumChannels {
            defer { channel += 1 }
            guard let p = control.channelParameters(channel),
                  let index = spans.firstIndex(where: { $0.number == Int(p.spanno) }) else { continue }
            remaining -= 1
            let caps = p.sigcap
            let configured = DAHDIEventMap.signalling(sigtype: p.sigtype)
            spans[index].channels.append(Channel(
                number: Int(channel), position: Int(p.chanpos), name: text(p.name),
                takesFXSSignalling: caps & CDAHDI_SIG_FXSKS == CDAHDI_SIG_FXSKS,
                takesFXOSignalling: caps & CDAHDI_SIG_FXOKS == CDAHDI_SIG_FXOKS,
                configured: configured, otherSigtype: configured == nil ? p.sigtype : 0))
        }
        return spans
    }

    private static func text<T>(_ field: T) -> String {
        withUnsafeBytes(of: field) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
