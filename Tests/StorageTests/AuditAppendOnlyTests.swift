import Testing
import Storage

/// The audit log is append-only in the database itself: whatever code runs
/// SQL against kefu.db, an entry cannot be changed, and it cannot be deleted
/// until retention's time (30 days older than the newest entry).
@Suite struct AuditAppendOnlyTests {
    static let day: Int64 = 86_400_000
    static let now: Int64 = 1_790_000_000_000

    func store(_ scratch: Scratch) throws -> CallStore {
        let store = try CallStore(path: scratch.path + "/kefu.db")
        try store.write([
            .audit(AuditEntry(at: Self.now - 400 * Self.day, user: "root", action: "export", object: "recording 1")),
            .audit(AuditEntry(at: Self.now - 10 * Self.day, user: "alice", action: "delete", object: "recording 2", detail: "complaint")),
            .audit(AuditEntry(at: Self.now, user: "bob", action: "agent pause", object: "8001 lunch")),
        ])
        return store
    }

    @Test("UPDATE on the audit table is refused for every column; the entries stay as written")
    func entriesCannotBeChanged() throws {
        let scratch = Scratch("audit-update")
        defer { scratch.remove() }
        let store = try store(scratch)
        let before = try store.audit()
        for change in ["user = 'nobody'", "action = 'view'", "object = 'x'", "detail = NULL", "at_ms = 0", "id = id + 100"] {
            #expect { try store.db.execute("UPDATE audit SET \(change)") } throws: { error in
                "\(error)".contains("the audit log is append-only: its entries cannot be changed")
            }
        }
        #expect(try store.audit() == before)
    }

    @Test("DELETE of an entry within 30 days of the newest is refused, one by one or all at once")
    func recentEntriesCannotBeDeleted() throws {
        let scratch = Scratch("audit-delete")
        defer { scratch.remove() }
        let store = try store(scratch)
        let before = try store.audit()
        for delete in ["DELETE FROM audit", "DELETE FROM audit WHERE user = 'alice'", "DELETE FROM audit WHERE user = 'bob'"] {
            #expect { try store.db.execute(delete) } throws: { error in
                "\(error)".contains("the audit log is append-only: an entry is deleted only by retention")
            }
        }
        #expect(try store.audit() == before, "a refused statement deletes nothing, not even the old entry")
    }

    @Test("retention deletes entries past audit_days and says so in the audit first")
    func retentionDeletesOldEntriesAndAuditsIt() throws {
        let scratch = Scratch("audit-retention")
        defer { scratch.remove() }
        let store = try store(scratch)
        let deleted = try store.deleteAudit(before: Self.now - 365 * Self.day, now: Self.now + 1)
        #expect(deleted == 1)
        let audit = try store.audit()
        #expect(audit.map(\.object) == ["recording 2", "8001 lunch", "audit entries before \(Self.now - 365 * Self.day)"])
        #expect(audit.last?.user == "retention" && audit.last?.detail == "1 entries past audit_days")
        #expect(try store.deleteAudit(before: Self.now - 365 * Self.day, now: Self.now + 2) == 0, "nothing more to delete: no entry written")
        #expect(try store.audit().count == 3)
    }
}
