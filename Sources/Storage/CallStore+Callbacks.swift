import Records

/// Callbacks booked and not yet done: what a restart must put back in the
/// queues so the callers keep their places.
extension CallStore {
    public struct PendingCallback: Sendable, Equatable {
        public var callID: Int64
        public var queue: String
        public var number: String
        public var language: String?
        /// When the caller joined the queue (Unix ms).
        public var joined: Int64
    }

    /// Calls since `since` (Unix ms) that ended with a callback booked and
    /// whose callback neither connected nor was given up, oldest first.
    public func pendingCallbacks(since: Int64) throws(SQLiteError) -> [PendingCallback] {
        try db.statement("""
            SELECT c.id, c.queue, d.value, c.language, coalesce(c.queued_ms, c.arrived_ms)
            FROM calls c JOIN call_data d ON d.call_id = c.id AND d.key = 'callback_number'
            WHERE c.end_reason = 'callback-booked' AND c.arrived_ms >= ?1 AND c.queue IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM queue_events e WHERE e.call_id = c.id AND e.kind IN ('callback-connected', 'callback-gave-up'))
            ORDER BY c.arrived_ms, c.id
            """).rows([since]) { s in
            PendingCallback(callID: s.int64(0), queue: s.string(1), number: s.string(2), language: s.optionalString(3), joined: s.int64(4))
        }
    }
}
