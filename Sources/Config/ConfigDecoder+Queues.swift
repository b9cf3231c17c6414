import Telephony

/// [queues.*]: who answers, in what order, how long callers wait, and what
/// the ACD does for them meanwhile (VIPs, escalation, messages, callbacks).
extension ConfigDecoder {
    func queue(_ name: Located<String>, _ r: TableReader) -> Queue {
        checkName(name, .queue)
        var q = Queue(name: name.value, line: name.line, title: r.string("title")?.value ?? name.value)
        if let v = choice(r, "strategy", Queue.Strategy.self) { q.strategy = v }
        q.agents = r.strings("agents", required: Bilingual("the agent ids who answer this queue", "接听此队列的坐席工号")) ?? []
        var seen: Set<String> = []
        for a in q.agents where !seen.insert(a.value).inserted {
            sink.error(a.line, "agent '\(a.value)' is listed twice in \(r.path)", "坐席 '\(a.value)' 在 \(r.path) 中列了两次")
        }
        q.hours = r.string("hours")
        q.closed = action(r, "closed")
        if let v = r.seconds("max_wait", in: 10...7200) { q.maxWait = v.value }
        if let v = r.int("max_callers", in: 1...500) { q.maxCallers = v.value }
        q.overflow = action(r, "overflow")
        q.holdPrompt = prompts(r, "hold_prompt")
        if let v = r.bool("announce_position") { q.announcePosition = v.value }
        if let v = r.seconds("announce_every", in: 15...600) { q.announceEvery = v.value }
        if let v = r.bool("announce_on_join") { q.announceOnJoin = v.value }
        if let v = r.seconds("ring_timeout", in: 5...120) { q.ringTimeout = v.value }
        if let v = r.seconds("wrap_up", in: 0...600) { q.wrapUp = v.value }
        if let v = r.seconds("service_level", in: 1...600) { q.serviceLevel = v.value }
        if let v = r.seconds("short_abandon", in: 0...60) { q.shortAbandon = v.value }
        if let v = r.seconds("expected_handle_time", in: 10...3600) { q.expectedHandleTime = v.value }
        q.survey = r.string("survey")
        if let v = r.boolOrWord("record", words: RecordPolicy.allCases.map(\.rawValue)) {
            q.record = v.value == "true" ? .always : v.value == "false" ? .never : RecordPolicy(rawValue: v.value) ?? .always
        }
        if let v = r.int("recordings_days", in: 1...3650) { q.recordingsDays = v.value }
        if let code = r.string("transfer_code") {
            if (1...6).contains(code.value.count), code.value.allSatisfy({ $0.isASCII && $0.isNumber }) {
                q.transferCode = code
            } else {
                sink.error(code.line, "'transfer_code' in \(r.path) must be 1 to 6 digits, not '\(code.value)'",
                           "\(r.path) 中的 'transfer_code' 必须是 1 到 6 位数字，不能是 '\(code.value)'")
            }
        }
        closedActionNeeded(q.hours, q.closed, r.path)
        q.skills = skills(r, "skills") ?? []
        if let v = r.int("weight", in: 0...100) { q.weight = v.value }
        if let text = r.string("when_no_agents") {
            q.whenNoAgents = text.value == "join" ? nil
                : action(text, where: Bilingual("'when_no_agents' in \(r.path) (\"join\" or an action)", "\(r.path) 中的 'when_no_agents'（\"join\" 或一个动作）"))
        }
        vip(r, &q)
        periodic(r, &q)
        q.escalation = escalation(r)
        callback(r, &q)
        r.finish()
        return q
    }

    private func vip(_ r: TableReader, _ q: inout Queue) {
        var seen: Set<String> = []
        for number in r.strings("vip_callers") ?? [] {
            guard (3...20).contains(number.value.count), number.value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                sink.error(number.line, "VIP number '\(number.value)' in \(r.path) must be 3 to 20 digits, as caller ID sends it (no spaces, '+' or '-')",
                           "\(r.path) 中的 VIP 号码 '\(number.value)' 必须是 3 到 20 位数字，与来电显示送来的号码一致（不带空格、'+' 或 '-'）")
                continue
            }
            if !seen.insert(number.value).inserted {
                sink.error(number.line, "VIP number '\(number.value)' is listed twice in \(r.path)", "VIP 号码 '\(number.value)' 在 \(r.path) 中列了两次")
                continue
            }
            q.vipCallers.append(number)
        }
        if let file = r.string("vip_list") {
            if file.value.isEmpty {
                sink.error(file.line, "'vip_list' in \(r.path) is empty: give a file name", "\(r.path) 中的 'vip_list' 为空：请填写文件名")
            } else {
                q.vipList = file
            }
        }
        if let v = r.seconds("vip_head_start", in: 1...3600) {
            q.vipHeadStart = v.value
            if !r.has("vip_callers"), !r.has("vip_list") {
                sink.error(v.line, "'vip_head_start' in \(r.path) has no effect without 'vip_callers' or 'vip_list'",
                           "\(r.path) 中的 'vip_head_start' 在没有 'vip_callers' 或 'vip_list' 时不起作用")
            }
        }
    }

    private func periodic(_ r: TableReader, _ q: inout Queue) {
        q.periodicPrompt = prompts(r, "periodic_prompt")
        if let v = r.seconds("periodic_every", in: 10...600) {
            q.periodicEvery = v.value
            if !r.has("periodic_prompt") {
                sink.error(v.line, "'periodic_every' in \(r.path) has no effect without 'periodic_prompt'",
                           "\(r.path) 中的 'periodic_every' 在没有 'periodic_prompt' 时不起作用")
            }
        }
    }

    /// `[[queues.NAME.escalate]]` tables (or one `[queues.NAME.escalate]`):
    /// `after` seconds, then `skills` and/or `queues`.
    private func escalation(_ r: TableReader) -> [Escalation] {
        guard let entry = r.table.entry("escalate") else { return [] }
        r.ignore("escalate")
        let path = "[\(r.path.dropFirst().dropLast()).escalate]"
        let tables: [TOMLNode]
        switch entry.node.value {
        case .table: tables = [entry.node]
        case .array(let items): tables = items
        default:
            sink.error(entry.node.line, "'escalate' in \(r.path) must be a table: write [\(path)] with 'after' and 'skills' or 'queues'",
                       "\(r.path) 中的 'escalate' 必须是表：请写成 [\(path)]，包含 'after' 以及 'skills' 或 'queues'")
            return []
        }
        var steps: [Escalation] = []
        for node in tables {
            guard case .table(let t) = node.value else {
                sink.error(node.line, "'escalate' in \(r.path) must list tables, not \(node.value.typeName.english)",
                           "\(r.path) 中的 'escalate' 必须列出表，不能是\(node.value.typeName.chinese)")
                continue
            }
            let s = TableReader(t, path: path, sink: sink)
            guard let after = s.seconds("after", in: 1...7200) else {
                if !s.has("after") { s.missing("after", Bilingual("seconds of waiting before this step applies", "等待多少秒后执行这一步")) }
                s.ignore("skills"); s.ignore("queues")
                s.finish()
                continue
            }
            var step = Escalation(line: node.line, after: after.value)
            step.skills = skills(s, "skills")
            step.queues = s.strings("queues") ?? []
            let seconds = format(Double(after.value) / 1000)
            if step.skills == nil, step.queues.isEmpty {
                sink.error(node.line, "\(path) (after \(seconds) s) changes nothing: give 'skills' (the skills needed from then on) and/or 'queues' (whose agents may help)",
                           "\(path)（\(seconds) 秒后）没有改变任何东西：请给出 'skills'（此后需要的技能）和/或 'queues'（可以帮忙接听的队列）")
            }
            if let earlier = steps.first(where: { $0.after == step.after }) {
                sink.error(after.line, "\(path): two steps apply after \(seconds) s (the other on line \(earlier.line))",
                           "\(path)：有两个步骤都在 \(seconds) 秒后执行（另一个在第 \(earlier.line) 行）")
            }
            s.finish()
            steps.append(step)
        }
        return steps.sorted { $0.after < $1.after }
    }

    private static let callbackKeys = ["callback_key", "callback_attempts", "callback_retry", "callback_retry_max"]

    private func callback(_ r: TableReader, _ q: inout Queue) {
        q.callback = r.bool("callback")
        if let key = r.string("callback_key") {
            if key.value.count == 1, let k = DTMFKey(Character(key.value)), "0123456789*#".contains(k.rawValue) {
                q.callbackSettings.key = k
            } else {
                sink.error(key.line, "'callback_key' in \(r.path) must be one key: 0-9, \"*\" or \"#\", not '\(key.value)'",
                           "\(r.path) 中的 'callback_key' 必须是一个按键：0-9、\"*\" 或 \"#\"，不能是 '\(key.value)'")
            }
        }
        if let v = r.int("callback_attempts", in: 1...10) { q.callbackSettings.attempts = v.value }
        let retry = r.seconds("callback_retry", in: 10...3600)
        let retryMax = r.seconds("callback_retry_max", in: 10...86_400)
        if let retry { q.callbackSettings.retry = retry.value }
        if let retryMax { q.callbackSettings.retryMax = retryMax.value }
        if q.callbackSettings.retryMax < q.callbackSettings.retry, let line = (retryMax ?? retry)?.line {
            let most = format(Double(q.callbackSettings.retryMax) / 1000), first = format(Double(q.callbackSettings.retry) / 1000)
            sink.error(line, "\(r.path): callback_retry_max (\(most) s) is less than callback_retry (\(first) s)",
                       "\(r.path)：callback_retry_max（\(most) 秒）小于 callback_retry（\(first) 秒）")
        }
        if let off = q.callback, !off.value {
            for (key, action) in [("overflow", q.overflow), ("when_no_agents", q.whenNoAgents)] {
                if case .callback(let target)? = action?.value, target == q.name {
                    sink.error(action!.line, "\(r.path): '\(key)' offers a callback, but 'callback' is false on line \(off.line)",
                               "\(r.path)：'\(key)' 提供回拨，但第 \(off.line) 行的 'callback' 为 false")
                }
            }
        }
        if !q.offersCallback, let key = Self.callbackKeys.first(where: { r.has($0) }) {
            sink.error(r.table.entry(key)!.line, "'\(key)' in \(r.path) has no effect: callbacks are off (set callback = true)",
                       "\(r.path) 中的 '\(key)' 不起作用：回拨没有开启（请设置 callback = true）")
        }
    }

    /// Skill names with levels 1–10: `["billing:3", "english"]` (level 1
    /// when not given) or a table of `name = level`.
    func skills(_ r: TableReader, _ key: String) -> [Located<SkillLevel>]? {
        guard let entry = r.table.entry(key) else { return nil }
        var out: [Located<SkillLevel>] = []
        let low = SkillLevel.levels.lowerBound, high = SkillLevel.levels.upperBound
        func add(_ name: String, _ level: Int, _ line: Int, _ place: Bilingual) {
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                sink.error(line, "skill name '\(name)' in \(place.english) may use only letters, digits, '_' and '-'",
                           "\(place.chinese) 中的技能名称 '\(name)' 只能使用字母、数字、'_' 和 '-'")
                return
            }
            guard SkillLevel.levels.contains(level) else {
                sink.error(line, "skill '\(name)' in \(place.english) has level \(level); levels are \(low) to \(high)",
                           "\(place.chinese) 中的技能 '\(name)' 等级为 \(level)；等级应为 \(low) 到 \(high)")
                return
            }
            if out.contains(where: { $0.value.skill == name }) {
                sink.error(line, "skill '\(name)' is listed twice in \(place.english)", "技能 '\(name)' 在 \(place.chinese) 中列了两次")
                return
            }
            out.append(Located(SkillLevel(name, level), line: line))
        }
        if case .table(let t) = entry.node.value {
            r.ignore(key)
            let path = "[\(r.path.dropFirst().dropLast()).\(key)]", place = Bilingual(path, path)
            for e in t.entries {
                guard case .integer(let level) = e.node.value else {
                    let found = e.node.value.typeName
                    sink.error(e.node.line, "skill '\(e.key)' in \(path) must be a level (a whole number \(low)-\(high)), not \(found.english)",
                               "\(path) 中的技能 '\(e.key)' 必须是等级（\(low)-\(high) 的整数），不能是\(found.chinese)")
                    continue
                }
                add(e.key, level, e.node.line, place)
            }
            return out
        }
        guard let list = r.strings(key) else { return nil }
        let place = Bilingual("'\(key)' in \(r.path)", "\(r.path) 的 '\(key)'")
        for item in list {
            let parts = item.value.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            if parts.count == 1 {
                add(parts[0], 1, item.line, place)
            } else if parts.count == 2, let level = Int(parts[1]) {
                add(parts[0], level, item.line, place)
            } else {
                sink.error(item.line, "skill '\(item.value)' in \(r.path): write NAME or NAME:LEVEL, e.g. \"billing:3\" (levels \(low) to \(high))",
                           "\(r.path) 中的技能 '\(item.value)'：请写成 名称 或 名称:等级，如 \"billing:3\"（等级 \(low) 到 \(high)）")
            }
        }
        return out
    }
}
