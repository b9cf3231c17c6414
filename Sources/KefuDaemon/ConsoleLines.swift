import Config
import Console
import Records
import Storage
import Telephony
import Tools

/// `kefu lines`: per analog line (FXO), what its calls showed since kefud
/// started and today — how many, how their lines were released (busy tone,
/// loop drop, polarity, timeout, …, see `ReleaseReason`), the DTMF receiver's
/// digits and false-digit (talk-off) suspects — and a warning when calls end
/// by waiting (a timeout or the longest call) often enough to mean the line's
/// hang-up signal is being missed — and what line learning found on it
/// (`[learned.N]`, "not characterised" until `kefu setup learn N`), with a
/// warning when the calls end by another signal than the learned one.
enum ConsoleLines {
    /// Calls of a day ending by waiting before a line is warned about: at
    /// least this many, and more than `missedShare` of the day's calls.
    static let missedAtLeast = 2
    static let missedShare = 0.05

    static func report(_ center: SimulatedCenter, store: CallStore, json: Bool, language: ConsoleLanguage) -> ConsoleOutput {
        let zone = center.config.system.timeZone
        let started = center.control.flow.plan.clockAtStart.seconds * 1000
        let now = started + center.now.milliseconds
        let today = zone.instant(zone.local(UnixTime(seconds: now / 1000)).date, hour: 0).seconds * 1000
        let sinceStart: [Int: LineTally], sinceMidnight: [Int: LineTally]
        do {
            sinceStart = try store.lineTallies(from: started, to: .max)
            sinceMidnight = try store.lineTallies(from: today, to: .max)
        } catch { return .failed("\(error)") }
        var lines: [(channel: Int, group: String)] = []
        for group in center.config.lines where group.signalling == .fxo { lines += group.channels.map { ($0, group.name) } }
        return render(lines.sorted { $0.channel < $1.channel }, learned: center.config.learnedLines, sinceStart: sinceStart, today: sinceMidnight,
                      json: json, language: language)
    }

    static func render(_ lines: [(channel: Int, group: String)], learned: [LearnedLine], sinceStart: [Int: LineTally], today: [Int: LineTally],
                       json: Bool, language: ConsoleLanguage) -> ConsoleOutput {
        func say(_ english: String, _ chinese: String) -> String { ConsoleText.pick(language, english, chinese) }
        var out: [String] = []
        for (channel, group) in lines {
            let start = sinceStart[channel] ?? LineTally(line: channel), day = today[channel] ?? LineTally(line: channel)
            let found = learned.first { $0.channel == channel }
            let releases = day.releases.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
            let learnHint = found == nil ? say(" (kefu setup learn \(channel) learns it)", " (可用 kefu setup learn \(channel) 测定)") : ""
            let waiting = warns(day) ? say("\(day.endedByWaiting) of \(day.calls) calls today ended by a timeout or the longest call: the line's hang-up signal may be missed",
                                           "今日 \(day.calls) 通中有 \(day.endedByWaiting) 通因超时或达到最长时长结束: 可能漏检了该线路的挂机信号") + learnHint : nil
            let warnings = [waiting, disagreement(found, channel: channel, day: day, language)].compactMap { $0 }
            let warning = warnings.isEmpty ? nil : warnings.joined(separator: "; ")
            if json {
                var l = JSONLine()
                l.add("line", Int64(channel)); l.add("group", group)
                l.add("calls_since_start", Int64(start.calls)); l.add("calls_today", Int64(day.calls))
                l.add("hangups_today", day.releases.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
                l.add("ended_by_waiting_today", Int64(day.endedByWaiting))
                l.add("dtmf_digits_today", Int64(day.dtmfKeys)); l.add("false_digits_today", Int64(day.falseDigits))
                l.add("learned", learnedText(found, .english)); l.add("learned_disconnect", found?.disconnect.rawValue)
                l.add("warning", warning)
                out.append(l.text)
                continue
            }
            let learnedNow = learnedText(found, language)
            out.append(say("line \(channel) (\(group)): \(start.calls) call(s) since start, \(day.calls) today; learned: \(learnedNow)",
                           "外线 \(channel) (\(group)): 启动以来 \(start.calls) 通, 今日 \(day.calls) 通; 线路特性: \(learnedNow)"))
            out.append("  " + say("hang-ups today: ", "今日挂机原因: ") + (releases.isEmpty ? "-" : releases.joined(separator: ", ")))
            out.append("  " + say("DTMF digits today \(day.dtmfKeys), false-digit suspects \(day.falseDigits)",
                                  "今日 DTMF 按键 \(day.dtmfKeys) 个, 疑似误检 \(day.falseDigits) 个"))
            for w in warnings { out.append("  " + say("WARNING: ", "警告: ") + w) }
        }
        if out.isEmpty && !json { out.append(say("no analog lines (fxo) in the config", "配置中没有模拟外线 (fxo)")) }
        return ConsoleOutput(out)
    }

    /// Whether a day's calls ended by waiting often enough to warn.
    static func warns(_ day: LineTally) -> Bool {
        day.endedByWaiting >= missedAtLeast && Double(day.endedByWaiting) > missedShare * Double(day.calls)
    }
}
