/// DAHDI's /etc/dahdi/system.conf as setup writes it.
///
/// The rule: setup owns the analog signalling lines (`fxsks=`, `fxoks=` and
/// the loop- and ground-start variants), `loadzone=`, `defaultzone=` and its
/// own `# kefu:` comments. Every other line — `dynamic=`, `span=`, E1's
/// `cas=`/`bchan=`/`dchan=`, `echocanceller=`, other comments — is kept as it
/// is; setup's block goes where its first line was, or at the end.
/// (DAHDI names signalling after the far end: an FXO port, towards the
/// exchange, is `fxsks`; an FXS port, towards a phone, is `fxoks`.)
enum SystemConfText {
    static let ownedKeys: Set<String> = ["fxsks", "fxoks", "fxsls", "fxols", "fxsgs", "fxogs", "loadzone", "defaultzone"]
    static let marker = "# kefu:"

    static func isOwned(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: " \t")
        if t.hasPrefix(marker) { return true }
        guard let eq = t.firstIndex(of: "=") else { return false }
        return ownedKeys.contains(t[..<eq].trimmingCharacters(in: " \t").lowercased())
    }

    /// Setup's lines for a board and plan.
    static func block(board: DetectedBoard, plan: SetupPlan) -> [String] {
        var out = [
            "\(marker) written by `kefu setup`; it owns the fxsks=/fxoks=, loadzone= and",
            "\(marker) defaultzone= lines and keeps every other line. Apply with: dahdi_cfg -vv",
        ]
        let lines = Set(plan.lines), phones = Set(plan.phones)
        for span in board.spans {
            let l = span.ports.map(\.channel).filter(lines.contains), p = span.ports.map(\.channel).filter(phones.contains)
            var parts: [String] = []
            if !l.isEmpty { parts.append("FXO lines \(ChannelList.format(l))") }
            if !p.isEmpty { parts.append("FXS ports \(ChannelList.format(p))") }
            if span.isDigital { parts.append("\(span.type): configured separately (R2 or PRI)") }
            if parts.isEmpty { parts.append("nothing configured") }
            let description = span.description.isEmpty ? "" : " \"\(span.description)\""
            out.append("\(marker) span \(span.number) \(span.name)\(description): " + parts.joined(separator: ", "))
        }
        if !plan.lines.isEmpty { out.append("fxsks=" + ChannelList.format(plan.lines)) }
        if !plan.phones.isEmpty { out.append("fxoks=" + ChannelList.format(plan.phones)) }
        out.append("loadzone=" + plan.country.toneZone)
        out.append("defaultzone=" + plan.country.toneZone)
        return out
    }

    /// The new text of system.conf: `old` (nil: none yet) with setup's block in place of its owned lines.
    static func merge(old: String?, board: DetectedBoard, plan: SetupPlan) -> String {
        var lines = old.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        if lines.last == "" { lines.removeLast() }
        let at = lines.firstIndex(where: isOwned)
        var kept = lines.filter { !isOwned($0) }
        let insert = at.map { a in lines[..<a].filter { !isOwned($0) }.count } ?? kept.count
        var block = block(board: board, plan: plan)
        if at == nil && !kept.isEmpty && kept.last != "" { block.insert("", at: 0) }
        kept.insert(contentsOf: block, at: insert)
        return kept.joined(separator: "\n") + "\n"
    }
}
