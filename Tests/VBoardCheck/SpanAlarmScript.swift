import CallControl
import Channels
import KefuDaemon

/// Span 3 in red alarm with a call on it while another call goes on on span
/// 1, then the alarm clearing. The alarm is real: span 4 (span 3's peer) is
/// removed from the driver, so span 3 receives nothing and dahdi_dynamic
/// raises red after a second; creating span 4 again clears it.
enum SpanAlarmScript {
    typealias CallA = (exchange: ChannelNumber, line: ChannelNumber, phone: ChannelNumber, port: ChannelNumber)
    typealias CallB = (exchange: ChannelNumber, line: ChannelNumber, phone: ChannelNumber)

    /// Results for: call A failed and its agent released; call B went on;
    /// the live view showed the alarm and its end; span 3 took a call again.
    static func run(_ bench: Bench, span4: SpanControl, names: [String], callA: CallA, callB: CallB) -> [(String, [String])] {
        var failed: [String] = [], others: [String] = [], view: [String] = [], recovery: [String] = []
        let idA = bench.flow.lines[callA.line]?.call
        bench.send(callB.exchange, Bench.tone(1000, seconds: 2), loop: true)
        bench.send(callB.phone, Bench.tone(600, seconds: 2), loop: true)

        // Span 4 goes: its channels closed, then the span destroyed.
        bench.closeFarLines()
        let removedAt = bench.tick
        if let problem = runDahdiCfg(bench, span4, remove: true) { failed.append(problem) }
        if SpanControl.spanExists(4) { failed.append("span 4 is still there after dahdi_cfg -s: \(SpanControl.output())") }

        // Call A fails (its line stops delivering audio at once) and span 3
        // goes into red alarm (dahdi_dynamic's check, once a second, after a
        // second without a frame).
        var endedAt: Int?
        bench.run(250) {
            if endedAt == nil, bench.center.control.records.contains(where: { $0.id == idA }) { endedAt = bench.tick }
            return endedAt != nil && bench.flow.alarms[callA.line] != nil
        }
        let record = bench.center.control.records.first { $0.id == idA }
        print("  span 3: call A ended \(record?.end?.rawValue ?? "-") \(((endedAt ?? bench.tick) - removedAt) * 20) ms, "
              + "alarm \(bench.flow.alarms[callA.line]?.names ?? []) on \(callA.line) \((bench.tick - removedAt) * 20) ms after span 4 was removed")
        if bench.flow.alarms[callA.line]?.contains(.red) != true {
            failed.append("\(callA.line) is not in red alarm (alarms \(bench.flow.alarms[callA.line]?.names ?? []))")
        }
        if let record {
            if record.end != .lineFailed { failed.append("call A ended \(record.end?.rawValue ?? "-"), expected line-failed") }
            if record.agent != callA.port { failed.append("call A's record has agent \(String(describing: record.agent)), expected \(callA.port)") }
        } else {
            failed.append("call A has no finished record 5 s after span 4 went (line \(String(describing: bench.flow.lines[callA.line])))")
        }
        if bench.flow.phones[callA.port] != .afterCall {
            failed.append("agent's port \(callA.port) is \(String(describing: bench.flow.phones[callA.port])), expected after-call (busy tone)")
        }

        // Call B carries audio both ways while span 3 is down.
        var agentHeard = 0, callerHeard = 0
        for _ in 0..<100 {
            bench.step()
            if Bench.energy(bench.heard[callB.phone] ?? []) > 1e5 { agentHeard += 1 }
            if Bench.energy(bench.heard[callB.exchange] ?? []) > 1e5 { callerHeard += 1 }
        }
        if case .talking = bench.flow.lines[callB.line] ?? .idle {} else {
            others.append("call B on \(callB.line) is \(String(describing: bench.flow.lines[callB.line])), expected talking")
        }
        if agentHeard < 80 { others.append("during the alarm the agent heard call B's caller in \(agentHeard) of 100 blocks") }
        if callerHeard < 80 { others.append("during the alarm call B's caller heard the agent in \(callerHeard) of 100 blocks") }

        // The live view names the span in alarm.
        view += expectSpan(bench, 3, "ALARM RED") + expectSpan(bench, 1, "OK")

        // Call A's agent hangs up and is free again.
        if let problem = bench.hook(callA.phone, .onHook) { failed.append(problem) }
        bench.run(150) { bench.flow.phones[callA.port] == .idle }
        let agent = bench.flow.acd.agentSnapshots.first { $0.channel?.rawValue == callA.port.rawValue }
        let status = agent?.status.name ?? "none"
        if bench.flow.phones[callA.port] != .idle || !["wrap-up", "available"].contains(status) {
            failed.append("after hanging up, port \(callA.port) is \(String(describing: bench.flow.phones[callA.port])) and its agent \(status)")
        }

        // Span 4 comes back: the alarm clears without a restart.
        if let problem = runDahdiCfg(bench, span4, remove: false) { recovery.append(problem) }
        do { try bench.openFarLines() } catch { recovery.append("\(error)") }
        let back = bench.tick
        bench.run(250) { bench.flow.alarms[callA.line] == nil }
        if let alarm = bench.flow.alarms[callA.line] {
            recovery.append("\(callA.line) still in alarm (\(alarm.names)) 5 s after span 4 came back")
        } else {
            print("  span 3 alarm cleared \((bench.tick - back) * 20) ms after span 4 came back")
        }
        view += expectSpan(bench, 3, "OK")

        // And the line takes a new call (DAHDI ignores ringing for 2 s after an on-hook).
        bench.run(110)
        let callsBefore = bench.flow.calls.count + bench.center.control.records.count
        recovery += CallScript.ring(bench, exchange: callA.exchange, line: callA.line)
        if bench.flow.calls.count + bench.center.control.records.count <= callsBefore {
            recovery.append("no new call on \(callA.line) after the alarm cleared")
        }
        return zip(names, [failed, others, view, recovery]).map { ($0, $1) }
    }

    /// Runs dahdi_cfg while the bench keeps stepping; nil when it went as it should.
    static func runDahdiCfg(_ bench: Bench, _ span4: SpanControl, remove: Bool) -> String? {
        let pid: Int32
        do { pid = try span4.start(remove: remove) } catch { return "\(error)" }
        var status: Int32?
        bench.run(1000) {
            status = SpanControl.finished(pid)
            return status != nil
        }
        guard let status else { return "dahdi_cfg\(remove ? " -s" : "") did not finish within 20 s" }
        // In stop mode (-s) dahdi_cfg always exits 1.
        if !remove && status != 0 { return "dahdi_cfg exited \(status): \(SpanControl.output())" }
        return nil
    }

    /// The live view's line for a span must contain `state`.
    static func expectSpan(_ bench: Bench, _ span: Int, _ state: String) -> [String] {
        let center = bench.center
        let lines = LiveView.render(center.control, world: nil, statistics: center.media.statistics, overruns: 0, now: center.now,
                                    spans: center.spans, channels: bench.box.channels)
        guard let line = lines.first(where: { $0.hasPrefix("  span \(span) ") }) else {
            return ["the live view has no line for span \(span): \(lines.prefix(8).joined(separator: " / "))"]
        }
        print("  live view:\(line)")
        return line.hasSuffix(state) ? [] : ["the live view shows '\(line.drop { $0 == " " })', expected \(state)"]
    }
}
