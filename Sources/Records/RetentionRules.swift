/// How long recordings are kept and what happens when the disk runs low.
///
/// A recording is kept `queueDays[queue]` days (or `days` for queues not
/// listed and calls without a queue); a flagged one is kept `flaggedDays`,
/// or its queue's period if that is longer: a flag never shortens retention.
/// Below `minFreeBytes` free, `whenFull` decides between stopping new
/// recordings and deleting the oldest unflagged ones.
public struct RetentionRules: Sendable, Equatable {
    /// What to give up when free space falls below the floor.
    public enum WhenFull: Sendable, Equatable {
        /// Keep every recording until it expires; record no new calls.
        case stopRecording
        /// Delete the oldest unflagged recordings early to stay above the floor.
        case deleteOldest
    }

    public let days: Int
    public let queueDays: [String: Int]
    public let flaggedDays: Int
    public let minFreeBytes: Int64
    public let whenFull: WhenFull

    /// - Throws: `RetentionRulesError` when a period is not at least one day
    ///   or the floor is negative.
    public init(days: Int, queueDays: [String: Int] = [:], flaggedDays: Int, minFreeBytes: Int64,
                whenFull: WhenFull = .stopRecording) throws(RetentionRulesError) {
        guard days >= 1 else { throw .periodTooShort(queue: nil, days: days) }
        if let bad = queueDays.filter({ $0.value < 1 }).min(by: { $0.key < $1.key }) {
            throw .periodTooShort(queue: bad.key, days: bad.value)
        }
        guard flaggedDays >= 1 else { throw .flaggedPeriodTooShort(days: flaggedDays) }
        guard minFreeBytes >= 0 else { throw .negativeFloor(bytes: minFreeBytes) }
        self.days = days
        self.queueDays = queueDays
        self.flaggedDays = flaggedDays
        self.minFreeBytes = minFreeBytes
        self.whenFull = whenFull
    }

    /// Days this recording is kept.
    public func keptDays(for recording: StoredRecording) -> Int {
        let queuePeriod = recording.queue.flatMap { queueDays[$0] } ?? days
        return recording.flagged ? max(queuePeriod, flaggedDays) : queuePeriod
    }

    /// The instant (Unix ms) after which the recording has expired: it is
    /// kept while its age is at most its period, deleted once older.
    public func expiry(of recording: StoredRecording) -> Int64 {
        recording.started + Int64(keptDays(for: recording)) * RetentionRules.dayMilliseconds
    }

    public static let dayMilliseconds: Int64 = 86_400_000
}

/// Why a set of retention rules cannot be used.
public enum RetentionRulesError: Error, Equatable, CustomStringConvertible {
    /// A retention period below one day (queue nil: the default `days`).
    case periodTooShort(queue: String?, days: Int)
    case flaggedPeriodTooShort(days: Int)
    case negativeFloor(bytes: Int64)

    public var description: String {
        switch self {
        case .periodTooShort(nil, let days):
            "retention: days must be at least 1 (got \(days))"
        case .periodTooShort(let queue?, let days):
            "retention: days for queue '\(queue)' must be at least 1 (got \(days))"
        case .flaggedPeriodTooShort(let days):
            "retention: flagged days must be at least 1 (got \(days))"
        case .negativeFloor(let bytes):
            "retention: minimum free bytes cannot be negative (got \(bytes))"
        }
    }
}
