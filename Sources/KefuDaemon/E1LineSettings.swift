import Channels
import Config
import Console

/// An E1 group's framing, line code and CRC-4 against its span's as the
/// driver runs them. Kefu does not configure the span (`dahdi_cfg` does,
/// from system.conf's `span=` line), so a config that says one thing while
/// the span runs another is reported at start and in the console's status.
public enum E1LineSettings {
    public enum Verdict: Equatable, Sendable {
        case agrees
        /// The driver runs the span with these settings instead.
        case differs(SpanLine)
        /// The driver reports none (a dynamic span, or no `span=` line).
        case notReported
    }

    /// The config's settings for `group` ("ccs/hdb3/crc4"), nil for a group that is not E1.
    public static func configured(_ group: LineGroup) -> SpanLine? {
        group.e1.map { SpanLine(framing: $0.framing.rawValue, lineCode: $0.lineCode.rawValue, crc4: $0.crc4) }
    }

    public static func verdict(_ group: LineGroup, span: SpanInfo?) -> Verdict {
        guard let wanted = configured(group) else { return .agrees }
        guard let running = span?.line else { return .notReported }
        return running == wanted ? .agrees : .differs(running)
    }

    /// The span of the group's channels among `spans` (the group's `span` when none is listed).
    static func span(of group: LineGroup, card: ChannelBackend, spans: [SpanInfo]) -> SpanInfo? {
        let id = card.channels.first { $0.number.rawValue == group.channels.first }?.span ?? SpanID(group.span)
        return spans.first { $0.span == id }
    }

    /// One log line per E1 group whose span runs other settings or reports none.
    public static func startUpLines(_ config: KefuConfig, card: ChannelBackend) -> [String] {
        let spans = card.spans()
        return config.lines.filter(\.isE1).compactMap { group in
            guard let wanted = configured(group) else { return nil }
            let span = span(of: group, card: card, spans: spans)
            switch verdict(group, span: span) {
            case .agrees: return nil
            case .differs(let running):
                return "[lines.\(group.name)] span \(span?.span.rawValue ?? group.span) runs \(running), the config says \(wanted): the far end will see framing or CRC-4 errors; make system.conf's span= line and the config agree (kefu setup writes it from the config)"
            case .notReported:
                return "[lines.\(group.name)] the driver reports no line settings for span \(span?.span.rawValue ?? group.span) (a dynamic span, or no span= line): \(wanted) not checked"
            }
        }
    }

    /// The status text for the group's line settings: the config's, and the driver's when they differ.
    public static func status(_ group: LineGroup?, card: ChannelBackend, spans: [SpanInfo], language: ConsoleLanguage) -> String {
        guard let group, let wanted = configured(group) else { return "-" }
        switch verdict(group, span: span(of: group, card: card, spans: spans)) {
        case .agrees: return "\(wanted)"
        case .differs(let running):
            return ConsoleText.pick(language, "\(wanted) (SPAN RUNS \(running))", "\(wanted) (span 实际为 \(running))")
        case .notReported:
            return ConsoleText.pick(language, "\(wanted) (not reported by the driver)", "\(wanted) (驱动未报告)")
        }
    }
}
