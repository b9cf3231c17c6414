import Telephony

/// [queues.*]: who answers, in what order, and how long callers wait.
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
        if let v = r.seconds("ring_timeout", in: 5...120) { q.ringTimeout = v.value }
        if let v = r.seconds("wrap_up", in: 0...600) { q.wrapUp = v.value }
        if let v = r.seconds("service_level", in: 1...600) { q.serviceLevel = v.value }
        q.survey = r.string("survey")
        if let v = r.boolOrWord("record", words: RecordPolicy.allCases.map(\.rawValue)) {
            q.record = v.value == "true" ? .always : v.value == "false" ? .never : RecordPolicy(rawValue: v.value) ?? .always
        }
        if let v = r.int("recordings_days", in: 1...3650) { q.recordingsDays = v.value }
        if let h = q.hours, q.closed == nil {
            sink.error(h.line, "\(r.path) has 'hours' but no 'closed' action (what callers get when it is closed)")
        }
        r.finish()
        return q
    }
}
