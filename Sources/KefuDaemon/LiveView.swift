import CallControl
import Channels
import MediaLoop
import SimChannels
import Telephony

/// The text view `make run` shows: lines, agents, waiting callers, and the
/// day's counts. Pure: a snapshot in, lines of text out.
public enum LiveView {
    public static func render(flow: CallFlow, records: [CallRecord], world: SimWorldCounts?,
                              statistics: MediaStatistics, overruns: Int, now: SampleTime) -> [String] {
        var out: [String] = []
        let seconds = now.milliseconds / 1000
        out.append("Kefu 客服 — \(world == nil ? "DAHDI board" : "simulated board") — \(seconds / 60)m\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)s" +
                   "   media ticks \(statistics.ticks), overruns \(overruns), events dropped \(statistics.eventsDropped)")
        out.append("")
        out.append("LINES")
        for line in flow.settings.lines {
            out.append("  \(pad(line.description, 6)) \(describe(flow.lines[line] ?? .idle, now: now, records: flow.calls))")
        }
        out.append("AGENTS")
        for phone in flow.settings.phones {
            out.append("  \(pad(phone.description, 6)) \(describe(flow.phones[phone] ?? .idle))")
        }
        out.append("WAITING \(flow.queue.count)" + (flow.queue.isEmpty ? "" : ": " + flow.queue.map(\.description).joined(separator: " ")))
        out.append("")
        out += summary(records: records, world: world)
        return out
    }

    public static func summary(records: [CallRecord], world: SimWorldCounts?) -> [String] {
        let connected = records.filter { $0.connected != nil }
        let waits = connected.compactMap { r in r.connected.map { ($0 - (r.answered ?? r.arrived)).seconds } }
        let averageWait = waits.isEmpty ? 0 : waits.reduce(0, +) / Double(waits.count)
        func count(_ end: CallEnd) -> Int { records.filter { $0.end == end }.count }
        var lines = [
            "CALLS finished \(records.count): to an agent \(connected.count), caller left waiting "
                + "\(records.filter { $0.connected == nil && $0.answered != nil }.count), unanswered \(count(.abandonedRinging))",
            "  ended by caller: loop-current drop \(count(.callerLoopCurrentDrop)), busy tone \(count(.callerBusyTone));"
                + " by agent \(count(.agentHungUp)); line failed \(count(.lineFailed))",
            "  average wait for an agent \(Int(averageWait.rounded())) s; recordings \(records.filter(\.recording).count);"
                + " offers missed \(records.map(\.missedOffers).reduce(0, +))",
        ]
        if let world {
            lines.append("SIMULATION arrivals \(world.arrived), all lines busy \(world.blocked), callers who reached an agent \(world.reachedAgent)")
        }
        return lines
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    static func describe(_ state: CallFlow.LineState, now: SampleTime, records: [CallID: CallRecord]) -> String {
        func caller(_ id: CallID) -> String {
            let r = records[id]
            let number = r?.callerID?.number ?? "unknown"
            let since = r.map { Int((now - $0.arrived).seconds) } ?? 0
            return "\(id) from \(number), \(since) s"
        }
        switch state {
        case .idle: return "idle"
        case .ringing(let id, let rings, _): return "ringing (\(rings)) \(caller(id))"
        case .greeting(let id): return "greeting \(caller(id))"
        case .waiting(let id): return "waiting \(caller(id))"
        case .offering(let id, let agent, _): return "ringing agent \(agent): \(caller(id))"
        case .talking(let id, let agent, _): return "talking with \(agent): \(caller(id))"
        }
    }

    static func describe(_ state: CallFlow.PhoneState) -> String {
        switch state {
        case .idle: return "idle"
        case .ringing(let line): return "ringing for \(line)"
        case .talking(let line): return "talking on \(line)"
        case .afterCall: return "caller left (busy tone)"
        }
    }
}
