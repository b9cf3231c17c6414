#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
import Channels

/// What the DAHDI drivers have configured, as `dahdi_scan` would show it.
public enum DAHDIDiscovery {
    /// Every configured channel with a signalling Kefu serves, in number order.
    /// Asks DAHDI's control device, so channels already open (by Kefu or
    /// another program) are listed too and none is opened: opening a channel
    /// counts as a hang-up to DAHDI. Throws a clear error when DAHDI is not there.
    public static func channels(maximum: Int = 256) throws(ChannelError) -> [ChannelInfo] {
        let control = try DAHDIDevice.openControlDevice()
        defer { control.close() }
        var found: [ChannelInfo] = []
        for n in 1...maximum {
            var params = dahdi_params()
            params.channo = Int32(n)
            guard case .done? = try? control.control(CDAHDI_GET_PARAMS, &params, "DAHDI_GET_PARAMS"),
                  let signalling = DAHDIEventMap.signalling(sigtype: params.sigtype) else { continue }
            let name = withUnsafeBytes(of: params.name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            found.append(ChannelInfo(number: ChannelNumber(n), span: SpanID(Int(params.spanno)),
                                     signalling: signalling, name: name))
        }
        return found
    }

    /// The spans of the given channels as DAHDI_SPANSTAT reports them now:
    /// number, name, channel count, alarms and line settings. A span the driver no longer
    /// has is reported with the red alarm and the name "gone".
    public static func spans(of channels: [ChannelInfo]) throws(ChannelError) -> [SpanInfo] {
        let d = try DAHDIDevice.openControlDevice()
        defer { d.close() }
        var out: [SpanInfo] = []
        for span in Set(channels.map(\.span)).sorted() {
            let count = channels.filter { $0.span == span }.count
            var info = dahdi_spaninfo()
            info.spanno = Int32(span.rawValue)
            guard case .done? = try? d.control(CDAHDI_SPANSTAT, &info, "DAHDI_SPANSTAT") else {
                out.append(SpanInfo(span: span, name: "gone", channelCount: count, alarms: .red))
                continue
            }
            let name = withUnsafeBytes(of: info.name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            out.append(SpanInfo(span: span, name: name, channelCount: Int(info.totalchans),
                                alarms: info.alarms == 0 ? [] : DAHDIEventMap.alarmSet(info.alarms),
                                line: DAHDISpanLine.line(info.lineconfig)))
        }
        return out
    }
}
