/// Turns the TOML tree into `KefuConfig`, section by section, reporting every
/// wrong type, bad value, missing key and unknown key to the sink. Cross-
/// section checks (references, overlaps) are in `ConfigValidator`.
struct ConfigDecoder {
    let sink: DiagnosticSink

    static let sections = ["system", "prompts", "lines", "agents", "queues", "menus", "schedules",
                           "surveys", "recording", "retention", "security", "acd", "outbound", "learned"]

    func decode(_ root: TOMLTable, file: String) -> KefuConfig {
        var config = KefuConfig(file: file)
        let top = TableReader(root, path: "", sink: sink)
        if let r = top.subtable("system") { config.system = system(r) }
        if let r = top.subtable("prompts") { config.prompts = prompts(r) }
        config.lines = top.namedTables("lines").compactMap { name, r in lineGroup(name, r) }
        config.agents = top.namedTables("agents").map { name, r in agent(name, r) }
        config.queues = top.namedTables("queues").map { name, r in queue(name, r) }
        config.menus = top.namedTables("menus").compactMap { name, r in menu(name, r) }
        config.schedules = top.namedTables("schedules").map { name, r in schedule(name, r) }
        config.surveys = top.namedTables("surveys").map { name, r in survey(name, r) }
        if let r = top.subtable("acd") { config.acd = acd(r) }
        if let r = top.subtable("recording") { config.recording = recording(r) }
        if let r = top.subtable("retention") { config.retention = retention(r) }
        if let r = top.subtable("security") { config.security = security(r) }
        if let r = top.subtable("outbound") { config.outbound = outbound(r) }
        config.learnedLines = top.namedTables("learned").compactMap { name, r in learned(name, r) }
        for entry in root.entries where !Self.sections.contains(entry.key) {
            let hint = didYouMean(entry.key, Self.sections)
            sink.error(entry.line, "unknown section [\(entry.key)]\(hint.english)", "未知的配置段 [\(entry.key)]\(hint.chinese)")
        }
        return config
    }

    // MARK: Shared readers

    /// A name used in references: letters, digits, '_' and '-'.
    func checkName(_ name: Located<String>, _ what: Bilingual) {
        let ok = !name.value.isEmpty && name.value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        if !ok {
            sink.error(name.line, "\(what.english) name '\(name.value)' may use only letters, digits, '_' and '-'",
                       "\(what.chinese)名称 '\(name.value)' 只能使用字母、数字、'_' 和 '-'")
        }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ r: TableReader, _ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let word = r.string(key) else { return nil }
        if let value = E(rawValue: word.value) { return value }
        let all = E.allCases.map(\.rawValue), hint = didYouMean(word.value, all)
        sink.error(word.line, "'\(key)' in \(r.path) is '\(word.value)'\(hint.english); use one of: \(all.joined(separator: ", "))",
                   "\(r.path) 中的 '\(key)' 是 '\(word.value)'\(hint.chinese)；请用以下之一：\(all.joined(separator: ", "))")
        return nil
    }

    func action(_ r: TableReader, _ key: String, required what: Bilingual? = nil) -> Located<MenuAction>? {
        guard let text = r.string(key, required: what) else { return nil }
        return action(text, where: Bilingual("'\(key)' in \(r.path)", "\(r.path) 中的 '\(key)'"))
    }

    func action(_ text: Located<String>, where place: Bilingual) -> Located<MenuAction>? {
        switch MenuAction.parse(text.value) {
        case .success(let a): return Located(a, line: text.line)
        case .failure(let e): sink.error(text.line, "\(place.english): \(e.message)", "\(place.chinese)：\(e.chinese)"); return nil
        }
    }

    /// Prompt names: `welcome` or `["welcome", "menu-main"]`, no folder, no extension.
    func prompts(_ r: TableReader, _ key: String) -> [Located<String>] {
        guard let names = r.strings(key) else { return [] }
        return names.filter { name in
            if name.value.hasSuffix(".wav") {
                sink.error(name.line, "prompt '\(name.value)' in \(r.path): write the name without '.wav' (files are <language>/<name>.wav)",
                           "\(r.path) 中的提示音 '\(name.value)'：名称不要带 '.wav'（文件为 <语言>/<名称>.wav）")
                return false
            }
            let ok = !name.value.isEmpty && name.value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            if !ok {
                sink.error(name.line, "prompt name '\(name.value)' in \(r.path) may use only letters, digits, '_' and '-'",
                           "\(r.path) 中的提示音名称 '\(name.value)' 只能使用字母、数字、'_' 和 '-'")
            }
            return ok
        }
    }

    // MARK: [system], [prompts]

    func system(_ r: TableReader) -> SystemSection {
        var s = SystemSection()
        if let v = r.string("name") { s.name = v.value }
        if let v = r.string("timezone") {
            if let zone = TimeZoneOffset.named(v.value) {
                s.timeZone = zone
            } else {
                let hint = didYouMean(v.value, TimeZoneOffset.knownNames), some = TimeZoneOffset.knownNames.prefix(6).joined(separator: ", ")
                sink.error(v.line, "time zone '\(v.value)' is not known\(hint.english); use one without daylight-saving time (\(some), …) or a fixed offset such as UTC+8",
                           "未知的时区 '\(v.value)'\(hint.chinese)；请使用没有夏令时的时区（\(some), …）或固定时差，如 UTC+8")
            }
        }
        if let v = r.strings("languages") {
            if v.isEmpty, let first = r.table.entry("languages") {
                sink.error(first.line, "'languages' in [system] needs at least one language", "[system] 中的 'languages' 至少要有一种语言")
            }
            for lang in v { checkName(lang, .language) }
            var seen: Set<String> = []
            for lang in v where !seen.insert(lang.value).inserted {
                sink.error(lang.line, "language '\(lang.value)' is listed twice", "语言 '\(lang.value)' 列了两次")
            }
            if !v.isEmpty { s.languages = v.map(\.value) }
        }
        if let v = choice(r, "board", SystemSection.Board.self) { s.board = v }
        if let v = r.string("tone_zone") { s.toneZone = v.value }
        if let v = r.strings("holidays") { s.calendars = v }
        if let v = r.string("data_directory") {
            if v.value.hasPrefix("/") { s.dataDirectory = v.value } else { absolutePathNeeded(v.line, "data_directory", "[system]") }
        }
        r.finish()
        return s
    }

    func prompts(_ r: TableReader) -> PromptSection {
        var p = PromptSection()
        if let v = r.string("directory") { p.directory = v.value; p.line = v.line }
        r.finish()
        return p
    }

    // MARK: [lines.*], [agents.*]

    func lineGroup(_ name: Located<String>, _ r: TableReader) -> LineGroup? {
        checkName(name, .lineGroup)
        let signalling = choice(r, "signalling", LineGroup.Signalling.self)
        if signalling == nil, !r.has("signalling") {
            let all = LineGroup.Signalling.allCases.map(\.rawValue).joined(separator: ", ")
            r.missing("signalling", Bilingual(all, "信令方式：\(all)"))
        }
        let span = r.int("span", in: 1...64)?.value ?? 1
        let spec = r.string("channels", required: Bilingual("which DAHDI channels, e.g. \"1-8\"", "使用哪些 DAHDI 通道，如 \"1-8\""))
        let channels = spec.flatMap { channelList($0, r.path) } ?? []
        var group = LineGroup(name: name.value, line: r.line, span: span, channels: channels, channelsLine: spec?.line ?? r.line,
                              signalling: signalling ?? .fxo, menu: r.string("menu"), language: r.string("language"),
                              callerID: choice(r, "caller_id", LineGroup.CallerID.self) ?? .fsk,
                              outbound: r.bool("outbound")?.value ?? (signalling?.isTrunk ?? false))
        group.maxCall = r.seconds("max_call", in: 60...86_400)?.value
        group.polarityHangUp = r.bool("polarity_hangup")?.value ?? false
        group.e1 = e1Settings(group, r)
        if group.signalling == .fxs {
            if let m = group.menu {
                sink.error(m.line, "'menu' in \(r.path): phone lines (fxs) do not take incoming calls into a menu",
                           "\(r.path) 中的 'menu'：话机线路（fxs）不会把来电送进菜单")
            }
            if r.has("outbound"), group.outbound {
                sink.error(r.line, "\(r.path): phone lines (fxs) cannot call out to the network", "\(r.path)：话机线路（fxs）不能向外线呼出")
            }
            group.outbound = false
        }
        r.finish()
        return signalling == nil ? nil : group
    }

    /// `"1-8"`, `"1-15, 17-31"`, `"9"`.
    func channelList(_ spec: Located<String>, _ path: String) -> [Int]? {
        var out: [Int] = []
        for piece in spec.value.split(separator: ",") {
            let ends = piece.split(separator: "-", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
            guard (1...2).contains(ends.count), let a = ends[0], let b = ends.last!, 1 <= a, a <= b, b <= 1024 else {
                let shown = String(piece).trimmingSpaces
                sink.error(spec.line, "'channels' in \(path): '\(shown)' is not a channel or range (1-1024, e.g. \"1-8\")",
                           "\(path) 中的 'channels'：'\(shown)' 不是通道号或通道范围（1-1024，如 \"1-8\"）")
                return nil
            }
            for c in a...b {
                if out.contains(c) {
                    sink.error(spec.line, "'channels' in \(path) lists channel \(c) twice", "\(path) 中的 'channels' 把通道 \(c) 列了两次")
                    return nil
                }
                out.append(c)
            }
        }
        if out.isEmpty { sink.error(spec.line, "'channels' in \(path) is empty", "\(path) 中的 'channels' 为空") }
        return out
    }

    func agent(_ id: Located<String>, _ r: TableReader) -> Agent {
        checkName(id, .agent)
        var agent = Agent(id: id.value, line: id.line, name: r.string("name")?.value ?? id.value,
                          phone: r.int("phone", in: 1...1024, required: Bilingual("the FXS channel of the agent's phone", "坐席话机所在的 FXS 通道")))
        agent.skills = skills(r, "skills") ?? []
        agent.wrapUp = r.seconds("wrap_up", in: 0...600)?.value
        agent.supervisor = r.bool("supervisor")?.value ?? false
        r.finish()
        return agent
    }

    /// A menu or queue with hours must say what callers get when it is closed.
    func closedActionNeeded(_ hours: Located<String>?, _ closed: Located<MenuAction>?, _ path: String) {
        guard let hours, closed == nil else { return }
        sink.error(hours.line, "\(path) has 'hours' but no 'closed' action (what callers get when it is closed)",
                   "\(path) 设置了 'hours'，但没有 'closed' 动作（下班时间来电如何处理）")
    }

    /// `'directory' in [recording] must be an absolute path`.
    func absolutePathNeeded(_ line: Int, _ key: String, _ section: String) {
        sink.error(line, "'\(key)' in \(section) must be an absolute path", "\(section) 中的 '\(key)' 必须是绝对路径")
    }
}
