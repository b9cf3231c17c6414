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
    static func show(_ text: String, store: CallStore, context: StorageContext, inProgress: Bool, json: Bool) -> ConsoleOutput {
        guard let id = Int64(text.replacingOccurrences(of: "call-", with: "")) else { return .failed("'\(text)' is not a call number", status: 2) }
        let call: CallDetail?
        let steps: [StoredQueueEvent]
        do {
            call = try store.call(id)
            steps = try store.queueEvents(call: id)
        } catch { return .failed("\(error)") }
        guard let call, call.ended != nil else {
            return .failed(inProgress ? "call-\(id) is in progress: its record is written when it ends (see calls)" : "no call-\(id)")
        }
        if json { return ConsoleOutput([line(call, steps).text]) }
        func since(_ t: Int64?) -> String { t.map { "+\(($0 - call.arrived) / 1000) s" } ?? "-" }
        var out = ["call-\(id)  \(call.direction)  line \(call.line)  \(call.callerNumber ?? "unknown caller")"
                   + (call.origin.map { "  for call-\($0)" } ?? "")]
        out.append("  arrived \(context.local(call.arrived)), answered \(since(call.answered)), queued \(since(call.queued))"
                   + " \(call.queue ?? "-"), connected \(since(call.connected)) \(call.agent ?? "-"), ended \(since(call.ended)): \(call.endReason ?? "-")")
        if !call.menuPath.isEmpty || !call.keys.isEmpty {
            out.append("  menus \(call.menuPath.isEmpty ? "-" : call.menuPath.joined(separator: " > ")), keys \(call.keys.isEmpty ? "-" : call.keys)")
        }
        out.append("  held \(call.holds) time(s), \(call.heldMilliseconds / 1000) s; passed on to \(call.transfers.isEmpty ? "-" : call.transfers.joined(separator: ", "))"
                   + "; conferences \(call.conferences); missed offers \(call.missedOffers)"
                   + (call.surveyScore.map { "; survey \($0)" } ?? "") + (call.recording.map { "; recorded: \($0)" } ?? ""))
        if !steps.isEmpty { out.append("STEPS") }
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

    static func line(_ c: CallDetail, _ steps: [StoredQueueEvent]) -> JSONLine {
        var l = JSONLine()
        l.add("call", c.callID); l.add("direction", c.direction); l.add("line", Int64(c.line)); l.add("caller", c.callerNumber)
        l.add("arrived", c.arrived); l.add("connected", c.connected.map { String($0) }); l.add("ended", c.ended.map { String($0) })
        l.add("end", c.endReason); l.add("queue", c.queue); l.add("agent", c.agent)
        l.add("holds", Int64(c.holds)); l.add("held_ms", c.heldMilliseconds); l.add("transfers", c.transfers.joined(separator: ","))
        l.add("conferences", Int64(c.conferences))
        l.add("steps", steps.map { "\($0.kind):\($0.queue):\($0.agent ?? "")\($0.detail.map { ">" + $0 } ?? "")" }.joined(separator: ","))
        return l
    }
}
