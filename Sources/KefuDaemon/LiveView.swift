import ACD
import CallControl
import Channels
import LineEditor
import MediaLoop
import SimChannels
import Telephony

/// The text view `make run` shows: spans and their alarms, lines, agents,
/// queues, and the day's counts. Pure: a snapshot in, lines of text out.
public enum LiveView {
    /// - Parameters:
    ///   - spans: the board's spans as found at start (`ChannelBackend.spans()`);
    ///     their alarms now come from the channel events call control has seen.
    ///   - channels: the board's channels (which span each is on).
    public static func render(_ control: CallController, world: SimWorldCounts?, statistics: MediaStatistics,
                              overruns: Int, now: SampleTime, spans: [SpanInfo] = [], channels: [ChannelInfo] = []) -> [String] {
        let flow = control.flow
        var out: [String] = []
        let seconds = now.milliseconds / 1000
        out.append("Kefu 客服 — \(world == nil ? "DAHDI board" : "simulated board") — \(seconds / 60)m\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)s" +
                   "   media ticks \(statistics.ticks), overruns \(overruns), events dropped \(statistics.eventsDropped)")
        out.append("")
        if !spans.isEmpty {
            out.append("SPANS")
            out += self.spans(spans, channels: channels, alarms: flow.alarms)
        }
        out.append("LINES")
        for line in flow.plan.lineOrder {
            out.append("  \(pad(line.description, 6)) \(describe(flow.lines[line] ?? .idle, flow: flow, now: now))")
        }
        out.append("AGENTS")
        for agent in flow.acd.agentSnapshots {
            let phone = agent.channel.map { "ch\($0.rawValue)" } ?? "-"
            let name = flow.plan.agentNames[agent.id.rawValue].map { "  \($0)" } ?? ""
            out.append("  \(pad(agent.id.rawValue, 6)) \(pad(phone, 5)) \(pad(describe(agent.status), 28))\(name)")
        }
        let waiting = flow.plan.acd.queues.map { q in "\(q.id) \(flow.acd.waiting(in: q.id).count)" }
        out.append("WAITING " + waiting.joined(separator: ", "))
        out.append(storage(control))
        out.append("")
        out += summary(control, world: world, now: now)
        return out
    }

    /// One line per span: number, name, channels, and OK or its alarms. A
    /// span's alarms are those call control last heard on its channels; for a
    /// span call control has no channel on, those found at start.
    public static func spans(_ spans: [SpanInfo], channels: [ChannelInfo], alarms: [ChannelNumber: AlarmSet]) -> [String] {
        spans.map { span in
            let own = channels.filter { $0.span == span.span }.map(\.number)
            let heard = alarms.filter { own.contains($0.key) }.values.reduce(into: AlarmSet()) { $0.formUnion($1) }
            let now = own.isEmpty ? span.alarms : heard
            let state = now.isEmpty ? "OK" : "ALARM " + now.names.joined(separator: " ").uppercased()
            let count = "\(span.channelCount) channel\(span.channelCount == 1 ? "" : "s")"
            return "  \(pad("span \(span.span.rawValue)", 8)) \(pad(span.name, 14)) \(pad(count, 12)) \(state)"
        }
    }

    /// The database writer and the recordings: what is written, waiting, failing.
    static func storage(_ control: CallController) -> String {
        var line = "STORAGE"
        if let status = control.store?.status {
            line += " database: \(status.written) written, \(status.pending) waiting"
            if let failing = status.failing { line += " — FAILING (\(status.trouble?.rawValue ?? "cannot write"), retried): \(failing)" }
            if status.refused > 0 { line += ", \(status.refused) refused" }
            line += ";"
        }
        line += " recordings being written \(control.writer.openCount)"
        if let alarm = control.writer.alarm { line += " — ALARM: \(alarm)" }
        return line
    }

    public static func summary(_ control: CallController, world: SimWorldCounts?, now: SampleTime) -> [String] {
        let all = control.records
        let records = all.filter { $0.direction == .inbound }
        let placed = all.filter { $0.direction != .inbound }
        let connected = records.filter { $0.connected != nil }
        let waits = connected.compactMap { r in r.connected.map { ($0 - (r.answered ?? r.arrived)).seconds } }
        let averageWait = waits.isEmpty ? 0 : waits.reduce(0, +) / Double(waits.count)
        func count(_ end: CallEnd) -> Int { records.filter { $0.end == end }.count }
        let answered = records.filter { $0.answered != nil && $0.connected == nil }
        let inMenus = answered.filter { $0.queue == nil && $0.end != .routeNotSupported && $0.end != .menuHangUp }.count
        let waited = answered.filter { $0.queue != nil && $0.end != .queueRefused && $0.end != .routeNotSupported }.count
        var lines = [
            "CALLS finished \(records.count), in progress \(control.flow.calls.count): to an agent \(connected.count), "
                + "caller left in the menus \(inMenus) or waiting \(waited), unanswered \(count(.abandonedRinging))",
            "  not served: refused by the queue \(count(.queueRefused)), hung up by the menus \(count(.menuHangUp)); "
                + "callbacks booked \(count(.callbackBooked)), messages left \(count(.messageLeft)), put through \(count(.transferred))",
            "  calls placed: callbacks \(placed.filter { $0.direction == .callback }.count) (reached \(placed.filter { $0.direction == .callback && $0.connected != nil }.count)), "
                + "transfers \(placed.filter { $0.direction == .transfer }.count)",
            "  ended by caller: loop-current drop \(count(.callerLoopCurrentDrop)), busy tone \(count(.callerBusyTone));"
                + " by agent \(count(.agentHungUp)); line failed \(count(.lineFailed))",
            "  average wait from answer to agent \(Int(averageWait.rounded())) s; recordings \(records.filter(\.recording).count);"
                + " offers missed \(records.map(\.missedOffers).reduce(0, +))",
        ]
        var paths: [String: Int] = [:]
        for r in records where !r.menuPath.isEmpty { paths[r.menuPath.joined(separator: " > ") + (r.queue.map { " > queue \($0)" } ?? ""), default: 0] += 1 }
        if !paths.isEmpty {
            lines.append("  routes: " + paths.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: "; "))
        }
        let asked = records.filter(\.surveyAsked)
        let scores = asked.compactMap(\.surveyScore)
        let average = scores.isEmpty ? "-" : String(Double(Int(Double(scores.reduce(0, +)) / Double(scores.count) * 10 + 0.5)) / 10)
        lines.append("SURVEYS asked \(asked.count), answered \(scores.count), average score \(average)")
        let flow = control.flow
        let queues = flow.plan.acd.queues.compactMap { q -> String? in
            guard let s = flow.acd.statistics(for: q.id, now: now), !q.id.rawValue.hasPrefix("agent:") || s.offered > 0 else { return nil }
            let level = s.serviceLevel.map { "\(Int(($0 * 100).rounded())) %" } ?? "-"
            return "\(q.id): offered \(s.offered), answered \(s.answered), abandoned \(s.abandoned), service level \(level)"
        }
        lines.append("QUEUES " + queues.joined(separator: "; "))
        lines.append("EVENTS agent state changes \(control.agentStates.count), queue events \(control.queueEvents.count)")
        if let world {
            lines.append("SIMULATION arrivals \(world.arrived), all lines busy \(world.blocked), callers who reached an agent \(world.reachedAgent), "
                         + "surveys answered \(world.surveysAnswered)")
        }
        return lines
    }

    /// Pads to `n` terminal columns (Chinese characters take two).
    static func pad(_ s: String, _ n: Int) -> String {
        let width = DisplayWidth.of(s)
        return width >= n ? s : s + String(repeating: " ", count: n - width)
    }

    static func describe(_ state: CenterFlow.LineState, flow: CenterFlow, now: SampleTime) -> String {
        func caller(_ id: CallControl.CallID) -> String {
            let r = flow.calls[id]
            let number = r?.callerID?.number ?? r?.dialled ?? "unknown"
            let since = r.map { Int((now - $0.arrived).seconds) } ?? 0
            return "\(id) from \(number), \(since) s"
        }
        switch state {
        case .idle:
            return "idle"
        case .ringing(let id, let rings, _):
            return "ringing (\(rings)) \(caller(id))"
        case .menu(let id):
            return "menu \(flow.calls[id]?.menuPath.last ?? "-"): \(caller(id))"
        case .queued(let id, let queue):
            let ringing = flow.phones.filter { $0.value == .ringing(line: flow.calls[id]?.line ?? ChannelNumber(0)) }.keys.sorted()
            return "waiting in \(queue)\(ringing.isEmpty ? "" : " (ringing \(ringing.map(\.description).joined(separator: " ")))"): \(caller(id))"
        case .talking(let id, let agent):
            return "talking with \(flow.calls[id]?.agentID ?? "-") on \(agent): \(caller(id))"
        case .survey(let id):
            return "survey: \(caller(id))"
        case .leaving(let id):
            return "last message: \(caller(id))"
        case .transferring(let id):
            return "put through to \(flow.calls[id].flatMap { _ in flow.calls.values.first { $0.origin == id }?.dialled } ?? "-"): \(caller(id))"
        case .transferOut(let id):
            return "dialled for \(flow.calls[id]?.origin?.description ?? "-"): \(caller(id))"
        case .takingMessage(let id):
            return "leaving a message for \(flow.calls[id]?.data["mailbox"] ?? "-"): \(caller(id))"
        case .reserved(let booking):
            return "held for the callback booked on \(booking)"
        case .callingOut(let id):
            return "calling back for \(flow.calls[id]?.agentID ?? "-"): \(caller(id))"
        }
    }

    static func describe(_ status: AgentStatus) -> String {
        switch status {
        case .ringing(let call), .onCall(let call), .consulting(let call): "\(status.name) (call-\(call.rawValue))"
        case .wrapUp: "wrap-up"
        case .paused(let reason): "paused (\(reason))"
        default: status.name
        }
    }
}
