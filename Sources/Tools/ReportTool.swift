import Records
import Reports
import Storage

/// `kefu report` and the console's `report`: the center's KPIs for a range
/// of days, computed from the database (so they survive restarts) — per
/// queue, per agent, the busiest hours and "you had M agents, you needed
/// N" per half hour — as text, JSON lines or CSV files for Excel.
public enum ReportTool {
    /// The report over [from, to] (local days; default today).
    public static func compute(_ c: StorageContext, from: String?, to: String?, now: Int64 = StorageContext.nowMilliseconds()) throws -> CenterReport {
        let today = String(c.local(now).prefix(10))
        let (start, dayEnd) = try c.range(from: from ?? to ?? today, to: to ?? from ?? today)
        // Today's report ends now: agents still logged in count up to now, not to midnight.
        let end = max(start, min(dayEnd, now))
        var levels: [String: Int] = [:]
        for q in c.config.queues { levels[q.name] = q.serviceLevel / 1000 }
        let scale = c.config.surveys.first?.scale ?? 5
        let settings = ReportSettings(serviceLevelSeconds: levels, surveyScale: scale)
        // Whole days (and today up to now) come from the half-hour tables; the rows otherwise.
        let window = ReportWindow(from: start, to: end, utcOffsetSeconds: c.config.system.timeZone.seconds)
        return try c.store.centerReport(window: window, settings: settings, agents: c.config.agents.map(\.id)).0
    }

    public static func run(_ c: StorageContext, from: String?, to: String?, json: Bool, chinese: Bool, csvDirectory: String?) -> RecordingsTool.Output {
        guard c.who.role >= .supervisor else { return .failed("report: refused, \(c.who) needs the supervisor role") }
        let report: CenterReport
        do { report = try compute(c, from: from, to: to) } catch { return .failed("\(error)") }
        if let csvDirectory { return writeCSV(report, c, into: csvDirectory, chinese: chinese) }
        return RecordingsTool.Output(json ? jsonLines(report) : text(report, chinese: chinese))
    }

    static func figure(_ v: Double?, _ unit: String = "") -> String {
        guard let v else { return "-" }
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))\(unit)"
    }

    static func text(_ r: CenterReport, chinese: Bool) -> [String] {
        let isChinese = chinese
        let w = ToolText(chinese: chinese)
        let pad = ToolText.cell
        var out = [w("QUEUES", "队列")]
        out.append("  " + pad(w("queue", "队列"), 10) + pad(w("offered", "呼入"), 8) + pad(w("answered", "接通"), 9)
                   + pad(w("abandon", "放弃"), 8) + pad(w("short", "短放弃"), 6) + pad(w("SL", "服务水平"), 12)
                   + pad(w("ASA s", "应答秒"), 7) + pad(w("AHT s", "处理秒"), 7) + pad(w("CSAT", "满意"), 7)
                   + pad(w("DSAT", "不满意"), 7) + w("FCR", "首次解决"))
        for q in r.queues + [r.total] {
            let f = q.calls
            let sl = figure(f.serviceLevelPercent, "%") + (q.serviceLevelSeconds.map { "/\($0)s" } ?? "")
            out.append("  " + pad(q.queue ?? w("total", "合计"), 10) + pad("\(f.offered)", 8) + pad("\(f.answered)", 9)
                       + pad("\(f.abandoned)", 8) + pad("\(f.shortAbandons)", 6) + pad(sl, 12) + pad(figure(f.averageSpeedOfAnswerSeconds), 7)
                       + pad(figure(f.averageHandleSeconds), 7) + pad(figure(f.surveys.csatPercent, "%"), 7) + pad(figure(f.surveys.dsatPercent, "%"), 7)
                       + figure(f.firstCallResolutionPercent, "%"))
        }
        out.append(w("AGENTS", "坐席"))
        out.append("  " + pad(w("agent", "坐席"), 7) + pad(w("answered", "接通"), 9) + pad(w("AHT s", "处理秒"), 7)
                   + pad(w("logged in", "签入"), 10) + pad(w("paused", "示忙"), 8) + pad(w("occupancy", "占用率"), 10) + w("pauses", "示忙原因"))
        for a in r.agents {
            let reasons = a.time.pausedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \(minutes($0.value))" }.joined(separator: ", ")
            out.append("  " + pad(a.agent, 7) + pad("\(a.answered)", 9) + pad(figure(a.averageHandleSeconds), 7) + pad(minutes(a.time.loggedInMilliseconds), 10)
                       + pad(minutes(a.time.pausedMilliseconds), 8) + pad(figure(a.occupancyPercent, "%"), 10) + reasons)
        }
        let busiest = r.intervals.busiestHours().filter { $0.calls.offered > 0 }.prefix(3).map { "\($0.label) (\($0.calls.offered))" }
        if !busiest.isEmpty { out.append(w("busiest hours: ", "最忙时段: ") + busiest.joined(separator: ", ")) }
        let advice = r.staffingAdvice().filter { $0.calls > 0 }
        if !advice.isEmpty {
            out.append(w("STAFFING (80 % within 20 s, Erlang C)", "人员配置 (80% 20秒内接听, Erlang C)"))
            for row in advice {
                let local = LocalTimestamp(unixMilliseconds: row.start, utcOffsetSeconds: r.window.utcOffsetSeconds).description
                let needed = row.agentsNeeded.map(String.init) ?? "-"
                let aht = figure(row.averageHandleSeconds), had = figure(row.agentsHad)
                out.append("  \(local.prefix(16))  " + (isChinese
                    ? "呼入 \(row.calls), 平均处理 \(aht) 秒: 在岗 \(had), 需要 \(needed)"
                        + (row.predictedServiceLevelPercent.map { " (按现有人数: 服务水平 \(figure($0, "%")))" } ?? "")
                    : "calls \(row.calls), AHT \(aht) s: you had \(had), you needed \(needed)"
                        + (row.predictedServiceLevelPercent.map { " (with yours: SL \(figure($0, "%")))" } ?? "")))
            }
        }
        if r.callsNotQueued > 0 { out.append(w("calls that never joined a queue: ", "未进入队列的呼叫: ") + "\(r.callsNotQueued)") }
        return out
    }

    static func minutes(_ ms: Int64) -> String { "\(ms / 60_000)m" }

    static func jsonLines(_ r: CenterReport) -> [String] {
        var out: [String] = []
        for q in r.queues + [r.total] {
            let f = q.calls
            var l = JSONLine()
            l.add("queue", q.queue ?? "total"); l.add("offered", Int64(f.offered)); l.add("answered", Int64(f.answered))
            l.add("abandoned", Int64(f.abandoned)); l.add("short_abandons", Int64(f.shortAbandons)); l.add("refused", Int64(f.refused))
            l.add("callbacks_booked", Int64(f.callbacksBooked)); l.add("callbacks_connected", Int64(f.callbacksConnected))
            l.add("messages_left", Int64(f.messagesLeft))
            l.add("service_level", figure(f.serviceLevelPercent)); l.add("asa_seconds", figure(f.averageSpeedOfAnswerSeconds))
            l.add("aht_seconds", figure(f.averageHandleSeconds)); l.add("csat", figure(f.surveys.csatPercent)); l.add("dsat", figure(f.surveys.dsatPercent))
            l.add("fcr", figure(f.firstCallResolutionPercent))
            out.append(l.text)
        }
        for a in r.agents {
            var l = JSONLine()
            l.add("agent", a.agent); l.add("answered", Int64(a.answered)); l.add("aht_seconds", figure(a.averageHandleSeconds))
            l.add("logged_in_seconds", a.time.loggedInMilliseconds / 1000); l.add("paused_seconds", a.time.pausedMilliseconds / 1000)
            l.add("occupancy", figure(a.occupancyPercent))
            out.append(l.text)
        }
        return out
    }

    static func writeCSV(_ r: CenterReport, _ c: StorageContext, into directory: String, chinese: Bool) -> RecordingsTool.Output {
        let csv = ReportCSV(language: chinese ? .chinese : .english)
        let files: [(String, [UInt8])] = [("queues.csv", csv.queues(r)), ("agents.csv", csv.agents(r)), ("pauses.csv", csv.pauseReasons(r)),
                                          ("hours.csv", csv.hours(r)), ("days.csv", csv.days(r)),
                                          ("staffing.csv", csv.staffing(r.staffingAdvice(), utcOffsetSeconds: r.window.utcOffsetSeconds))]
        do {
            try c.store.apply(.audit(AuditEntry(at: StorageContext.nowMilliseconds(), user: c.who.name, action: "report-export",
                                                object: "report", detail: "to \(directory)")))
            try FileIO.makeDirectory(directory)
            for (name, bytes) in files { try FileIO.write(bytes, to: directory + "/" + name) }
        } catch { return .failed("\(error)") }
        return RecordingsTool.Output(["report written to \(directory): " + files.map(\.0).joined(separator: ", ")])
    }
}
