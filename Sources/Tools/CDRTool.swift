import Records
import Storage

/// `kefu cdr export FILE`: call detail records as CSV for Excel (UTF-8 with
/// BOM, CRLF), English or Chinese headers, times in the box's time zone.
/// Exporting call data is audited like a recording export.
public enum CDRTool {
    public static func export(_ c: StorageContext, from: String?, to: String?, chinese: Bool, path: String) -> RecordingsTool.Output {
        do {
            let (start, end) = try c.range(from: from, to: to)
            guard c.who.role >= .supervisor else {
                try? c.store.apply(.audit(AuditEntry(at: StorageContext.nowMilliseconds(), user: c.who.name, action: "cdr-export-refused",
                                                     object: "calls", detail: "needs supervisor")))
                return .failed("cdr export: refused, \(c.who) needs the supervisor role")
            }
            let calls = try c.store.calls(from: start, to: end)
            let csv = CDRExport(headerLanguage: chinese ? .chinese : .english, utcOffsetSeconds: c.config.system.timeZone.seconds).export(calls)
            try c.store.apply(.audit(AuditEntry(at: StorageContext.nowMilliseconds(), user: c.who.name, action: "cdr-export",
                                                object: "calls", detail: "\(calls.count) call(s) \(from ?? "start")…\(to ?? "now") to \(path)")))
            try FileIO.write(csv, to: path)
            return RecordingsTool.Output(["\(calls.count) call(s) written to \(path)"])
        } catch { return .failed("\(error)") }
    }
}
