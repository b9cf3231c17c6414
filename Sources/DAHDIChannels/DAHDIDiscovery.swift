#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
import Channels

/// What the DAHDI drivers have configured, as `dahdi_scan` would show it.
public enum DAHDIDiscovery {
    /// Every configured channel with a signalling Kefu serves, in number order.
    /// Throws a clear error when DAHDI is not there.
    public static func channels(maximum: Int = 256) throws(ChannelError) -> [ChannelInfo] {
        let d = try DAHDIDevice.openChannelDevice(for: nil)
        d.close()
        var found: [ChannelInfo] = []
        for n in 1...maximum {
            let probe = try DAHDIDevice.openChannelDevice(for: ChannelNumber(n))
            defer { probe.close() }
            guard (try? probe.control(CDAHDI_SPECIFY, int: Int32(n), "DAHDI_SPECIFY")) != nil else {
                if n > 1, found.isEmpty == false { break } else { continue }
            }
            var params = dahdi_params()
            params.channo = Int32(n)
            guard case .done? = try? probe.control(CDAHDI_GET_PARAMS, &params, "DAHDI_GET_PARAMS"),
                  let signalling = DAHDIEventMap.signalling(sigtype: params.sigtype) else { continue }
            let name = withUnsafeBytes(of: params.name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            found.append(ChannelInfo(number: ChannelNumber(n), span: SpanID(Int(params.spanno)),
                                     signalling: signalling, name: name))
        }
        return found
    }
}
