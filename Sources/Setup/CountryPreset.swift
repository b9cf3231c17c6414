import DSP

/// What a country's exchanges do, as setup needs it: the DAHDI tone zone
/// (ringing cadence, dial/busy/congestion tones), the call-progress tones
/// Kefu listens for, how caller ID arrives, the analog modules' line
/// impedance (`opermode`), and the defaults for time zone and languages.
public struct CountryPreset: Sendable, Equatable {
    public var code: String
    public var name: String
    public var nameZh: String
    /// DAHDI's tone zone (system.conf loadzone/defaultzone, kefu.toml tone_zone).
    public var toneZone: String
    /// The tones Kefu's detector listens for (dial tone in the port test; busy
    /// and congestion as a caller's hang-up).
    public var tones: TonePlan
    /// Caller-ID variants the exchanges send, the usual one first (kefu.toml `caller_id`).
    public var callerIDVariants: [String]
    /// The FXO modules' `opermode` module option (line impedance and levels).
    public var opermode: String
    public var timeZone: String
    public var languages: [String]

    /// The presets, China first (the default).
    public static let all: [CountryPreset] = [
        CountryPreset(code: "cn", name: "China", nameZh: "中国", toneZone: "cn", tones: .china,
                      callerIDVariants: ["fsk", "dtmf"], opermode: "CHINA", timeZone: "Asia/Shanghai", languages: ["zh"]),
        CountryPreset(code: "us", name: "United States", nameZh: "美国", toneZone: "us", tones: .us,
                      callerIDVariants: ["fsk"], opermode: "FCC", timeZone: "UTC-5", languages: ["en"]),
    ]

    public static let china = all[0]

    public static func named(_ code: String) -> CountryPreset? { all.first { $0.code == code.lowercased() } }

    /// "busy 450 Hz 350/350 ms, congestion 450 Hz 700/700 ms" — what the summary shows.
    public func cadences(chinese: Bool) -> String {
        let zh = ["busy": "忙音", "congestion": "拥塞音", "ringback": "回铃音"]
        return tones.tones.filter { $0.name != "dialtone" }.map { t in
            let hz = t.frequencies.map(String.init).joined(separator: "+")
            return "\(chinese ? zh[t.name] ?? t.name : t.name) \(hz) Hz" + (t.onMilliseconds.map { " \($0)/\(t.offMilliseconds) ms" } ?? "")
        }.joined(separator: chinese ? "，" : ", ")
    }

    public var dialTone: String {
        (tones.tones.first { $0.name == "dialtone" }?.frequencies ?? []).map(String.init).joined(separator: "+") + " Hz"
    }
}

/// The kernel module that drives a card, from its span name, for the
/// `opermode` note (modprobe.d); nil when not known.
enum AnalogDriver {
    static let byPrefix: [(String, String)] = [
        ("WCTDM", "wctdm24xxp"), ("WCAXX", "wcaxx"), ("OPVXA1200", "opvxa1200"), ("OPVXA24XX", "opvxa24xx"),
        ("A1200", "opvxa1200"), ("WCFXO", "wcfxo"), ("XBUS", "xpp"),
    ]

    static func module(spanName: String) -> String? {
        let upper = spanName.uppercased()
        return byPrefix.first { upper.hasPrefix($0.0) }?.1
    }
}
