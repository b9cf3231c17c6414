#if canImport(Glibc)
import Glibc
#endif
import Records

/// What marking a message came to.
public enum MessageMark: Sendable, Equatable {
    case marked
    /// No such message, or it is deleted already.
    case noSuchMessage
    /// Deleting: its file could not be removed (the row is left as it was).
    case cannotRemove(path: String, reason: String)
}

/// Mailboxes' messages: stored when the caller finishes, listed by box,
/// marked heard (by whom, when) or deleted (the row stays, the state says so).
extension CallStore {
    func insertMessage(_ m: StoredMessage) throws(SQLiteError) {
        try db.statement("""
            INSERT INTO messages (call_id, box, caller_number, at_ms, duration_ms, path, state)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """).run([m.callID, m.box, m.callerNumber, m.at, m.durationMilliseconds, m.path, m.state])
    }

    static let messageColumns = "id, call_id, box, caller_number, at_ms, duration_ms, path, state, heard_by, heard_at_ms"

    static func message(_ s: SQLiteStatement) -> StoredMessage {
        StoredMessage(id: s.int64(0), callID: s.int64(1), box: s.string(2), callerNumber: s.optionalString(3), at: s.int64(4),
                      durationMilliseconds: s.int64(5), path: s.string(6), state: s.string(7), heardBy: s.optionalString(8),
                      heardAt: s.optionalInt64(9))
    }

    /// Messages, newest first: one box's or every box's, those left before a
    /// time (Unix ms) or all; deleted ones only if asked.
    public func messages(box: String? = nil, before: Int64? = nil, includeDeleted: Bool = false,
                         limit: Int = 200) throws(SQLiteError) -> [StoredMessage] {
        var sql = "SELECT \(Self.messageColumns) FROM messages WHERE 1 = 1"
        var values: [SQLiteBindable] = []
        if let box {
            values.append(box)
            sql += " AND box = ?\(values.count)"
        }
        if let before {
            values.append(before)
            sql += " AND at_ms < ?\(values.count)"
        }
        if !includeDeleted { sql += " AND state != 'deleted'" }
        values.append(limit)
        sql += " ORDER BY at_ms DESC, id DESC LIMIT ?\(values.count)"
        return try db.statement(sql).rows(values, Self.message)
    }

    public func message(_ id: Int64) throws(SQLiteError) -> StoredMessage? {
        try db.statement("SELECT \(Self.messageColumns) FROM messages WHERE id = ?1").rows([id], Self.message).first
    }

    /// Marks a message heard or deleted; false if there is no such message.
    @discardableResult
    public func setMessageState(_ id: Int64, _ state: String, by user: String, at: Int64) throws(SQLiteError) -> Bool {
        guard try message(id) != nil else { return false }
        try db.statement("UPDATE messages SET state = ?2, heard_by = coalesce(heard_by, ?3), heard_at_ms = coalesce(heard_at_ms, ?4) WHERE id = ?1")
            .run([id, state, user, at])
        return true
    }

    /// Marks a message heard, or deletes it: the file goes first (one
    /// already gone is fine), the row stays, marked deleted. The console
    /// and agents' phones mark messages through this.
    public func markMessage(_ id: Int64, _ state: String, by user: String, at: Int64) throws(SQLiteError) -> MessageMark {
        guard let message = try message(id), message.state != "deleted" else { return .noSuchMessage }
        if state == "deleted", unlink(message.path) != 0, errno != ENOENT {
            return .cannotRemove(path: message.path, reason: String(cString: strerror(errno)))
        }
        try setMessageState(id, state, by: user, at: at)
        return .marked
    }
}
