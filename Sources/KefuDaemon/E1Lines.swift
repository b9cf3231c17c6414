import Channels
import Config
import Console
import E1Signalling

/// The config's E1 line groups as signalling links: one `PRILink` per PRI
/// group (its span's D channel), one `R2Link` per MFC/R2 group (its
/// timeslots, with the span's other CAS timeslots held blocked), and the
/// board that routes the groups' channels through them.
public enum E1Lines {
    /// The links of the config's e1-pri groups (D channels opened, not started).
    /// `log` gets each link's signalling lines, prefixed with its group.
    public static func links(_ config: KefuConfig, log: @escaping @Sendable (String) -> Void) throws(ChannelError) -> [PRILink] {
        var out: [PRILink] = []
        for group in config.lines where group.signalling == .pri {
            guard let e1 = group.e1, let d = e1.dChannel else { continue }
            let settings = PRILink.Settings(span: SpanID(group.span), dChannel: ChannelNumber(d.value),
                                            bearers: group.channels.map(ChannelNumber.init),
                                            side: e1.priSide == .network ? .network : .cpe,
                                            variant: e1.switchType == .qsig ? .qsig : .euroisdn,
                                            ownNumber: e1.ownNumber?.value, logFrames: e1.logFrames)
            let name = group.name
            out.append(try PRILink(settings) { line in log("[lines.\(name)] \(line)") })
        }
        return out
    }

    /// The links of the config's e1-r2 groups (timeslots opened by openr2,
    /// not started). A CAS timeslot of the group's span that no group lists is
    /// held blocked, so the exchange does not seize it.
    public static func r2Links(_ config: KefuConfig, card: ChannelBackend, log: @escaping @Sendable (String) -> Void) throws(ChannelError) -> [R2Link] {
        var out: [R2Link] = []
        let r2Groups = config.lines.filter { $0.signalling == .r2 }
        let served = Set(r2Groups.flatMap(\.channels))
        for (n, group) in r2Groups.enumerated() {
            guard let e1 = group.e1 else { continue }
            let bearers = group.channels.map(ChannelNumber.init)
            let span = card.channels.first { $0.number == bearers.first }?.span ?? SpanID(group.span)
            // The span's unlisted CAS timeslots go to its first group.
            let first = r2Groups.firstIndex { g in g.channels.contains { c in card.channels.first { $0.number.rawValue == c }?.span == span } } == n
            let blocked = first ? card.channels.filter { $0.span == span && $0.signalling == .e1CAS && !served.contains($0.number.rawValue) }.map(\.number) : []
            let settings = R2Link.Settings(span: span, bearers: bearers, blocked: blocked, variant: e1.r2Variant.rawValue.uppercased(),
                                           maxDNIS: e1.dnisDigits, maxANI: e1.aniDigits, hotlines: e1.dnisMenus.map(\.number),
                                           ownNumber: e1.ownNumber?.value, protocolFile: e1.r2ProtocolFile?.value, logTrace: e1.logFrames)
            let name = group.name
            out.append(try R2Link(settings) { line in log("[lines.\(name)] \(line)") })
        }
        return out
    }

    /// `card` with the config's E1 channels signalled by their links; nil
    /// when the config has none (the card serves alone).
    public static func board(_ card: ChannelBackend, config: KefuConfig, log: @escaping @Sendable (String) -> Void) throws(ChannelError) -> E1Board? {
        let links = try links(config, log: log)
        let r2 = try r2Links(config, card: card, log: log)
        for line in E1LineSettings.startUpLines(config, card: card) { log(line) }
        return links.isEmpty && r2.isEmpty ? nil : E1Board(card, links: links, r2Links: r2)
    }
}

extension E1Lines {
    /// For the console's `status`: each E1 link's span, signalling, D
    /// channel state and how many of its channels carry calls.
    public static func status(_ board: ChannelBackend, config: KefuConfig, language: ConsoleLanguage) -> [String] {
        guard let e1 = board as? E1Board else { return [] }
        let spans = e1.inner.spans()
        return e1.links.map { link in
            let s = link.settings
            let group = config.lines.first { $0.isE1 && $0.e1?.dChannel?.value == s.dChannel.rawValue }
            let line = E1LineSettings.status(group, card: e1.inner, spans: spans, language: language)
            let busy = link.channelStates.values.filter { $0 != "idle" }.count
            let up = link.isUp ? ConsoleText.pick(language, "D channel up", "D 信道正常") : ConsoleText.pick(language, "D CHANNEL DOWN", "D 信道中断")
            return "  " + ConsoleText.pick(language, "E1 \(group.map { "[lines.\($0.name)]" } ?? "") \(s.span): PRI \(s.variant.rawValue) \(s.side.rawValue) side, \(line), \(up) (\(s.dChannel)), \(busy) of \(s.bearers.count) channels in calls",
                                           "E1 \(group.map { "[lines.\($0.name)]" } ?? "") \(s.span): PRI \(s.variant.rawValue) \(s.side.rawValue) 侧, \(line), \(up) (\(s.dChannel)), \(s.bearers.count) 个话路中 \(busy) 个在通话")
        } + e1.r2Links.map { link in
            let s = link.settings
            let states = link.channelStates
            let group = config.lines.first { $0.signalling == .r2 && $0.channels.first == s.bearers.first?.rawValue }
            let line = E1LineSettings.status(group, card: e1.inner, spans: spans, language: language)
            let busy = s.bearers.filter { (states[$0] ?? "idle") != "idle" && !(states[$0] ?? "").hasPrefix("blocked") }.count
            let farBlocked = s.bearers.filter { (states[$0] ?? "").hasPrefix("blocked") }.count
            let name = group.map { "[lines.\($0.name)]" } ?? ""
            return "  " + ConsoleText.pick(language, "E1 \(name) \(s.span): MFC/R2 \(s.variant), \(line), \(busy) of \(s.bearers.count) channels in calls, \(farBlocked) blocked by the far end, \(s.blocked.count) held blocked",
                                           "E1 \(name) \(s.span): 中国一号信令 \(s.variant), \(line), \(s.bearers.count) 个话路中 \(busy) 个在通话, 对端闭塞 \(farBlocked) 个, 本端闭塞 \(s.blocked.count) 个")
        }
    }

    /// A channel's E1 signalling state (idle, offered, answered, calling,
    /// ringing, clearing), nil for channels no link signals.
    public static func signallingState(_ board: ChannelBackend, _ c: ChannelNumber) -> String? {
        guard let e1 = board as? E1Board else { return nil }
        for link in e1.links where link.settings.bearers.contains(c) { return "pri " + (link.channelStates[c] ?? "idle") }
        for link in e1.r2Links where link.settings.bearers.contains(c) { return "r2 " + (link.channelStates[c] ?? "idle") }
        return nil
    }
}
