import Foundation

/// Step 8: what the box is now, line by line, and what is left to do.
enum SetupSummary {
    static func learnedLines(_ s: SetupSession) -> Set<Int> {
        let text = s.files.first { $0.path == s.options.configPath }?.new ?? s.existingText ?? ""
        return Set(TOMLDocument(parsing: text).tables.compactMap { t in
            t.name.hasPrefix("learned.") ? Int(t.name.dropFirst("learned.".count)) : nil
        })
    }

    /// The lines' menu is setup's [menus.main], which sends callers to the queue.
    static func welcomesIntoQueue(_ s: SetupSession) -> Bool {
        let doc = TOMLDocument(parsing: s.files.first { $0.path == s.options.configPath }?.new ?? "")
        let main = doc.tables.first { $0.name == "menus.main" }
        return main?.value("next") == TOMLText.string("queue " + s.plan.queue)
            && doc.tables.contains { $0.name.hasPrefix("lines.") && $0.value("signalling") == "\"fxo\"" && $0.value("menu") == "\"main\"" }
    }

    /// Whether the analog driver runs the preset's opermode (its module
    /// parameter in /sys), and what to do when it does not or cannot be read.
    static func opermodeNote(_ s: SetupSession) -> String? {
        guard s.plan.board == "dahdi", !s.plan.lines.isEmpty else { return nil }
        let spans = Set(s.plan.lines.compactMap { s.board.port($0)?.span })
        let names = s.board.spans.filter { spans.contains($0.number) }.map(\.name)
        guard !names.allSatisfy({ $0.uppercased().hasPrefix("DYN") }) else { return nil }
        let mode = s.plan.country.opermode
        let fix = s.w("/etc/modprobe.d/kefu-dahdi.conf (board/x86-analog/modprobe.conf) needs \"options MODULE opermode=\(mode)\"; then systemctl restart kefu-dahdi, or reboot",
                      "/etc/modprobe.d/kefu-dahdi.conf（board/x86-analog/modprobe.conf）中需要 \"options MODULE opermode=\(mode)\"；然后 systemctl restart kefu-dahdi 或重启")
        guard let module = names.compactMap(AnalogDriver.module).first else {
            return s.w("The FXO modules need opermode=\(mode) for these lines: ", "FXO 模块需要 opermode=\(mode) 以匹配本地线路：")
                + fix.replacingModule(s.w("<the card's driver>", "<板卡驱动>"))
        }
        let running = (try? SetupFileIO.read("/sys/module/\(module)/parameters/opermode"))??.trimmingCharacters(in: " \n")
        switch running {
        case mode?: return s.w("\(module) runs opermode=\(mode)", "\(module) 已使用 opermode=\(mode)")
        case let other?: return s.w("\(module) runs opermode=\(other), not \(mode): ", "\(module) 使用的是 opermode=\(other)，不是 \(mode)：") + fix.replacingModule(module)
        case nil: return s.w("\(module)'s opermode could not be read: ", "无法读取 \(module) 的 opermode：") + fix.replacingModule(module)
        }
    }

    static func lines(_ s: SetupSession) -> [String] {
        let w = s.w, p = s.plan, c = p.country
        let learned = learnedLines(s)
        var out = ["", w("Summary", "小结"),
                   w("  Board: \(p.board), \(s.board.spans.count) span(s)", "  板卡：\(p.board)，\(s.board.spans.count) 个 span"),
                   w("  Country: \(c.name) — tone zone \(c.toneZone), dial tone \(c.dialTone), \(c.cadences(chinese: false)); caller ID \(p.callerID); opermode \(c.opermode)",
                     "  国家：\(c.nameZh) —— 音区 \(c.toneZone)，拨号音 \(c.dialTone)，\(c.cadences(chinese: true))；来电显示 \(p.callerID)；opermode \(c.opermode)"),
                   w("  Time zone \(p.timeZone); prompt languages \(p.languages.joined(separator: ", "))",
                     "  时区 \(p.timeZone)；提示音语言 \(p.languages.joined(separator: ", "))")]
        for line in p.lines {
            let test = s.tests.first { $0.channel == line }.map { $0.text(chinese: w.chinese) } ?? w("line \(line): not tested", "外线 \(line)：未测试")
            let l = learned.contains(line) ? w("learned: yes ([learned.\(line)] kept)", "已学习：是（保留 [learned.\(line)]）")
                : w("learned: not yet (run: kefu setup learn \(line))", "线路学习：尚未进行（运行：kefu setup learn \(line)）")
            out.append("  \(test)\(w("; ", "；"))\(l)")
        }
        for phone in p.phones {
            let test = s.tests.first { $0.channel == phone }.map { $0.text(chinese: w.chinese) } ?? w("phone port \(phone): not tested", "话机端口 \(phone)：未测试")
            let agent = p.agents.first { $0.phone == phone }.map { w("agent \($0.id) \($0.name)", "坐席 \($0.id) \($0.name)") } ?? w("no agent", "无坐席")
            out.append("  \(test) — \(agent)")
        }
        let agents = (p.queueAgents ?? p.agents.map(\.id)).joined(separator: ", ")
        out.append(w("  Queue \(p.queue): agents \(agents)", "  队列 \(p.queue)：坐席 \(agents)")
                   + (welcomesIntoQueue(s) ? w("; calls on the lines hear 'welcome', then wait in it", "；外线来电先听“welcome”，再进入该队列等待") : ""))
        for f in s.files {
            let state = !f.changes ? w("unchanged", "未改变") : s.wrote ? w("written", "已写入") : w("not written", "未写入")
            out.append("  \(f.path)" + w(": ", "：") + state)
        }
        if let note = opermodeNote(s) { out.append("  " + note) }
        for note in s.notes { out.append("  " + note) }
        if s.wrote { out.append(w("  Next: systemctl restart kefud, then kefu status", "  下一步：systemctl restart kefud，然后 kefu status")) }
        return out
    }

    static func run(_ s: SetupSession) throws(SetupRefusal) {
        for line in lines(s) { s.console.say(line) }
    }

    /// The plan, files, prompts and tests as one JSON object (`--json`).
    public static func json(_ s: SetupSession, refusal: SetupRefusal?) -> String {
        let p = s.plan
        let learned = learnedLines(s)
        var object: [String: Any] = [
            "board": p.board,
            "spans": s.board.spans.map { span in
                ["number": span.number, "name": span.name, "description": span.description, "type": span.type, "alarms": span.alarms,
                 "ports": span.ports.map { ["channel": $0.channel, "name": $0.name, "kind": $0.kind.rawValue, "configured": $0.configured?.dahdiName ?? ""] }] as [String: Any]
            },
            "country": p.country.code, "tone_zone": p.country.toneZone, "opermode": p.country.opermode, "timezone": p.timeZone,
            "languages": p.languages, "caller_id": p.callerID, "fxo": p.lines, "fxs": p.phones, "queue": p.queue,
            "agents": p.agents.map { ["id": $0.id, "name": $0.name, "phone": $0.phone] as [String: Any] },
            "files": s.files.map { ["path": $0.path, "changes": $0.changes, "written": s.wrote && $0.changes, "diff": $0.diff] as [String: Any] },
            "prompts_missing": s.missingPrompts,
            "prompts_made": s.madePrompts.map { ["file": $0.file, "how": $0.how] },
            "tests": s.tests.map { ["channel": $0.channel, "role": $0.role.rawValue, "passed": $0.passed,
                                    "result": $0.text(chinese: false), "result_zh": $0.text(chinese: true)] as [String: Any] },
            "learned": p.lines.map { ["line": $0, "learned": learned.contains($0)] as [String: Any] },
            "notes": s.notes, "dry_run": s.options.dryRun,
        ]
        if let refusal { object["error"] = refusal.english; object["error_zh"] = refusal.chinese }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

private extension String {
    func replacingModule(_ module: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: "MODULE") { out += rest[..<r.lowerBound] + module; rest = rest[r.upperBound...] }
        return out + rest
    }
}
