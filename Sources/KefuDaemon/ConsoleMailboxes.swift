import ACD
import CallControl
import Console
import Records
import Storage
import Tools

/// The console's views of what callers left for later: messages in the
/// mailboxes, and callbacks booked and waiting for an agent.
enum ConsoleMailboxes {
    static func messages(box: String?, store: CallStore, context: StorageContext, json: Bool,
                         language: ConsoleLanguage = .english) -> ConsoleOutput {
        func t(_ s: String) -> String { ConsoleText.t(s, language) }
        do {
            let list = try store.messages(box: box)
            if json {
                return ConsoleOutput(list.map { m in
                    var l = JSONLine()
                    l.add("message", m.id ?? 0); l.add("box", m.box); l.add("caller", m.callerNumber); l.add("at", context.local(m.at))
                    l.add("seconds", m.durationMilliseconds / 1000); l.add("state", m.state); l.add("call", m.callID); l.add("path", m.path)
                    return l.text
                })
            }
            guard !list.isEmpty else { return ConsoleOutput([box.map { t("no messages for") + " \($0)" } ?? t("no messages")]) }
            let unheard = list.filter { $0.state == "new" }.count
            var out = [language == .chinese ? "留言 \(list.count) 条, 未听 \(unheard) 条" : "\(list.count) message(s), \(unheard) new"]
            for m in list {
                out.append("  " + ConsoleViews.pad("#\(m.id ?? 0)", 6) + ConsoleViews.pad(context.local(m.at), 20) + ConsoleViews.pad(m.box, 10)
                           + ConsoleViews.pad(m.callerNumber ?? t("unknown"), 14) + ConsoleViews.pad("\(m.durationMilliseconds / 1000) " + t("s"), 7) + m.state
                           + (m.heardBy.map { " (\($0))" } ?? ""))
            }
            return ConsoleOutput(out)
        } catch { return .failed("\(error)") }
    }

    /// Marks a message heard, or deletes it (its file goes; the row stays, marked deleted).
    static func mark(_ text: String, _ state: String, store: CallStore, who: String, language: ConsoleLanguage = .english) -> ConsoleOutput {
        func say(_ english: String, _ chinese: String) -> String { ConsoleText.pick(language, english, chinese) }
        guard let id = Int64(text.replacingOccurrences(of: "#", with: "")) else {
            return .failed(say("'\(text)' is not a message number", "'\(text)' 不是留言编号"), status: 2)
        }
        do {
            switch try store.markMessage(id, state, by: who, at: StorageContext.nowMilliseconds()) {
            case .noSuchMessage: return .failed(say("no message #\(id)", "没有留言 #\(id)"))
            case .cannotRemove(let path, let reason): return .failed("message #\(id): cannot remove \(path): \(reason)")
            case .marked: return ConsoleOutput([say("message #\(id) \(state)", "留言 #\(id) " + (state == "heard" ? "已标记为已听" : "已删除"))])
            }
        } catch { return .failed("\(error)") }
    }

    /// Callbacks booked and waiting in the queues, oldest first.
    static func callbacks(_ acd: ACDEngine, json: Bool, language: ConsoleLanguage = .english) -> ConsoleOutput {
        func t(_ s: String) -> String { ConsoleText.t(s, language) }
        var rows: [(queue: String, waiting: WaitingSnapshot)] = []
        for queue in acd.queueIDs {
            for w in acd.waiting(in: queue) where w.callbackNumber != nil { rows.append((queue.rawValue, w)) }
        }
        if json {
            return ConsoleOutput(rows.map { r in
                var l = JSONLine()
                l.add("queue", r.queue); l.add("call", Int64(r.waiting.call.rawValue)); l.add("number", r.waiting.callbackNumber)
                l.add("position", Int64(r.waiting.position)); l.add("waited_seconds", Int64(r.waiting.waited.seconds))
                l.add("ringing", r.waiting.ringing.map(\.rawValue).joined(separator: " "))
                return l.text
            })
        }
        guard !rows.isEmpty else { return ConsoleOutput([t("no callbacks waiting")]) }
        let heading = language == .chinese ? "待回拨 \(rows.count) 个" : "\(rows.count) callback(s) waiting"
        return ConsoleOutput([heading] + rows.map { r in
            "  " + ConsoleViews.pad(r.queue, 10) + ConsoleViews.pad("call-\(r.waiting.call.rawValue)", 10)
                + ConsoleViews.pad(r.waiting.callbackNumber ?? "", 14) + ConsoleViews.pad("#\(r.waiting.position)", 5)
                + ConsoleViews.duration(r.waiting.waited) + (r.waiting.ringing.isEmpty ? "" : "  " + t("ringing") + " " + r.waiting.ringing.map(\.rawValue).joined(separator: " "))
        })
    }
}
