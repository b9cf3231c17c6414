import Channels
import Config
import Console
import E1Signalling

/// The config's E1 PRI line groups as signalling links: one `PRILink` per
/// group (its span's D channel), and the board that routes the groups'
/// channels through them. MFC/R2 groups are not served yet (CenterPlan says
/// so at start).
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

    /// `card` with the config's E1 PRI channels signalled by their links;
    /// nil when the config has none (the card serves alone).
    public static func board(_ card: ChannelBackend, config: KefuConfig, log: @escaping @Sendable (String) -> Void) throws(ChannelError) -> E1Board? {
        let links = try links(config, log: log)
        return links.isEmpty ? nil : E1Board(card, links: links)
    }
}

extension E1Lines {
    /// For the console's `status`: each E1 link's span, signalling, D
    /// channel state and how many of its channels carry calls.
    public static func status(_ board: ChannelBackend, config: KefuConfig, language: ConsoleLanguage) -> [String] {
        guard let e1 = board as? E1Board else { return [] }
        return e1.links.map { link in
            let s = link.settings
            let group = config.lines.first { $0.isE1 && $0.e1?.dChannel?.value == s.dChannel.rawValue }
            let line = group?.e1.map { "\($0.framing.rawValue)/\($0.lineCode.rawValue)\($0.crc4 ? "/crc4" : "")" } ?? "-"
            let busy = link.channelStates.values.filter { $0 != "idle" }.count
            let up = link.isUp ? ConsoleText.pick(language, "D channel up", "D 信道正常") : ConsoleText.pick(language, "D CHANNEL DOWN", "D 信道中断")
            return "  " + ConsoleText.pick(language, "E1 \(group.map { "[lines.\($0.name)]" } ?? "") \(s.span): PRI \(s.variant.rawValue) \(s.side.rawValue) side, \(line), \(up) (\(s.dChannel)), \(busy) of \(s.bearers.count) channels in calls",
                                           "E1 \(group.map { "[lines.\($0.name)]" } ?? "") \(s.span): PRI \(s.variant.rawValue) \(s.side.rawValue) 侧, \(line), \(up) (\(s.dChannel)), \(s.bearers.count) 个话路中 \(busy) 个在通话")
        }
    }

    /// A channel's E1 signalling state (idle, offered, answered, calling,
    /// ringing, clearing), nil for channels no link signals.
    public static func signallingState(_ board: ChannelBackend, _ c: ChannelNumber) -> String? {
        guard let e1 = board as? E1Board else { return nil }
        for link in e1.links where link.settings.bearers.contains(c) { return "pri " + (link.channelStates[c] ?? "idle") }
        return nil
    }
}
