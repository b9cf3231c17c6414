/// `[lines.NAME]` of an E1 group: framing, line code, CRC-4, the PRI or R2
/// settings and the `[lines.NAME.dnis]` table of hotline numbers. Keys of
/// one kind of E1 on the other kind (or on an analog group) are errors that
/// say which signalling takes them.
extension ConfigDecoder {
    static let priKeys = ["d_channel", "switch_type", "pri_side"]
    static let r2Keys = ["r2_variant", "dnis_digits", "ani_digits", "r2_protocol_file"]
    static let e1Keys = ["framing", "line_code", "crc4", "own_number", "dnis", "signalling_log"]

    func e1Settings(_ group: LineGroup, _ r: TableReader) -> E1Settings? {
        guard group.isE1 else {
            for key in Self.e1Keys + Self.priKeys + Self.r2Keys where r.has(key) {
                r.ignore(key)
                sink.error(r.line, "'\(key)' in \(r.path): only E1 line groups (signalling \"e1-r2\" or \"e1-pri\") take it",
                           "\(r.path) 中的 '\(key)'：只有 E1 线路组（signalling 为 \"e1-r2\" 或 \"e1-pri\"）才有这一项")
            }
            return nil
        }
        let pri = group.signalling == .pri
        let wanted: E1Settings.Framing = pri ? .ccs : .cas
        var e1 = E1Settings(framing: wanted)
        if let f = choice(r, "framing", E1Settings.Framing.self), f != wanted {
            sink.error(r.line, "'framing' in \(r.path) is \"\(f.rawValue)\", but \(group.signalling.rawValue) needs \"\(wanted.rawValue)\"",
                       "\(r.path) 中的 'framing' 是 \"\(f.rawValue)\"，但 \(group.signalling.rawValue) 需要 \"\(wanted.rawValue)\"")
        }
        if let code = choice(r, "line_code", E1Settings.LineCode.self) { e1.lineCode = code }
        if let crc = r.bool("crc4") { e1.crc4 = crc.value }
        if let detail = r.bool("signalling_log") { e1.logFrames = detail.value }
        if let own = r.string("own_number") {
            if own.value.isEmpty || own.value.count > 20 || !own.value.allSatisfy({ $0.isASCII && $0.isNumber }) {
                sink.error(own.line, "'own_number' in \(r.path) must be 1 to 20 digits, not '\(own.value)'",
                           "\(r.path) 中的 'own_number' 必须是 1 到 20 位数字，不能是 '\(own.value)'")
            } else {
                e1.ownNumber = own
            }
        }
        let foreign = pri ? Self.r2Keys : Self.priKeys
        for key in foreign where r.has(key) {
            r.ignore(key)
            let other = pri ? "e1-r2" : "e1-pri"
            sink.error(r.line, "'\(key)' in \(r.path): only \(other) line groups take it (this group is \(group.signalling.rawValue))",
                       "\(r.path) 中的 '\(key)'：只有 \(other) 线路组才有这一项（本组是 \(group.signalling.rawValue)）")
        }
        if pri {
            e1.dChannel = r.int("d_channel", in: 1...1024,
                                required: Bilingual("the DAHDI channel of the span's D channel, timeslot 16, e.g. 16",
                                                    "该 E1 的 D 信道（第 16 时隙）的 DAHDI 通道号，如 16"))
            if let d = e1.dChannel, group.channels.contains(d.value) {
                sink.error(d.line, "'d_channel' \(d.value) in \(r.path) is also one of its 'channels': the D channel carries signalling, not calls",
                           "\(r.path) 中的 'd_channel' \(d.value) 也在 'channels' 里：D 信道只传信令，不承载通话")
            }
            if let s = choice(r, "switch_type", E1Settings.SwitchType.self) { e1.switchType = s }
            if let side = choice(r, "pri_side", E1Settings.PRISide.self) { e1.priSide = side }
        } else {
            if let v = choice(r, "r2_variant", E1Settings.R2Variant.self) { e1.r2Variant = v }
            if let n = r.int("dnis_digits", in: 1...20) { e1.dnisDigits = n.value }
            if let n = r.int("ani_digits", in: 0...20) { e1.aniDigits = n.value }
            if let file = r.string("r2_protocol_file") {
                if file.value.hasPrefix("/") && file.value.count > 1 {
                    e1.r2ProtocolFile = file
                } else {
                    sink.error(file.line, "'r2_protocol_file' in \(r.path) must be an absolute path to an openr2 protocol file, not '\(file.value)'",
                               "\(r.path) 中的 'r2_protocol_file' 必须是 openr2 协议文件的绝对路径，不能是 '\(file.value)'")
                }
            }
        }
        if group.channels.count > 30 {
            sink.error(group.channelsLine, "'channels' in \(r.path) lists \(group.channels.count) channels; an E1 has 30 bearer channels",
                       "\(r.path) 中的 'channels' 列了 \(group.channels.count) 个通道；一条 E1 只有 30 个话路")
        }
        if let table = r.subtable("dnis") { e1.dnisMenus = dnisTable(table) }
        return e1
    }

    /// `"4008001234" = "main"`: each called number and its menu.
    private func dnisTable(_ t: TableReader) -> [DNISMenu] {
        var out: [DNISMenu] = []
        for entry in t.allEntries() {
            guard !entry.key.isEmpty, entry.key.count <= 20, entry.key.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                sink.error(entry.line, "'\(entry.key)' in \(t.path) is not a called number (1 to 20 digits)",
                           "\(t.path) 中的 '\(entry.key)' 不是被叫号码（1 到 20 位数字）")
                continue
            }
            guard case .string(let menu) = entry.node.value else {
                sink.error(entry.node.line, "number \(entry.key) in \(t.path) must name a menu in quotes, e.g. \"main\"",
                           "\(t.path) 中的号码 \(entry.key) 必须是带引号的菜单名，如 \"main\"")
                continue
            }
            out.append(DNISMenu(number: entry.key, menu: Located(menu, line: entry.node.line), line: entry.line))
        }
        if out.isEmpty && t.table.entries.isEmpty {
            sink.error(t.line, "\(t.path) lists no called numbers", "\(t.path) 没有列出任何被叫号码")
        }
        return out
    }
}
