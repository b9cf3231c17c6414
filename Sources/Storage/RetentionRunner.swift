#if canImport(Glibc)
import Glibc
#endif
import Records

/// Carries out the retention rules on the box: deletes expired recordings
/// (and, when the rules say so, the oldest unflagged ones below the free-
/// space floor), mailbox messages past `messagesDays`, call rows past their
/// time and old audit entries. Every
/// deleted recording keeps its row, marked deleted with the reason, and an
/// audit entry by "retention".
public enum RetentionRunner {
    public struct Result: Sendable, Equatable {
        /// Recordings deleted, with the reason.
        public var deleted: [(callID: Int64, reason: String)]
        public var failed: [String]
        public var callRowsDeleted: Int
        /// Messages whose audio was deleted (kept past `messagesDays`).
        public var messagesDeleted = 0
        /// Free bytes on the recordings' disk after the run.
        public var freeBytes: Int64?
        /// Below the floor even after the run: recording stops.
        public var mustStopRecording: Bool
        /// Days until the floor is reached at the last week's pace (nil: not filling).
        public var daysUntilFull: Double?

        public static func == (a: Result, b: Result) -> Bool {
            a.deleted.map(\.callID) == b.deleted.map(\.callID) && a.deleted.map(\.reason) == b.deleted.map(\.reason)
                && a.failed == b.failed && a.callRowsDeleted == b.callRowsDeleted && a.freeBytes == b.freeBytes
                && a.mustStopRecording == b.mustStopRecording && a.daysUntilFull == b.daysUntilFull
        }
    }

    public struct Settings: Sendable {
        public var rules: RetentionRules
        public var callsDays: Int
        public var auditDays: Int
        /// Days a mailbox message's audio is kept ([retention] voicemail_days).
        public var messagesDays = 30
        /// The recordings' root folder (its disk's free space is what counts).
        public var recordingsDirectory: String

        public init(rules: RetentionRules, callsDays: Int, auditDays: Int, recordingsDirectory: String) {
            self.rules = rules
            self.callsDays = callsDays
            self.auditDays = auditDays
            self.recordingsDirectory = recordingsDirectory
        }
    }

    /// Deletes the audio of messages older than `messagesDays`; each row
    /// stays, marked deleted, with an audit entry.
    static func expireMessages(_ store: CallStore, _ settings: Settings, now: Int64, into result: inout Result) throws(SQLiteError) {
        let cutoff = now - Int64(settings.messagesDays) * RetentionRules.dayMilliseconds
        for message in try store.messages(before: cutoff, limit: 1_000_000) {
            guard let id = message.id else { continue }
            if unlink(message.path) != 0 && errno != ENOENT {
                result.failed.append("message #\(id): cannot delete \(message.path): \(String(cString: strerror(errno)))")
                continue
            }
            try store.db.transaction { () throws(SQLiteError) in
                try store.setMessageState(id, "deleted", by: "retention", at: now)
                try store.apply(.audit(AuditEntry(at: now, user: "retention", action: "retention-delete", object: "message #\(id)",
                                                  detail: "kept \(settings.messagesDays) days")))
            }
            result.messagesDeleted += 1
        }
    }

    public static func run(_ store: CallStore, _ settings: Settings, now: Int64,
                           freeBytes: (String) -> Int64? = RecordingWriter.freeBytes) throws(SQLiteError) -> Result {
        let rows = try store.recordings().filter { $0.state != "recording" }
        let stored = rows.map {
            StoredRecording(callID: $0.callID, path: $0.path, queue: $0.queue, started: $0.started,
                            bytes: $0.bytes + Int64(RecordingFile.headerSize), flagged: $0.flagged)
        }
        let free = freeBytes(settings.recordingsDirectory)
        let plan = RetentionPlan(recordings: stored, rules: settings.rules, now: now, freeBytes: free ?? .max / 2)
        var result = Result(deleted: [], failed: [], callRowsDeleted: 0, freeBytes: nil, mustStopRecording: false, daysUntilFull: nil)
        for deletion in plan.deletions {
            let reason: String
            switch deletion.reason {
            case .expired(let days): reason = "kept \(days) days"
            case .spaceFloor: reason = "free space below the floor"
            }
            let id = deletion.recording.callID
            if unlink(deletion.recording.path) != 0 && errno != ENOENT {
                result.failed.append("recording \(id): cannot delete \(deletion.recording.path): \(String(cString: strerror(errno)))")
                continue
            }
            try store.db.transaction { () throws(SQLiteError) in
                try store.markDeleted(id, at: now, reason: reason)
                try store.apply(.audit(AuditEntry(at: now, user: "retention", action: "retention-delete", object: "recording \(id)", detail: reason)))
            }
            result.deleted.append((id, reason))
        }
        try expireMessages(store, settings, now: now, into: &result)
        result.callRowsDeleted = try store.deleteCalls(before: now - Int64(settings.callsDays) * RetentionRules.dayMilliseconds)
        try store.deleteAudit(before: now - Int64(settings.auditDays) * RetentionRules.dayMilliseconds, now: now)
        result.freeBytes = freeBytes(settings.recordingsDirectory)
        if let after = result.freeBytes {
            result.mustStopRecording = after < settings.rules.minFreeBytes
            let daily = try dailyBytes(store, now: now, days: 7)
            let kept = stored.filter { s in !result.deleted.contains { $0.callID == s.callID } }
            let retired = DiskForecast.retiredDailyBytes(recordings: kept, rules: settings.rules, now: now)
            result.daysUntilFull = DiskForecast.daysUntilFull(dailyBytes: daily, freeBytes: after, floorBytes: settings.rules.minFreeBytes,
                                                              retiredDailyBytes: retired)
        }
        return result
    }

    /// Bytes recorded on each of the last `days` days (oldest first), deleted
    /// ones included; fewer days when the first recording is more recent.
    static func dailyBytes(_ store: CallStore, now: Int64, days: Int) throws(SQLiteError) -> [Int64] {
        let day = RetentionRules.dayMilliseconds
        let from = now - Int64(days) * day
        let sums = try store.db.statement("""
            SELECT (started_ms - ?1) / ?2, sum(bytes) FROM recordings WHERE started_ms >= ?1 AND started_ms < ?3 GROUP BY 1
            """).rows([from, day, now]) { ($0.int(0), $0.int64(1)) }
        var out = [Int64](repeating: 0, count: days)
        for (index, bytes) in sums where index >= 0 && index < days { out[index] = bytes }
        // A box younger than the window: average over the days it has recorded.
        let first = try store.db.statement("SELECT min(started_ms) FROM recordings").firstInt().map(Int64.init) ?? now
        let younger = Int(max(0, (first - from) / day))
        return Array(out.dropFirst(min(younger, days - 1)))
    }
}
