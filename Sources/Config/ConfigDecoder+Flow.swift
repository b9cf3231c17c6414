import Telephony

/// [menus.*] and [surveys.*]: the call flow ([queues.*] are in ConfigDecoder+Queues).
extension ConfigDecoder {
    private static let kindKeys: [String: String] = [
        "keys": "menu",
        "min_digits": "collect", "max_digits": "collect", "terminator": "collect",
        "inter_digit_timeout": "collect", "pattern": "collect", "store": "collect",
    ]

    func menu(_ name: Located<String>, _ r: TableReader) -> Menu? {
        checkName(name, .menu)
        let type = r.string("type")?.value ?? "menu"
        let kind: Menu.Kind?
        switch type {
        case "menu": kind = options(r)
        case "collect": kind = collect(r)
        case "message":
            kind = action(r, "next", required: Bilingual("what happens after the message, e.g. \"hangup\"", "放完这段语音后做什么，如 \"hangup\""))
                .map { .message(next: $0) }
        default:
            let hint = didYouMean(type, ["menu", "collect", "message"])
            sink.error(r.table.entry("type")!.node.line, "'type' in \(r.path) is '\(type)'\(hint.english); use menu, collect or message",
                       "\(r.path) 中的 'type' 是 '\(type)'\(hint.chinese)；请用 menu、collect 或 message")
            kind = nil
        }
        for (key, owner) in Self.kindKeys where kind != nil && owner != type && r.has(key) {
            r.ignore(key)
            sink.error(r.table.entry(key)!.line, "'\(key)' in \(r.path) applies only to type = \"\(owner)\" (this is \"\(type)\")",
                       "\(r.path) 中的 '\(key)' 只适用于 type = \"\(owner)\"（这里是 \"\(type)\"）")
        }
        if type != "collect" && type != "message", r.has("next") {
            r.ignore("next")
            sink.error(r.table.entry("next")!.line, "'next' in \(r.path) applies only to type = \"collect\" or \"message\"",
                       "\(r.path) 中的 'next' 只适用于 type = \"collect\" 或 \"message\"")
        }
        var m = Menu(name: name.value, line: name.line, kind: kind ?? .options([:]))
        m.prompt = prompts(r, "prompt")
        if m.prompt.isEmpty, !r.has("prompt") { r.missing("prompt", Bilingual("the prompt name(s) to play", "要播放的提示音名称")) }
        m.hours = r.string("hours")
        m.closed = action(r, "closed")
        if let v = r.seconds("timeout", in: 1...60) { m.timeout = v.value }
        if let v = r.int("retries", in: 0...9) { m.retries = v.value }
        m.timeoutPrompt = prompts(r, "timeout_prompt")
        m.invalidPrompt = prompts(r, "invalid_prompt")
        m.failPrompt = prompts(r, "fail_prompt")
        if let v = action(r, "on_fail") { m.onFail = v }
        if let v = r.bool("barge_in") { m.bargeIn = v.value }
        closedActionNeeded(m.hours, m.closed, r.path)
        r.finish()
        return kind == nil ? nil : m
    }

    private func options(_ r: TableReader) -> Menu.Kind? {
        guard let keys = r.subtable("keys", required: true) else { return nil }
        var table: [DTMFKey: Located<MenuAction>] = [:]
        for entry in keys.allEntries() {
            guard entry.key.count == 1, let key = DTMFKey(Character(entry.key)) else {
                sink.error(entry.line, "'\(entry.key)' in \(keys.path) is not a phone key (0-9, \"*\", \"#\", A-D)",
                           "\(keys.path) 中的 '\(entry.key)' 不是话机按键（0-9、\"*\"、\"#\"、A-D）")
                continue
            }
            guard case .string(let text) = entry.node.value else {
                sink.error(entry.node.line, "key \(entry.key) in \(keys.path) must be an action in quotes, e.g. \"queue sales\"",
                           "\(keys.path) 中的按键 \(entry.key) 必须是带引号的动作，如 \"queue sales\"")
                continue
            }
            let place = Bilingual("key \(entry.key) in \(keys.path)", "\(keys.path) 中的按键 \(entry.key)")
            if let a = action(Located(text, line: entry.node.line), where: place) { table[key] = a }
        }
        if keys.table.entries.isEmpty { sink.error(keys.line, "\(keys.path) has no keys", "\(keys.path) 没有设置任何按键") }
        return .options(table)
    }

    private func collect(_ r: TableReader) -> Menu.Kind? {
        let store = r.string("store", required: Bilingual("the call-data name the digits are saved as", "按键数字保存为哪个通话数据名称"))
        let next = action(r, "next", required: Bilingual("what happens after a valid entry", "输入有效后做什么"))
        if let s = store { checkName(s, Bilingual("call-data", "通话数据")) }
        guard let store, let next else { return nil }
        var c = Menu.Collect(store: store.value, next: next)
        let minDigits = r.int("min_digits", in: 0...32)
        let maxDigits = r.int("max_digits", in: 1...32)
        if let v = minDigits { c.minDigits = v.value }
        if let v = maxDigits { c.maxDigits = v.value }
        if c.minDigits > c.maxDigits {
            sink.error((minDigits ?? maxDigits)!.line, "\(r.path): min_digits (\(c.minDigits)) is more than max_digits (\(c.maxDigits))",
                       "\(r.path)：min_digits（\(c.minDigits)）大于 max_digits（\(c.maxDigits)）")
        }
        if let t = r.string("terminator") {
            if t.value == "none" {
                c.terminator = nil
            } else if t.value.count == 1, let key = DTMFKey(Character(t.value)), key == .hash || key == .star {
                c.terminator = key
            } else {
                sink.error(t.line, "'terminator' in \(r.path) must be \"#\", \"*\" or \"none\", not '\(t.value)'",
                           "\(r.path) 中的 'terminator' 必须是 \"#\"、\"*\" 或 \"none\"，不能是 '\(t.value)'")
            }
        }
        if let v = r.seconds("inter_digit_timeout", in: 1...30) { c.interDigitTimeout = v.value }
        if let p = r.string("pattern") {
            do {
                _ = try Regex(p.value)
                c.pattern = p
            } catch {
                sink.error(p.line, "'pattern' in \(r.path) is not a valid regular expression: \(error)",
                           "\(r.path) 中的 'pattern' 不是有效的正则表达式：\(error)")
            }
        }
        return .collect(c)
    }

    func survey(_ name: Located<String>, _ r: TableReader) -> Survey {
        checkName(name, .survey)
        var s = Survey(name: name.value, line: name.line)
        s.prompt = prompts(r, "prompt")
        if s.prompt.isEmpty, !r.has("prompt") { r.missing("prompt", Bilingual("the question, e.g. \"survey-ask\"", "提问的提示音，如 \"survey-ask\"")) }
        s.thanksPrompt = prompts(r, "thanks_prompt")
        s.invalidPrompt = prompts(r, "invalid_prompt")
        if let v = r.seconds("timeout", in: 1...30) { s.timeout = v.value }
        if let v = r.int("retries", in: 0...5) { s.retries = v.value }
        if let v = r.int("scale", in: 2...9) { s.scale = v.value }
        r.finish()
        return s
    }
}
