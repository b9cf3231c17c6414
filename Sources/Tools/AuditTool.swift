import Storage

/// `kefu audit`: who did what to which recording or setting, when. Admins only.
public enum AuditTool {
    public static func list(_ c: StorageContext, from: String?, to: String?, json: Bool) -> RecordingsTool.Output {
        guard c.who.role == .admin else { return .failed("audit: refused, \(c.who) needs the admin role") }
        do {
            let (start, end) = try c.range(from: from, to: to)
            let entries = try c.store.audit(from: start, to: end)
            if json {
                return RecordingsTool.Output(entries.map { e in
                    var line = JSONLine()
                    line.add("at", c.local(e.at)); line.add("user", e.user); line.add("action", e.action)
                    line.add("object", e.object); line.add("detail", e.detail)
                    return line.text
                })
            }
            return RecordingsTool.Output(entries.map { "\(c.local($0.at))  \($0.user)  \($0.action)  \($0.object)\($0.detail.map { "  (\($0))" } ?? "")" }
                                         + ["\(entries.count) entr\(entries.count == 1 ? "y" : "ies")"])
        } catch { return .failed("\(error)") }
    }
}
