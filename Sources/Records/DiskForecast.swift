/// How many days until recordings fill the disk down to its free-space floor.
///
/// Model (deliberately simple, and stated so the figure can be trusted for
/// what it is): the disk fills at a constant net rate per day,
///
///     net = mean(recent daily bytes written) − bytes retention deletes per day
///     days = (free − floor) / net
///
/// where the bytes deleted per day are what the caller passes, e.g.
/// `retiredDailyBytes(recordings:rules:now:days:)`. Growth in traffic,
/// flags and rule changes are not foreseen.
public enum DiskForecast {
    /// Days until free space reaches `floorBytes`.
    /// - Parameters:
    ///   - dailyBytes: bytes written on each recent day, oldest first.
    ///   - retiredDailyBytes: bytes retention deletes per day (nil: ignore deletions).
    /// - Returns: nil when there is nothing to forecast: nothing was written,
    ///   or deletions keep up with writing so the disk does not fill;
    ///   0 when free space is already at or below the floor.
    public static func daysUntilFull(dailyBytes: [Int64], freeBytes: Int64, floorBytes: Int64,
                                     retiredDailyBytes: Int64? = nil) -> Double? {
        guard !dailyBytes.isEmpty else { return nil }
        let written = dailyBytes.reduce(0.0) { $0 + Double($1) } / Double(dailyBytes.count)
        guard written > 0 else { return nil }
        let headroom = freeBytes - floorBytes
        guard headroom > 0 else { return 0 }
        let net = written - Double(retiredDailyBytes ?? 0)
        guard net > 0 else { return nil }
        return Double(headroom) / net
    }

    /// Mean bytes per day that retention will delete over the next `days`
    /// days: the sizes of recordings not yet expired at `now` but expired
    /// before `now + days` (see `RetentionRules.expiry(of:)`), divided by
    /// `days` and rounded down (so a forecast errs early). Recordings
    /// already expired are left out: the current plan deletes them, and the
    /// free space passed to `daysUntilFull` should count that.
    public static func retiredDailyBytes(recordings: [StoredRecording], rules: RetentionRules,
                                         now: Int64, days: Int = 7) -> Int64 {
        precondition(days >= 1, "DiskForecast.retiredDailyBytes: days must be at least 1 (got \(days))")
        let end = now + Int64(days) * RetentionRules.dayMilliseconds
        var total: Int64 = 0
        for recording in recordings {
            let expiry = rules.expiry(of: recording)
            if expiry >= now && expiry < end { total += recording.bytes }
        }
        return total / Int64(days)
    }
}
