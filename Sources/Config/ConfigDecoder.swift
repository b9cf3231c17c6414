/// Turns the TOML tree into `KefuConfig`, section by section, reporting every
/// wrong type, bad value, missing key and unknown key to the sink. Cross-
/// section checks (references, overlaps) are in `ConfigValidator`.
struct ConfigDecoder {
    let sink: DiagnosticSink

    static let sections = ["system", "prompts", "lines", "agents", "queues", "menus", "schedules",
                           "surveys", "recording", "retention", "security", "acd", "outbound"]

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
        for entry in root.entries where !Self.sections.contains(entry.key) {
            sink.error(entry.line, "unknown section [\(entry.key)]\(didYouMean(entry.key, Self.sections))")
        }
        return config
    }

    // MARK: Shared readers

    /// A name used in references: letters, digits, '_' and '-'.
    func checkName(_ name: Located<String>, _ what: String) {
        let ok = !name.value.isEmpty && name.value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        if !ok { sink.error(name.line, "\(what) name '\(name.value)' may use only letters, digits, '_' and '-'") }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ r: TableReader, _ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let word = r.string(key) else { return nil }
        if let value = E(rawValue: word.value) { return value }
        let all = E.allCases.map(\.rawValue)
        sink.error(word.line, "'\(key)' in \(r.path) is '\(word.value)'\(didYouMean(word.value, all)); use one of: \(all.joined(separator: ", "))")
        return nil
    }

    func action(_ r: TableReader, _ key: String, required what: String? = nil) -> Located<MenuAction>? {
        guard let text = r.string(key, required: what) else { return nil }
        return action(text, where: "'\(key)' in \(r.path)")
    }

    func action(_ text: Located<String>, where place: String) -> Located<MenuAction>? {
        switch MenuAction.parse(text.value) {
        case .success(let a): return Located(a, line: text.line)
        case .failure(let e): sink.error(text.line, "\(place): \(e.message)"); return nil
        }
    }

    /// Prompt names: `welcome` or `["welcome", "menu-main"]`, no folder, no extension.
    func prompts(_ r: TableReader, _ key: String) -> [Located<String>] {
        guard let names = r.strings(key) else { return [] }
        return names.filter { name in
            if name.value.hasSuffix(".wav") {
                sink.error(name.line, "prompt '\(name.value)' in \(r.path): write the name without '.wav' (files are <language>/<name>.wav)")
                return false
            }
            let ok = !name.value.isEmpty && name.value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            if !ok { sink.error(name.line, "prompt name '\(name.value)' in \(r.path) may use only letters, digits, '_' and '-'") }
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
                sink.error(v.line, "time zone '\(v.value)' is not known\(didYouMean(v.value, TimeZoneOffset.knownNames)); use one without daylight-saving time (\(TimeZoneOffset.knownNames.prefix(6).joined(separator: ", ")), …) or a fixed offset such as UTC+8")
            }
        }
        if let v = r.strings("languages") {
            if v.isEmpty, let first = r.table.entry("languages") { sink.error(first.line, "'languages' in [system] needs at least one language") }
            for lang in v { checkName(lang, "language") }
            var seen: Set<String> = []
            for lang in v where !seen.insert(lang.value).inserted { sink.error(lang.line, "language '\(lang.value)' is listed twice") }
            if !v.isEmpty { s.languages = v.map(\.value) }
        }
        if let v = choice(r, "board", SystemSection.Board.self) { s.board = v }
        if let v = r.string("tone_zone") { s.toneZone = v.value }
        if let v = r.strings("holidays") { s.calendars = v }
        if let v = r.string("data_directory") {
            if v.value.hasPrefix("/") { s.dataDirectory = v.value } else { sink.error(v.line, "'data_directory' in [system] must be an absolute path") }
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
        checkName(name, "line group")
        let signalling = choice(r, "signalling", LineGroup.Signalling.self)
        if signalling == nil, !r.has("signalling") { r.missing("signalling", LineGroup.Signalling.allCases.map(\.rawValue).joined(separator: ", ")) }
        let span = r.int("span", in: 1...64)?.value ?? 1
        let spec = r.string("channels", required: "which DAHDI channels, e.g. \"1-8\"")
        let channels = spec.flatMap { channelList($0, r.path) } ?? []
        var group = LineGroup(name: name.value, line: r.line, span: span, channels: channels, channelsLine: spec?.line ?? r.line,
                              signalling: signalling ?? .fxo, menu: r.string("menu"), language: r.string("language"),
                              callerID: choice(r, "caller_id", LineGroup.CallerID.self) ?? .fsk,
                              outbound: r.bool("outbound")?.value ?? (signalling?.isTrunk ?? false))
        group.maxCall = r.seconds("max_call", in: 60...86_400)?.value
        group.polarityHangUp = r.bool("polarity_hangup")?.value ?? false
        if group.signalling == .fxs {
            if let m = group.menu { sink.error(m.line, "'menu' in \(r.path): phone lines (fxs) do not take incoming calls into a menu") }
            if r.has("outbound"), group.outbound { sink.error(r.line, "\(r.path): phone lines (fxs) cannot call out to the network") }
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
                sink.error(spec.line, "'channels' in \(path): '\(String(piece).trimmingSpaces)' is not a channel or range (1-1024, e.g. \"1-8\")")
                return nil
            }
            for c in a...b {
                if out.contains(c) { sink.error(spec.line, "'channels' in \(path) lists channel \(c) twice"); return nil }
                out.append(c)
            }
        }
        if out.isEmpty { sink.error(spec.line, "'channels' in \(path) is empty") }
        return out
    }

    func agent(_ id: Located<String>, _ r: TableReader) -> Agent {
        checkName(id, "agent")
        var agent = Agent(id: id.value, line: id.line, name: r.string("name")?.value ?? id.value,
                          phone: r.int("phone", in: 1...1024, required: "the FXS channel of the agent's phone"))
        agent.skills = skills(r, "skills") ?? []
        agent.wrapUp = r.seconds("wrap_up", in: 0...600)?.value
        agent.supervisor = r.bool("supervisor")?.value ?? false
        r.finish()
        return agent
    }
}
