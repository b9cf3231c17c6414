import Config

/// Steps 2-4: the country, the ports, the queue and its agents — each from
/// a flag, else the existing configuration, else the board or the preset;
/// asked when interactive.
enum SetupAnswers {
    static func country(_ s: SetupSession) throws(SetupRefusal) {
        let existingZone = s.existing?.system.toneZone
        let presetDefault = s.options.country ?? CountryPreset.all.first { $0.toneZone == existingZone }?.code ?? "cn"
        let list = CountryPreset.all.map { "\($0.code) \(s.w($0.name, $0.nameZh))" }.joined(separator: ", ")
        s.plan.country = try s.answer("Country preset (\(list))", "国家预设（\(list)）", default: presetDefault) { code in
            CountryPreset.named(code).map { .success($0) }
                ?? .failure(SetupRefusal("--country '\(code)': known presets are \(CountryPreset.all.map(\.code).joined(separator: ", "))",
                                         "--country '\(code)'：已知的预设有 \(CountryPreset.all.map(\.code).joined(separator: ", "))"))
        }
        let preset = s.plan.country
        s.plan.timeZone = try s.answer("Time zone", "时区", default: s.options.timeZone ?? s.existing?.system.timeZone.name ?? preset.timeZone) { zone in
            TimeZoneOffset.named(zone) != nil ? .success(zone)
                : .failure(SetupRefusal("--timezone '\(zone)': not a zone without daylight-saving time; use one of \(TimeZoneOffset.knownNames.joined(separator: ", ")) or UTC+8",
                                        "--timezone '\(zone)'：不是没有夏令时的时区；请用 \(TimeZoneOffset.knownNames.joined(separator: ", ")) 之一，或 UTC+8"))
        }
        let languages = s.options.languages ?? s.existing.map { $0.system.languages.joined(separator: ",") } ?? preset.languages.joined(separator: ",")
        s.plan.languages = try s.answer("Prompt languages, the first is callers' first", "提示音语言（第一个为来电默认语言）", default: languages) { text in
            let list = text.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            guard !list.isEmpty, list.allSatisfy({ ["zh", "en"].contains($0) }), Set(list).count == list.count else {
                return .failure(SetupRefusal("--languages '\(text)': write zh, en or zh,en", "--languages '\(text)'：请写 zh、en 或 zh,en"))
            }
            return .success(list)
        }
        let callerID = s.options.callerID ?? s.existing?.lines.first { $0.signalling == .fxo }?.callerID.rawValue ?? preset.callerIDVariants[0]
        let variants = preset.callerIDVariants + ["none"]
        s.plan.callerID = try s.answer("Caller ID on the lines (\(variants.joined(separator: ", ")))", "外线来电显示方式（\(variants.joined(separator: ", "))）",
                                       default: callerID) { v in
            LineGroup.CallerID(rawValue: v) != nil ? .success(v)
                : .failure(SetupRefusal("--caller-id '\(v)': must be fsk, dtmf or none", "--caller-id '\(v)'：必须是 fsk、dtmf 或 none"))
        }
    }

    /// Which channels are FXO lines and which FXS ports.
    static func ports(_ s: SetupSession) throws(SetupRefusal) {
        let board = s.board
        let analog = board.ports.filter { $0.kind != .digital && $0.kind != .empty }
        let unknown = analog.filter { $0.knownRole == nil }.map(\.channel)
        var lines = analog.filter { $0.knownRole == .line }.map(\.channel)
        var phones = analog.filter { $0.knownRole == .phone }.map(\.channel)
        // Ports the board cannot tell: as the existing configuration has them.
        if let e = s.existing {
            let oldLines = Set(e.lines.filter { $0.signalling == .fxo }.flatMap(\.channels))
            let oldPhones = Set(e.lines.filter { $0.signalling == .fxs }.flatMap(\.channels))
            lines += unknown.filter(oldLines.contains)
            phones += unknown.filter(oldPhones.contains)
        }
        if !s.options.interactive && s.options.fxo == nil && s.options.fxs == nil {
            let undecided = unknown.filter { !lines.contains($0) && !phones.contains($0) }
            if !undecided.isEmpty {
                throw SetupRefusal("channels \(ChannelList.format(undecided)) take either signalling (\(board.port(undecided[0])?.name ?? "")) and are not configured: say which are lines and which phones, e.g. --fxo 1-2 --fxs 3-4",
                                   "通道 \(ChannelList.format(undecided)) 两种信令都可（\(board.port(undecided[0])?.name ?? "")）且尚未配置：请指明哪些是外线、哪些是话机，例如 --fxo 1-2 --fxs 3-4")
            }
        }
        let lineDefault = s.options.fxo ?? ChannelList.format(lines)
        s.plan.lines = try s.answer("FXO lines (channels the exchange's lines are plugged into)", "外线（FXO，接电信局线路的通道）",
                                    default: lineDefault) { text in check(text, place: "--fxo", role: .line, board: board) }
        let phoneDefault = s.options.fxs ?? ChannelList.format(phones.filter { !s.plan.lines.contains($0) })
        s.plan.phones = try s.answer("FXS ports (channels agents' phones are plugged into)", "话机端口（FXS，接坐席话机的通道）",
                                     default: phoneDefault) { text in
            check(text, place: "--fxs", role: .phone, board: board).flatMap { list in
                if let both = Set(list).intersection(s.plan.lines).min() {
                    return .failure(SetupRefusal("--fxs: channel \(both) is already an FXO line", "--fxs：通道 \(both) 已经是外线"))
                }
                return .success(list)
            }
        }
        let unused = analog.map(\.channel).filter { !s.plan.lines.contains($0) && !s.plan.phones.contains($0) }
        if !unused.isEmpty { s.say("Channels \(ChannelList.format(unused)) are left unused.", "通道 \(ChannelList.format(unused)) 不使用。") }
    }

    /// A channel list for one role, checked against the board.
    static func check(_ text: String, place: String, role: PortKind, board: DetectedBoard) -> Result<[Int], SetupRefusal> {
        let list: [Int]
        switch ChannelList.parse(text, place: place) {
        case .success(let l): list = l
        case .failure(let r): return .failure(r)
        }
        for c in list {
            guard let port = board.port(c) else {
                return .failure(SetupRefusal("\(place): channel \(c) is not on the board (it has \(ChannelList.format(board.ports.map(\.channel))))",
                                             "\(place)：板卡上没有通道 \(c)（现有 \(ChannelList.format(board.ports.map(\.channel)))）"))
            }
            switch port.kind {
            case .digital:
                return .failure(SetupRefusal("\(place): channel \(c) is on a digital span (E1/T1): give it to an E1 line group (e1-r2, e1-pri) in kefu.toml",
                                             "\(place)：通道 \(c) 在数字 span（E1/T1）上：请在 kefu.toml 的 E1 线路组（e1-r2、e1-pri）中使用它"))
            case .empty:
                return .failure(SetupRefusal("\(place): channel \(c) has no module", "\(place)：通道 \(c) 没有模块"))
            case .line where role == .phone:
                return .failure(SetupRefusal("\(place): channel \(c) has an FXO module (for a line from the exchange); a phone needs an FXS port",
                                             "\(place)：通道 \(c) 是 FXO 模块（接外线）；话机需要 FXS 端口"))
            case .phone where role == .line:
                return .failure(SetupRefusal("\(place): channel \(c) has an FXS module (for a phone); a line from the exchange needs an FXO port",
                                             "\(place)：通道 \(c) 是 FXS 模块（接话机）；外线需要 FXO 端口"))
            default: break
            }
        }
        return .success(list)
    }
}
