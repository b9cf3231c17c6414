/// DAHDI's /etc/dahdi/system.conf as setup writes it.
///
/// The rule: setup owns the analog signalling lines (`fxsks=`, `fxoks=` and
/// the loop- and ground-start variants), `loadzone=`, `defaultzone=`, its
/// own `# kefu:` comments and, for each E1 span a kefu.toml E1 group is on
/// (`E1SpanLines`), that span's `span=` line and the signalling lines
/// (`bchan=`, `dchan=`, `cas=`, …) of its channels. Every other line —
/// `dynamic=`, other spans, `echocanceller=`, other comments — is kept as
/// it is; setup's block goes where its first line was, or at the end. A
/// signalling line mixing channels of a span setup writes with others is
/// refused (split it by hand), never half rewritten.
/// (DAHDI names signalling after the far end: an FXO port, towards the
/// exchange, is `fxsks`; an FXS port, towards a phone, is `fxoks`.)
enum SystemConfText {
    static let ownedKeys: Set<String> = ["fxsks", "fxoks", "fxsls", "fxols", "fxsgs", "fxogs", "loadzone", "defaultzone"]
    /// dahdi_cfg's other keys that give channels their signalling (the analog ones are `ownedKeys`).
    static let channelKeys: Set<String> = ["bchan", "dchan", "hardhdlc", "fcshdlc", "cas", "clear", "rawhdlc", "nethdlc", "mtp2", "dacs", "dacsrbs",
                                           "unused", "indclear", "e&m", "e&me1", "sf"]
    static let marker = "# kefu:"

    /// Whether setup owns `line` (line `number` of the file), given the E1 spans it writes.
    static func isOwned(_ line: String, number: Int = 0, e1: [E1SpanLines] = []) throws(SetupRefusal) -> Bool {
        let t = line.trimmingCharacters(in: " \t")
        if t.hasPrefix(marker) { return true }
        guard let eq = t.firstIndex(of: "=") else { return false }
        let key = t[..<eq].trimmingCharacters(in: " \t").lowercased()
        if ownedKeys.contains(key) { return true }
        guard !e1.isEmpty else { return false }
        if let fields = spanFields(t) { return e1.contains { $0.span.number == fields[0] } }
        guard channelKeys.contains(key) else { return false }
        // dahdi_cfg ends a line at '#'.
        let value = t[t.index(after: eq)...].prefix { $0 != "#" }.trimmingCharacters(in: " \t")
        let list = String(value.prefix { $0 != ":" })
        guard case .success(let channels) = ChannelList.parse(list, place: "") else {
            throw SetupRefusal("system.conf line \(number): '\(t)': setup cannot read its channels, so it cannot tell whether they are on an E1 span it writes",
                               "system.conf 第 \(number) 行：'\(t)'：setup 读不懂其通道，无法判断是否在它要写的 E1 span 上")
        }
        let written = Set(e1.flatMap(\.channels))
        let inside = channels.filter(written.contains)
        if inside.isEmpty { return false }
        if inside.count == channels.count { return true }
        let spans = e1.filter { s in s.channels.contains { channels.contains($0) } }.map { "\($0.span.number)" }.joined(separator: ", ")
        throw SetupRefusal("system.conf line \(number): '\(t)' gives channels of span \(spans), which setup writes for kefu.toml's E1 group, and other channels too: split the line by hand",
                           "system.conf 第 \(number) 行：'\(t)' 既含 span \(spans)（setup 按 kefu.toml 的 E1 线路组写入）的通道，也含其他通道：请手工拆分这一行")
    }

    /// The numbers of a `span=` line (span, timing, build-out, …; nil where
    /// a field is not a number), nil for any other line. dahdi_cfg ends a
    /// line at '#' and ignores blanks.
    static func spanFields(_ line: some StringProtocol) -> [Int?]? {
        let t = String(line.prefix { $0 != "#" }.filter { $0 != " " && $0 != "\t" })
        guard t.lowercased().hasPrefix("span=") else { return nil }
        return t.dropFirst(5).split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
    }

    /// Setup's lines for a board and plan.
    static func block(board: DetectedBoard, plan: SetupPlan, e1: [E1SpanLines] = []) -> [String] {
        var out = [
            "\(marker) written by `kefu setup`; it owns the fxsks=/fxoks=, loadzone= and",
            "\(marker) defaultzone= lines and keeps every other line. Apply with: dahdi_cfg -vv",
        ]
        if !e1.isEmpty {
            out.insert("\(marker) E1 spans of kefu.toml's E1 groups are its too (span=, bchan=, dchan=, cas=).", at: 2)
        }
        let lines = Set(plan.lines), phones = Set(plan.phones)
        for span in board.spans {
            let l = span.ports.map(\.channel).filter(lines.contains), p = span.ports.map(\.channel).filter(phones.contains)
            var parts: [String] = []
            if !l.isEmpty { parts.append("FXO lines \(ChannelList.format(l))") }
            if !p.isEmpty { parts.append("FXS ports \(ChannelList.format(p))") }
            if let lines = e1.first(where: { $0.span.number == span.number }) {
                parts.append(lines.summary)
            } else if span.isDigital {
                parts.append("\(span.type): no kefu.toml E1 group is on it; its lines are kept as they are")
            }
            if parts.isEmpty { parts.append("nothing configured") }
            let description = span.description.isEmpty ? "" : " \"\(span.description)\""
            out.append("\(marker) span \(span.number) \(span.name)\(description): " + parts.joined(separator: ", "))
        }
        for lines in e1 { out += lines.lines }
        if !plan.lines.isEmpty { out.append("fxsks=" + ChannelList.format(plan.lines)) }
        if !plan.phones.isEmpty { out.append("fxoks=" + ChannelList.format(plan.phones)) }
        out.append("loadzone=" + plan.country.toneZone)
        out.append("defaultzone=" + plan.country.toneZone)
        return out
    }

    /// The new text of system.conf: `old` (nil: none yet) with setup's block
    /// in place of its owned lines, or a refusal naming a line it cannot take apart.
    static func merge(old: String?, board: DetectedBoard, plan: SetupPlan, e1: [E1SpanLines] = []) throws(SetupRefusal) -> String {
        var lines = old.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        if lines.last == "" { lines.removeLast() }
        var owned: [Bool] = []
        for (i, line) in lines.enumerated() { owned.append(try isOwned(line, number: i + 1, e1: e1)) }
        let at = owned.firstIndex(of: true)
        var kept = lines.indices.filter { !owned[$0] }.map { lines[$0] }
        let insert = at.map { a in owned[..<a].filter { !$0 }.count } ?? kept.count
        var block = block(board: board, plan: plan, e1: e1)
        if at == nil && !kept.isEmpty && kept.last != "" { block.insert("", at: 0) }
        kept.insert(contentsOf: block, at: insert)
        return kept.joined(separator: "\n") + "\n"
    }
}
