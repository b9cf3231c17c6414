import CallControl
import Console
import Records
import Storage
import Tools

/// `kefu calls show CALL`: one call as stored — who called, when it was
/// answered, queued and connected, how it ended, holds and transfers —
/// and each step of its way through the queues (offers, answers, each
/// agent's part, transfers), which is where every leg of the call shows.
enum ConsoleCallShow {
    static func show(_ id: Int64, store: CallStore, context: StorageContext, inProgress: Bool, json: Bool,
                     language: ConsoleLanguage = .english) -> ConsoleOutput {
        func say(_ english: String, _ chinese: String) -> String { ConsoleText.pick(language, english, chinese) }
        let call: CallDetail?
        let steps: [StoredQueueEvent]
        do {
            call = try store.call(id)
            steps = try store.queueEvents(call: id)
        } catch { return .failed("\(error)") }
        guard let call, call.ended != nil else {
            return .failed(inProgress ? say("call-\(id) is in progress: its record is written when it ends (see calls)", "call-\(id) 正在进行: 结束后才写入记录 (见 calls)")
                                      : say("no call-\(id)", "没有 call-\(id)"))
        }
        if json { return ConsoleOutput([line(call, steps).text]) }
        func since(_ t: Int64?) -> String { t.map { "+\(($0 - call.arrived) / 1000) s" } ?? "-" }
        var out = ["call-\(id)  \(call.direction)  \(say("line", "外线")) \(call.line)  \(call.callerNumber ?? say("unknown caller", "未知号码"))"
                   + (call.calledNumber.map { say("  to ", "  拨打 ") + $0 } ?? "") + (call.callerCategory.map { say("  category ", "  类别 ") + $0 } ?? "")
                   + (call.origin.map { "  for call-\($0)" } ?? "")]
        out.append("  " + say("arrived", "来电") + " \(context.local(call.arrived)), " + say("answered", "应答") + " \(since(call.answered)), "
                   + say("queued", "排队") + " \(since(call.queued)) \(call.queue ?? "-"), " + say("connected", "接通") + " \(since(call.connected)) \(call.agent ?? "-"), "
                   + say("ended", "结束") + " \(since(call.ended)): \(call.endReason ?? "-")")
        out.append("  " + say("released: ", "释放原因: ") + released(call.release, language))
        if !call.menuPath.isEmpty || !call.keys.isEmpty {
            out.append("  " + say("menus", "菜单") + " \(call.menuPath.isEmpty ? "-" : call.menuPath.joined(separator: " > ")), "
                       + say("keys", "按键") + " \(call.keys.isEmpty ? "-" : call.keys)")
        }
        let passed = call.transfers.isEmpty ? "-" : call.transfers.joined(separator: ", ")
        out.append("  " + say("held \(call.holds) time(s), \(call.heldMilliseconds / 1000) s; passed on to \(passed); conferences \(call.conferences); missed offers \(call.missedOffers)",
                              "保持 \(call.holds) 次, \(call.heldMilliseconds / 1000) 秒; 转给 \(passed); 三方通话 \(call.conferences); 未接振铃 \(call.missedOffers)")
                   + (call.surveyScore.map { say("; survey \($0)", "; 评分 \($0)") } ?? "") + (call.recording.map { say("; recorded: \($0)", "; 录音: \($0)") } ?? ""))
        if !steps.isEmpty { out.append(say("STEPS", "步骤")) }
        for s in steps {
            var words = [context.local(s.at), s.queue, s.kind]
            if let agent = s.agent { words.append(agent) }
            if let waited = s.waited { words.append("waited \(waited / 1000) s") }
            if let talked = s.talked { words.append("talked \(talked / 1000) s") }
            if let detail = s.detail { words.append(s.kind == "transferred" ? "to \(detail)" : detail) }
            out.append("  " + words.joined(separator: "  "))
        }
        return ConsoleOutput(out)
    }

    /// Why the line was released, and by which side.
    static func released(_ reason: ReleaseReason?, _ language: ConsoleLanguage) -> String {
        let chinese = language == .chinese
        guard let reason else { return ConsoleText.pick(language, "not recorded (a call stored before release reasons were kept)", "未记录 (此前版本存储的呼叫)") }
        return reason.text(chinese: chinese) + " [" + ReleaseReason.sideText(reason.kind.side, chinese: chinese) + "]"
    }

    static func line(_ c: CallDetail, _ steps: [StoredQueueEvent]) -> JSONLine {
        var l = JSONLine()
        l.add("call", c.callID); l.add("direction", c.direction); l.add("line", Int64(c.line)); l.add("caller", c.callerNumber)
        l.add("called", c.calledNumber); l.add("category", c.callerCategory)
        l.add("arrived", c.arrived); l.add("connected", c.connected.map { String($0) }); l.add("ended", c.ended.map { String($0) })
        l.add("end", c.endReason); l.add("queue", c.queue); l.add("agent", c.agent)
        l.add("holds", Int64(c.holds)); l.add("held_ms", c.heldMilliseconds); l.add("transfers", c.transfers.joined(separator: ","))
        l.add("conferences", Int64(c.conferences))
        let r = c.release
        l.add("release", r.map { $0.text(chinese: false) }); l.add("release_kind", r?.kind.rawValue); l.add("release_side", r?.kind.side.rawValue)
        l.add("release_hz", int: r?.hertz); l.add("release_on_ms", int: r?.onMilliseconds); l.add("release_off_ms", int: r?.offMilliseconds)
        l.add("release_count", int: r?.count); l.add("release_ms", int: r?.milliseconds); l.add("release_detail", r?.detail); l.add("release_by", r?.by)
        l.add("steps", steps.map { "\($0.kind):\($0.queue):\($0.agent ?? "")\($0.detail.map { ">" + $0 } ?? "")" }.joined(separator: ","))
        return l
    }
}
