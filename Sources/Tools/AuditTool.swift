import Storage

/// `kefu audit`: who did what to which recording or setting, when. Admins only.
public enum AuditTool {
    /// A table (time, user, action, object, detail) with its headings in
    /// English or Chinese; with `json`, one object per entry (English keys).
    public static func list(_ c: StorageContext, from: String?, to: String?, json: Bool, chinese: Bool = false) -> RecordingsTool.Output {
        let w = ToolText(chinese: chinese)
        guard c.who.role == .admin else { return .failed(w("audit: refused, \(c.who) needs the admin role", "审计: 权限不足, \(c.who) 需要 admin 角色")) }
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
            let heading = [w("TIME", "时间"), w("USER", "用户"), w("ACTION", "操作"), w("OBJECT", "对象"), w("DETAIL", "详情")]
            let rows = entries.map { [c.local($0.at), $0.user, $0.action, $0.object, $0.detail ?? ""] }
            let count = w("\(entries.count) entr\(entries.count == 1 ? "y" : "ies")", "审计记录 \(entries.count) 条")
            return RecordingsTool.Output(ToolText.columns([heading] + rows) + [count])
        } catch { return .failed("\(error)") }
    }
}
