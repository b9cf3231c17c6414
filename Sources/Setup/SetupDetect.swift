#if canImport(Glibc)
import Glibc
#endif
import Channels
import Config
import SimChannels

/// Steps 1 and 2: read the configuration already there; find the board.
enum SetupDetect {
    /// The configuration already there, if any: its settings become the defaults.
    static func readExisting(_ s: SetupSession) throws(SetupRefusal) {
        s.existingText = try SetupFileIO.read(s.options.configPath)
        if let text = s.existingText {
            s.existing = ConfigLoader.load(text, file: s.options.configPath).config
            s.say("Found \(s.options.configPath): its settings are the defaults; tables setup does not own are kept.",
                  "已有 \(s.options.configPath)：以其中的设置为默认值；不归 setup 管理的表原样保留。")
        }
    }

    static func findBoard(_ s: SetupSession) throws(SetupRefusal) {
        let board = s.options.board ?? s.existing?.system.board.rawValue ?? "dahdi"
        switch board {
        case "sim": s.board = try simulated(s)
        case "dahdi":
            do { s.board = try BoardDetection.dahdi() } catch {
                if case .system(_, _, let e, _) = error, e == ENOENT {
                    throw SetupRefusal("board dahdi: no DAHDI device (/dev/dahdi/ctl): load the card's driver (modprobe wctdm24xxp, or the card's own), or try setup on the simulated board: --board sim",
                                       "板卡 dahdi：没有 DAHDI 设备（/dev/dahdi/ctl）：请加载板卡驱动（modprobe wctdm24xxp 或该板卡的驱动），或用模拟板卡试运行：--board sim")
                }
                throw SetupRefusal("board dahdi: cannot read /dev/dahdi/ctl: \(error). Load the card's driver (modprobe wctdm24xxp, or the card's own) or try setup on the simulated board: --board sim",
                                   "板卡 dahdi：无法读取 /dev/dahdi/ctl：\(error)。请加载板卡驱动（modprobe wctdm24xxp 或该板卡的驱动），或用模拟板卡试运行：--board sim")
            }
            guard !s.board.spans.isEmpty else {
                throw SetupRefusal("board dahdi: DAHDI has no spans (is the card seated and its driver loaded? lsmod | grep dahdi)",
                                   "板卡 dahdi：DAHDI 没有任何 span（板卡插好了吗？驱动加载了吗？lsmod | grep dahdi）")
            }
        default:
            throw SetupRefusal("--board '\(board)': must be dahdi or sim", "--board '\(board)'：必须是 dahdi 或 sim")
        }
        s.plan.board = board
        for line in describe(s.board, chinese: s.w.chinese) { s.console.say(line) }
    }

    /// The simulated board: lines and phones as --fxo/--fxs number them, or
    /// as the existing configuration does, or lines 1-4 and phones 5-8.
    static func simulated(_ s: SetupSession) throws(SetupRefusal) -> DetectedBoard {
        var lines = s.existing?.lines.filter { $0.signalling == .fxo }.flatMap(\.channels) ?? []
        var phones = s.existing?.lines.filter { $0.signalling == .fxs }.flatMap(\.channels) ?? []
        if let fxo = s.options.fxo { lines = try ChannelList.parse(fxo, place: "--fxo").get() }
        if let fxs = s.options.fxs { phones = try ChannelList.parse(fxs, place: "--fxs").get() }
        if lines.isEmpty && phones.isEmpty {
            lines = [1, 2, 3, 4]
            phones = [5, 6, 7, 8]
        } else if lines.isEmpty {
            lines = Array(1...4).map { $0 + (phones.max() ?? 0) }
        } else if phones.isEmpty {
            phones = Array(1...4).map { $0 + (lines.max() ?? 0) }
        }
        if let both = Set(lines).intersection(phones).min() {
            throw SetupRefusal("channel \(both) is in both --fxo and --fxs", "通道 \(both) 同时出现在 --fxo 和 --fxs 中")
        }
        let board = SimBoard(lineNumbers: lines, phoneNumbers: phones)
        s.sim = board
        return BoardDetection.simulated(board)
    }

    /// "Span 1 WCTDM/0 "Wildcard TDM410P" (analog, 4 channels): OK" and a line per port.
    static func describe(_ board: DetectedBoard, chinese: Bool) -> [String] {
        let w = Words(chinese: chinese)
        var out = [w("Board \(board.board): \(board.spans.count) span(s), \(board.ports.count) channel(s)",
                     "板卡 \(board.board)：\(board.spans.count) 个 span，\(board.ports.count) 个通道")]
        for span in board.spans {
            let alarms = span.alarms.isEmpty ? "OK" : w("alarm ", "告警 ") + span.alarms.joined(separator: ", ")
            let description = span.description.isEmpty ? "" : " \"\(span.description)\""
            out.append(w("Span", "Span") + " \(span.number) \(span.name)\(description) (\(span.type), \(span.channelCount) "
                       + w("channels", "个通道") + ")" + w(": ", "：") + alarms)
            if span.isDigital {
                out.append("  " + w("\(span.type) span: its system.conf lines come from kefu.toml's E1 line groups (e1-r2, e1-pri), not from questions",
                                    "\(span.type) span：其 system.conf 配置按 kefu.toml 中的 E1 线路组（e1-r2、e1-pri）写入，不逐项询问"))
                continue
            }
            for port in span.ports {
                let kind: String
                switch port.kind {
                case .line: kind = w("FXO module (a line from the exchange)", "FXO 模块（接外线）")
                case .phone: kind = w("FXS module (an agent's phone)", "FXS 模块（接话机）")
                case .either: kind = w("takes either signalling", "两种信令都可")
                case .digital: kind = w("digital", "数字")
                case .empty: kind = w("no module", "无模块")
                }
                var configured = ""
                if let c = port.configured {
                    configured = w(", configured \(c.dahdiName)", "，已配置为 \(c.dahdiName)")
                    if port.kind == .either { configured += w(" (so it is \(c == .fxoLine ? "an FXO line" : "an FXS port"))", "（因此是\(c == .fxoLine ? "外线" : "话机端口")）") }
                }
                out.append("  \(port.channel)  \(port.name): \(kind)\(configured)")
            }
        }
        return out
    }
}
