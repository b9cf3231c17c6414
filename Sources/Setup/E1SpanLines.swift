import Config

/// The system.conf lines setup writes for an E1 span that a kefu.toml E1
/// line group is on: `span=` (clock source, framing, line code, CRC-4) and
/// the timeslots' signalling — `bchan=` and `dchan=` for ISDN PRI, `cas=`
/// for MFC/R2 — so the span runs what the group says.
///
/// Every timeslot but 16 gets the group's signalling, whether the group
/// lists it or not: on PRI the exchange may offer a call on any B channel
/// (a channel no group serves is refused), and on R2 kefud holds the
/// timeslots no group lists blocked, which needs them to be CAS channels.
struct E1SpanLines: Sendable, Equatable {
    var span: DetectedSpan
    /// The kefu.toml groups on the span, `[lines.NAME]`.
    var groups: [String]
    var signalling: LineGroup.Signalling
    var settings: E1Settings
    /// The span's 31 channels, timeslots 1 to 31.
    var channels: [Int]
    /// DAHDI's timing priority: 0, the box's own clock; 1, 2, …, the first, second, … span whose clock to follow.
    var timing: Int
    /// Line build-out (0 for E1).
    var lbo = 0
    /// The span's existing `span=` line had other timing or build-out, kept.
    var keptFromFile = false

    /// The ABCD bits DAHDI sends on an R2 timeslot nobody holds: blocked
    /// (A=1 B=1, C=0 D=1; ITU-T Q.421). The exchange sees the timeslots
    /// blocked while kefud is not running them — before it starts, after it
    /// stops or dies (DAHDI puts these bits back when the timeslot is
    /// closed) — and offers no calls into a box that cannot answer; openr2
    /// sets them idle (1001) when kefud takes them.
    static let casIdleBits = "1101"

    var timeslot16: Int { channels[15] }
    var bearers: [Int] { channels.filter { $0 != timeslot16 } }
    var framing: String {
        "\(settings.framing.rawValue)/\(settings.lineCode.rawValue)" + (settings.crc4 ? "/crc4" : "")
    }

    /// "E1 group [lines.e1]: ISDN PRI, ccs/hdb3/crc4, clock from the line (timing 1)"
    var summary: String {
        let kind = signalling == .pri ? "ISDN PRI \(settings.priSide.rawValue) side" : "MFC/R2"
        let clock = (timing == 0 ? "the box's own clock (timing 0" : "clock from the line (timing \(timing)")
            + (keptFromFile ? ", kept from system.conf)" : ")")
        return "E1 " + groups.map { "[lines.\($0)]" }.joined(separator: " ") + ": \(kind), \(framing), \(clock)"
    }

    var lines: [String] {
        let s = settings
        var out = ["span=\(span.number),\(timing),\(lbo),\(s.framing.rawValue),\(s.lineCode.rawValue)" + (s.crc4 ? ",crc4" : "")]
        if signalling == .pri {
            out += ["bchan=" + ChannelList.format(bearers), "dchan=\(timeslot16)"]
        } else {
            out.append("cas=" + ChannelList.format(bearers) + ":" + Self.casIdleBits)
        }
        return out
    }
}

/// Which E1 spans setup writes, from kefu.toml's E1 groups and the detected board.
enum E1SpanPlanning {
    /// The spans setup writes lines for, with a note for each group it leaves
    /// alone (a dynamic span, whose lines are the installer's), or a refusal
    /// naming the group and what does not fit the card.
    static func plan(_ groups: [LineGroup], configPath: String, board: DetectedBoard,
                     words w: Words) -> Result<(spans: [E1SpanLines], notes: [String]), SetupRefusal> {
        var spans: [E1SpanLines] = [], notes: [String] = []
        for group in groups where group.isE1 {
            guard let e1 = group.e1 else { continue }
            let place = "\(configPath):\(group.line): [lines.\(group.name)]"
            let onSpans = Set(group.channels.compactMap { board.port($0)?.span })
            if let missing = group.channels.first(where: { board.port($0) == nil }) {
                return .failure(SetupRefusal("\(place): channel \(missing) is not on the board",
                                             "\(place)：通道 \(missing) 不在板卡上"))
            }
            guard onSpans.count == 1, let number = onSpans.first, let span = board.spans.first(where: { $0.number == number }) else {
                let list = onSpans.sorted().map(String.init).joined(separator: ", ")
                return .failure(SetupRefusal("\(place): its channels are on spans \(list); an E1 group is one span",
                                             "\(place)：其通道分布在 span \(list)；一个 E1 线路组只能在一个 span 上"))
            }
            guard group.span == span.number else {
                return .failure(SetupRefusal("\(place): span = \(group.span), but its channels are on span \(span.number) (\(span.name)); write span = \(span.number)",
                                             "\(place)：span = \(group.span)，但其通道在 span \(span.number)（\(span.name)）上；请写 span = \(span.number)"))
            }
            guard span.type == "E1" else {
                if BoardDetection.digitalTypes.contains(span.type) {
                    return .failure(SetupRefusal("\(place): span \(span.number) (\(span.name)) is a \(span.type) span; MFC/R2 and ISDN PRI here need an E1",
                                                 "\(place)：span \(span.number)（\(span.name)）是 \(span.type) span；这里的 MFC/R2 和 ISDN PRI 需要 E1"))
                }
                notes.append(w("[lines.\(group.name)]: span \(span.number) is \(span.type), not an E1 card: its system.conf lines are kept as they are",
                               "[lines.\(group.name)]：span \(span.number) 是 \(span.type)，不是 E1 卡：其 system.conf 配置行保持不变"))
                continue
            }
            let channels = span.ports.map(\.channel).sorted()
            guard channels.count == 31 else {
                return .failure(SetupRefusal("\(place): span \(span.number) (\(span.name)) has \(channels.count) channels; an E1 has 31 timeslots",
                                             "\(place)：span \(span.number)（\(span.name)）有 \(channels.count) 个通道；E1 应有 31 个时隙"))
            }
            let planned = E1SpanLines(span: span, groups: [group.name], signalling: group.signalling, settings: e1, channels: channels, timing: 0)
            if group.channels.contains(planned.timeslot16) {
                let role = group.signalling == .pri ? "the D channel (d_channel)" : "the CAS signalling timeslot"
                return .failure(SetupRefusal("\(place): channel \(planned.timeslot16) is timeslot 16 of span \(span.number), \(role), not a bearer channel",
                                             "\(place)：通道 \(planned.timeslot16) 是 span \(span.number) 的 16 时隙（\(group.signalling == .pri ? "D 信道" : "CAS 信令时隙")），不能作话路"))
            }
            if group.signalling == .pri, let d = e1.dChannel, d.value != planned.timeslot16 {
                return .failure(SetupRefusal("\(place): d_channel = \(d.value), but the D channel of span \(span.number) is channel \(planned.timeslot16) (timeslot 16)",
                                             "\(place)：d_channel = \(d.value)，但 span \(span.number) 的 D 信道是通道 \(planned.timeslot16)（16 时隙）"))
            }
            if let i = spans.firstIndex(where: { $0.span.number == span.number }) {
                let other = spans[i]
                guard other.signalling == planned.signalling, other.framing == planned.framing else {
                    return .failure(SetupRefusal("\(place): span \(span.number) would run \(planned.signalling.rawValue) \(planned.framing), but [lines.\(other.groups[0])] on the same span says \(other.signalling.rawValue) \(other.framing)",
                                                 "\(place)：span \(span.number) 将为 \(planned.signalling.rawValue) \(planned.framing)，但同一 span 上的 [lines.\(other.groups[0])] 为 \(other.signalling.rawValue) \(other.framing)"))
                }
                spans[i].groups.append(group.name)
                continue
            }
            spans.append(planned)
        }
        spans.sort { $0.span.number < $1.span.number }
        // The box follows the network's clock: spans towards the network give
        // it in span order; a PRI span where Kefu is the network gives its own.
        var priority = 0
        for i in spans.indices {
            let own = spans[i].signalling == .pri && spans[i].settings.priSide == .network
            if !own { priority += 1 }
            spans[i].timing = own ? 0 : priority
        }
        return .success((spans, notes))
    }

    /// `spans` with the timing and build-out of their existing `span=` lines
    /// in `old` (system.conf): an installer's choice of clock source is kept.
    static func keepingTiming(_ spans: [E1SpanLines], old: String?) -> [E1SpanLines] {
        var out = spans
        for line in (old ?? "").split(separator: "\n") {
            guard let fields = SystemConfText.spanFields(line), fields.count >= 3, let number = fields[0], let timing = fields[1], let lbo = fields[2], timing >= 0, (0...7).contains(lbo),
                  let i = out.firstIndex(where: { $0.span.number == number }) else { continue }
            out[i].keptFromFile = timing != out[i].timing || lbo != out[i].lbo
            out[i].timing = timing
            out[i].lbo = lbo
        }
        return out
    }
}
