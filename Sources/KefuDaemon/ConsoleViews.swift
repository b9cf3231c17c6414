import ACD
import CallControl
import Channels
import Console
import Records
import Storage
import Telephony
import Tools

/// The console's read-only views of the running center: text tables, or
/// one JSON object per line for scripts.
enum ConsoleViews {
    static func pad(_ s: String, _ n: Int) -> String { LiveView.pad(s, n) + " " }

    static func status(_ center: SimulatedCenter, overruns: Int, language: ConsoleLanguage = .english) -> ConsoleOutput {
        func t(_ s: String) -> String { ConsoleText.t(s, language) }
        let flow = center.control.flow
        let seconds = Int(center.now.seconds)
        let busyLines = flow.plan.lineOrder.filter { (flow.lines[$0] ?? .idle) != .idle }.count
        let loggedIn = flow.acd.agentSnapshots.filter { $0.status.isLoggedIn }.count
        var lines = [
            "\(center.config.system.name): \(t("up")) \(seconds / 3600)h\(two(seconds / 60 % 60))m\(two(seconds % 60))s, "
                + (center.simBoard == nil ? "DAHDI" : (language == .chinese ? "模拟板卡" : "simulated board")),
            "\(t("lines")) \(flow.plan.lineOrder.count) (\(busyLines) \(t("in use"))), \(t("phones")) \(flow.plan.phones.count), "
                + "\(t("agents logged in")) \(loggedIn) \(t("of")) \(flow.acd.agentSnapshots.count)",
            "\(t("calls in progress")) \(flow.calls.count), \(t("finished since start")) \(center.control.records.count)",
            "media: ticks \(center.media.statistics.ticks), overruns \(overruns), events dropped \(center.media.statistics.eventsDropped)",
            LiveView.storage(center.control),
        ] + overload(flow, busyLines: busyLines)
        if !center.spans.isEmpty {
            lines.append(ConsoleText.t("SPANS", language))
            lines += LiveView.spans(center.spans, channels: center.board.channels, alarms: flow.alarms)
        }
        lines += E1Lines.status(center.board, config: center.config, language: language)
        if let failure = center.housekeeper?.failure { lines.append("retention: \(failure)") }
        if let days = center.housekeeper?.last?.daysUntilFull { lines.append("recordings disk full in about \(Int(days)) day(s)") }
        return ConsoleOutput(lines)
    }

    /// Alarms while callers are turned away: every line busy (the exchange
    /// gives further callers busy), a queue at its max_callers.
    static func overload(_ flow: CenterFlow, busyLines: Int) -> [String] {
        var alarms: [String] = []
        if busyLines > 0 && busyLines == flow.plan.lineOrder.count {
            alarms.append("ALARM: all \(busyLines) lines busy: further callers hear busy from the exchange")
        }
        for q in flow.acd.configuration.queues {
            if let limit = q.maxLength, flow.acd.waiting(in: q.id).count >= limit {
                alarms.append("ALARM: queue \(q.id.rawValue) full (\(limit) waiting): further callers are turned away to its overflow")
            }
        }
        return alarms
    }

    static func channels(_ center: SimulatedCenter, json: Bool, language: ConsoleLanguage = .english) -> ConsoleOutput {
        let flow = center.control.flow
        if json {
            var out: [String] = []
            for c in flow.plan.lineOrder {
                var l = JSONLine(); l.add("channel", Int64(c.rawValue)); l.add("kind", "line")
                l.add("state", LiveView.describe(flow.lines[c] ?? .idle, flow: flow, now: center.now))
                if let signalling = E1Lines.signallingState(center.board, c) { l.add("signalling", signalling) }
                out.append(l.text)
            }
            for p in flow.plan.phones {
                var l = JSONLine(); l.add("channel", Int64(p.rawValue)); l.add("kind", "phone")
                l.add("state", "\(flow.phones[p] ?? .idle)"); l.add("agent", flow.acd.agent(on: ChannelID(p.rawValue))?.rawValue); out.append(l.text)
            }
            return ConsoleOutput(out)
        }
        var out = [ConsoleText.t("LINES", language)]
        for c in flow.plan.lineOrder {
            let signalling = E1Lines.signallingState(center.board, c).map { "  [\($0)]" } ?? ""
            out.append("  " + pad(c.description, 6) + LiveView.describe(flow.lines[c] ?? .idle, flow: flow, now: center.now) + signalling)
        }
        out.append(ConsoleText.t("PHONES", language))
        for p in flow.plan.phones {
            let agent = flow.acd.agent(on: ChannelID(p.rawValue)).map { ConsoleText.t("agent", language) + " \($0.rawValue)" } ?? ConsoleText.t("no agent", language)
            out.append("  " + pad(p.description, 6) + pad(agent, 12) + "\(flow.phones[p] ?? .idle)")
        }
        return ConsoleOutput(out)
    }

    static func calls(_ center: SimulatedCenter, json: Bool, language: ConsoleLanguage = .english) -> ConsoleOutput {
        let flow = center.control.flow
        let calls = flow.calls.values.sorted { $0.id < $1.id }
        if json {
            return ConsoleOutput(calls.map { r in
                var l = JSONLine()
                l.add("call", Int64(r.id.rawValue)); l.add("line", Int64(r.line.rawValue)); l.add("caller", r.callerID?.number)
                l.add("seconds", Int64((center.now - r.arrived).seconds)); l.add("queue", r.queue); l.add("agent", r.agentID)
                l.add("state", LiveView.describe(flow.lines[r.line] ?? .idle, flow: flow, now: center.now))
                return l.text
            })
        }
        guard !calls.isEmpty else { return ConsoleOutput([ConsoleText.t("no calls in progress", language)]) }
        return ConsoleOutput(calls.map { r in
            pad("call-\(r.id.rawValue)", 9) + pad("line \(r.line.rawValue)", 8) + LiveView.describe(flow.lines[r.line] ?? .idle, flow: flow, now: center.now)
        })
    }

    static func agents(_ center: SimulatedCenter, json: Bool, language: ConsoleLanguage = .english) -> ConsoleOutput {
        func t(_ s: String) -> String { ConsoleText.t(s, language) }
        let flow = center.control.flow
        let agents = flow.acd.agentSnapshots
        if json {
            return ConsoleOutput(agents.map { a in
                var l = JSONLine()
                l.add("agent", a.id.rawValue); l.add("name", flow.plan.agentNames[a.id.rawValue]); l.add("state", a.status.name)
                if case .paused(let reason) = a.status { l.add("reason", reason) } else { l.add("reason", nil) }
                l.add("phone", a.channel.map { String($0.rawValue) }); l.add("calls", Int64(a.callsTaken))
                l.add("talk_seconds", Int64(a.talkTime.seconds)); l.add("state_seconds", Int64((center.now - a.since).seconds))
                return l.text
            })
        }
        var out = [pad(t("AGENT"), 7) + pad(t("NAME"), 16) + pad(t("PHONE"), 6) + pad(t("STATE"), 26) + pad(t("FOR"), 7) + pad(t("CALLS"), 6) + t("TALK")]
        for a in agents {
            out.append(pad(a.id.rawValue, 7) + pad(flow.plan.agentNames[a.id.rawValue] ?? "", 16) + pad(a.channel.map { "\($0.rawValue)" } ?? "-", 6)
                       + pad(LiveView.describe(a.status), 26) + pad(duration(center.now - a.since), 7) + pad("\(a.callsTaken)", 6) + duration(a.talkTime))
        }
        return ConsoleOutput(out)
    }

    static func queues(_ center: SimulatedCenter, json: Bool, wallboard: Bool, language: ConsoleLanguage = .english) -> ConsoleOutput {
        func t(_ s: String) -> String { ConsoleText.t(s, language) }
        let flow = center.control.flow
        var out: [String] = []
        if !json {
            out.append(pad(t("QUEUE"), 10) + pad(t("WAITING"), 8) + pad(t("LONGEST"), 8) + pad(t("AVAIL"), 6) + pad(t("TALK"), 5) + pad(t("WRAP"), 5)
                       + pad(t("PAUSED"), 7) + pad(t("OFFERED"), 8) + pad(t("ANSWERED"), 9) + pad(t("ABANDON"), 8) + t("SL"))
        }
        for q in flow.plan.acd.queues {
            let waiting = flow.acd.waiting(in: q.id)
            // An agent's personal queue shows only once it has had callers.
            if q.id.rawValue.hasPrefix("agent:"), waiting.isEmpty, (flow.acd.statistics(for: q.id, now: center.now)?.offered ?? 0) == 0 { continue }
            let longest = waiting.map(\.waited).max() ?? .zero
            let serving = flow.acd.agentSnapshots.filter { a in flow.plan.acd.agents.contains { $0.id == a.id && $0.queues.contains(q.id) } }
            func count(_ name: String) -> Int { serving.filter { $0.status.name == name }.count }
            let stats = flow.acd.statistics(for: q.id, now: center.now)
            let sl = stats?.serviceLevel.map { "\(Int(($0 * 100).rounded())) %" } ?? "-"
            if json {
                var l = JSONLine()
                l.add("queue", q.id.rawValue); l.add("waiting", Int64(waiting.count)); l.add("longest_wait_seconds", Int64(longest.seconds))
                l.add("available", Int64(count("available"))); l.add("on_call", Int64(count("on-call"))); l.add("wrap_up", Int64(count("wrap-up")))
                l.add("paused", Int64(count("paused"))); l.add("offered", Int64(stats?.offered ?? 0)); l.add("answered", Int64(stats?.answered ?? 0))
                l.add("abandoned", Int64(stats?.abandoned ?? 0)); l.add("service_level", stats?.serviceLevel.map { String(Int(($0 * 100).rounded())) })
                out.append(l.text)
            } else {
                out.append(pad(q.id.rawValue, 10) + pad("\(waiting.count)", 8) + pad(duration(longest), 8) + pad("\(count("available"))", 6)
                           + pad("\(count("on-call"))", 5) + pad("\(count("wrap-up"))", 5) + pad("\(count("paused"))", 7)
                           + pad("\(stats?.offered ?? 0)", 8) + pad("\(stats?.answered ?? 0)", 9) + pad("\(stats?.abandoned ?? 0)", 8) + sl)
            }
        }
        if wallboard && !json {
            out.append("")
            out += agents(center, json: false, language: language).lines
            let seconds = Int(center.now.seconds)
            out.append("")
            out.append("\(center.config.system.name) — \(t("up")) \(seconds / 60)m\(two(seconds % 60))s — \(t("calls in progress")) \(flow.calls.count)")
        }
        return ConsoleOutput(out)
    }

    static func caller(_ number: String, store: CallStore, context: StorageContext, json: Bool,
                       language: ConsoleLanguage = .english) -> ConsoleOutput {
        func t(_ s: String) -> String { ConsoleText.t(s, language) }
        let zh = language == .chinese
        do {
            let calls = try store.calls(caller: number, limit: 50)
            let notes = try store.notes(caller: number)
            if json {
                return ConsoleOutput(calls.map { c in
                    var l = JSONLine()
                    l.add("call", c.callID); l.add("arrived", context.local(c.arrived)); l.add("queue", c.queue); l.add("agent", c.agent)
                    l.add("outcome", c.endReason); l.add("waited_seconds", c.queueWaitMilliseconds.map { $0 / 1000 } ?? -1)
                    l.add("talk_seconds", c.talkMilliseconds.map { $0 / 1000 } ?? -1); l.add("survey", c.surveyScore.map(String.init))
                    l.add("recording", c.recording)
                    return l.text
                } + notes.map { n in
                    var l = JSONLine()
                    l.add("note", n.text); l.add("at", context.local(n.at)); l.add("user", n.user)
                    return l.text
                })
            }
            guard !calls.isEmpty || !notes.isEmpty else { return ConsoleOutput([zh ? "没有来自 \(number) 的呼叫" : "no calls from \(number)"]) }
            var out = ["\(number): " + (zh ? "来电 \(calls.count) 次" : "\(calls.count) call(s)")
                       + (calls.first.map { ", \(t("last")) \(context.local($0.arrived))" } ?? "")]
            for c in calls {
                let talk = c.talkMilliseconds.map { ", \(t("talked")) \($0 / 1000) \(t("s"))" } ?? ""
                out.append("  " + pad(context.local(c.arrived), 20) + pad("call-\(c.callID)", 9) + pad(c.queue ?? "-", 9) + pad(c.agent ?? "-", 6)
                           + (c.endReason ?? t("in progress")) + talk + (c.surveyScore.map { ", \(t("survey")) \($0)" } ?? "")
                           + (c.recording != nil ? ", " + t("recorded") : ""))
            }
            if !notes.isEmpty { out.append(t("NOTES")) }
            for n in notes { out.append("  \(context.local(n.at))  \(n.user): \(n.text)") }
            return ConsoleOutput(out)
        } catch { return .failed("\(error)") }
    }

    static func duration(_ t: SampleTime) -> String {
        let s = max(0, Int(t.seconds))
        return s >= 3600 ? "\(s / 3600)h\(two(s / 60 % 60))m" : "\(s / 60):\(two(s % 60))"
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
