import CDAHDI
import Channels

/// A span's `dahdi_spaninfo.lineconfig` bits as the config names them.
public enum DAHDISpanLine {
    /// nil when the bits name no framing or line code (an analog or dynamic
    /// span, or one `dahdi_cfg` was given no `span=` line for). E1 unless
    /// the bits say D4, ESF or B8ZS (T1).
    public static func line(_ config: Int32) -> SpanLine? {
        func has(_ bit: Int32) -> Bool { config & bit != 0 }
        let t1 = has(CDAHDI_CONFIG_D4) || has(CDAHDI_CONFIG_ESF) || has(CDAHDI_CONFIG_B8ZS)
        let coded = has(CDAHDI_CONFIG_HDB3) || has(CDAHDI_CONFIG_AMI) || has(CDAHDI_CONFIG_B8ZS)
        guard coded || has(CDAHDI_CONFIG_D4) || has(CDAHDI_CONFIG_ESF) else { return nil }
        let framing = t1 ? (has(CDAHDI_CONFIG_ESF) ? "esf" : "d4") : (has(CDAHDI_CONFIG_CCS) ? "ccs" : "cas")
        let code = has(CDAHDI_CONFIG_HDB3) ? "hdb3" : has(CDAHDI_CONFIG_B8ZS) ? "b8zs" : "ami"
        return SpanLine(framing: framing, lineCode: code, crc4: has(CDAHDI_CONFIG_CRC4))
    }
}
