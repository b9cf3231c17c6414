import Telephony

/// [queues.*]: who answers, in what order, how long callers wait, and what
/// the ACD does for them meanwhile (VIPs, escalation, messages, callbacks).
extension ConfigDecoder {
    func queue(_ name: Located<String>, _ r: TableReader) -> Queue {
        checkName(name, "queue")
        var q = Queue(name: name.value, line: name.line, title: r.string("title")?.value ?? name.value)
        if let v = choice(r, "strategy", Queue.Strategy.self) { q.strategy = v }
        q.agents = r.strings("agents", required: "the agent ids who answer this queue") ?? []
        var seen: Set<String> = []
        for a in q.agents where !seen.insert(a.value).inserted { sink.error(a.line, "agent '\(a.value)' is listed twice in \(r.path)") }
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
                sink.error(code.line, "'transfer_code' in \(r.path) must be 1 to 6 digits, not '\(code.value)'")
            }
        }
        if let h = q.hours, q.closed == nil {
            sink.error(h.line, "\(r.path) has 'hours' but no 'closed' action (what callers get when it is closed)")
        }
        q.skills = skills(r, "skills") ?? []
        if let v = r.int("weight", in: 0...100) { q.weight = v.value }
        if let text = r.string("when_no_agents") {
            q.whenNoAgents = text.value == "join" ? nil : action(text, where: "'when_no_agents' in \(r.path) (\"join\" or an action)")
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
                sink.error(number.line, "VIP number '\(number.value)' in \(r.path) must be 3 to 20 digits, as caller ID sends it (no spaces, '+' or '-')")
                continue
            }
            if !seen.insert(number.value).inserted {
                sink.error(number.line, "VIP number '\(number.value)' is listed twice in \(r.path)")
                continue
            }
            q.vipCallers.append(number)
        }
        if let file = r.string("vip_list") {
            if file.value.isEmpty { sink.error(file.line, "'vip_list' in \(r.path) is empty: give a file name") } else { q.vipList = file }
        }
        if let v = r.seconds("vip_head_start", in: 1...3600) {
            q.vipHeadStart = v.value
            if !r.has("vip_callers"), !r.has("vip_list") {
                sink.error(v.line, "'vip_head_start' in \(r.path) has no effect without 'vip_callers' or 'vip_list'")
            }
        }
    }

    private func periodic(_ r: TableReader, _ q: inout Queue) {
        q.periodicPrompt = prompts(r, "periodic_prompt")
        if let v = r.seconds("periodic_every", in: 10...600) {
            q.periodicEvery = v.value
            if !r.has("periodic_prompt") { sink.error(v.line, "'periodic_every' in \(r.path) has no effect without 'periodic_prompt'") }
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
            sink.error(entry.node.line, "'escalate' in \(r.path) must be a table: write [\(path)] with 'after' and 'skills' or 'queues'")
            return []
        }
        var steps: [Escalation] = []
        for node in tables {
            guard case .table(let t) = node.value else {
                sink.error(node.line, "'escalate' in \(r.path) must list tables, not \(node.value.typeName)")
                continue
            }
            let s = TableReader(t, path: path, sink: sink)
            guard let after = s.seconds("after", in: 1...7200) else {
                if !s.has("after") { s.missing("after", "seconds of waiting before this step applies") }
                s.ignore("skills"); s.ignore("queues")
                s.finish()
                continue
            }
            var step = Escalation(line: node.line, after: after.value)
            step.skills = skills(s, "skills")
            step.queues = s.strings("queues") ?? []
            if step.skills == nil, step.queues.isEmpty {
                sink.error(node.line, "\(path) (after \(format(Double(after.value) / 1000)) s) changes nothing: give 'skills' (the skills needed from then on) and/or 'queues' (whose agents may help)")
            }
            if let earlier = steps.first(where: { $0.after == step.after }) {
                sink.error(after.line, "\(path): two steps apply after \(format(Double(after.value) / 1000)) s (the other on line \(earlier.line))")
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
                sink.error(key.line, "'callback_key' in \(r.path) must be one key: 0-9, \"*\" or \"#\", not '\(key.value)'")
            }
        }
        if let v = r.int("callback_attempts", in: 1...10) { q.callbackSettings.attempts = v.value }
        let retry = r.seconds("callback_retry", in: 10...3600)
        let retryMax = r.seconds("callback_retry_max", in: 10...86_400)
        if let retry { q.callbackSettings.retry = retry.value }
        if let retryMax { q.callbackSettings.retryMax = retryMax.value }
        if q.callbackSettings.retryMax < q.callbackSettings.retry, let line = (retryMax ?? retry)?.line {
            sink.error(line, "\(r.path): callback_retry_max (\(format(Double(q.callbackSettings.retryMax) / 1000)) s) is less than callback_retry (\(format(Double(q.callbackSettings.retry) / 1000)) s)")
        }
        if let off = q.callback, !off.value {
            for (key, action) in [("overflow", q.overflow), ("when_no_agents", q.whenNoAgents)] {
                if case .callback(let target)? = action?.value, target == q.name {
                    sink.error(action!.line, "\(r.path): '\(key)' offers a callback, but 'callback' is false on line \(off.line)")
                }
            }
        }
        if !q.offersCallback, let key = Self.callbackKeys.first(where: { r.has($0) }) {
            sink.error(r.table.entry(key)!.line, "'\(key)' in \(r.path) has no effect: callbacks are off (set callback = true)")
        }
    }

    /// Skill names with levels 1–10: `["billing:3", "english"]` (level 1
    /// when not given) or a table of `name = level`.
    func skills(_ r: TableReader, _ key: String) -> [Located<SkillLevel>]? {
        guard let entry = r.table.entry(key) else { return nil }
        var out: [Located<SkillLevel>] = []
        func add(_ name: String, _ level: Int, _ line: Int, _ place: String) {
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                sink.error(line, "skill name '\(name)' in \(place) may use only letters, digits, '_' and '-'")
                return
            }
            guard SkillLevel.levels.contains(level) else {
                sink.error(line, "skill '\(name)' in \(place) has level \(level); levels are \(SkillLevel.levels.lowerBound) to \(SkillLevel.levels.upperBound)")
                return
            }
            if out.contains(where: { $0.value.skill == name }) {
                sink.error(line, "skill '\(name)' is listed twice in \(place)")
                return
            }
            out.append(Located(SkillLevel(name, level), line: line))
        }
        if case .table(let t) = entry.node.value {
            r.ignore(key)
            let place = "[\(r.path.dropFirst().dropLast()).\(key)]"
            for e in t.entries {
                guard case .integer(let level) = e.node.value else {
                    sink.error(e.node.line, "skill '\(e.key)' in \(place) must be a level (a whole number \(SkillLevel.levels.lowerBound)-\(SkillLevel.levels.upperBound)), not \(e.node.value.typeName)")
                    continue
                }
                add(e.key, level, e.node.line, place)
            }
            return out
        }
        guard let list = r.strings(key) else { return nil }
        for item in list {
            let parts = item.value.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            if parts.count == 1 {
                add(parts[0], 1, item.line, "'\(key)' in \(r.path)")
            } else if parts.count == 2, let level = Int(parts[1]) {
                add(parts[0], level, item.line, "'\(key)' in \(r.path)")
            } else {
                sink.error(item.line, "skill '\(item.value)' in \(r.path): write NAME or NAME:LEVEL, e.g. \"billing:3\" (levels \(SkillLevel.levels.lowerBound) to \(SkillLevel.levels.upperBound))")
            }
        }
        return out
    }
}
