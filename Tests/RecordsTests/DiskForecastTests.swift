import Testing
import Records

@Suite struct DiskForecastTests {
    @Test("Days until full = (free − floor) ÷ mean daily bytes")
    func plainGrowth() {
        // mean(100, 200, 300) = 200 a day; 10 000 − 2 000 = 8 000 of headroom.
        #expect(DiskForecast.daysUntilFull(dailyBytes: [100, 200, 300], freeBytes: 10_000, floorBytes: 2_000) == 40)
    }

    @Test("Bytes retention deletes per day slow the filling down")
    func withDeletions() {
        #expect(DiskForecast.daysUntilFull(dailyBytes: [100, 200, 300], freeBytes: 10_000, floorBytes: 2_000,
                                           retiredDailyBytes: 50) == 8_000.0 / 150.0)
    }

    @Test("No forecast when nothing is written or deletions keep pace")
    func noForecast() {
        #expect(DiskForecast.daysUntilFull(dailyBytes: [], freeBytes: 10_000, floorBytes: 0) == nil)
        #expect(DiskForecast.daysUntilFull(dailyBytes: [0, 0], freeBytes: 10_000, floorBytes: 0) == nil)
        #expect(DiskForecast.daysUntilFull(dailyBytes: [200], freeBytes: 10_000, floorBytes: 0, retiredDailyBytes: 200) == nil)
        #expect(DiskForecast.daysUntilFull(dailyBytes: [200], freeBytes: 10_000, floorBytes: 0, retiredDailyBytes: 250) == nil)
    }

    @Test("Already at or below the floor means zero days")
    func alreadyFull() {
        #expect(DiskForecast.daysUntilFull(dailyBytes: [200], freeBytes: 2_000, floorBytes: 2_000) == 0)
        #expect(DiskForecast.daysUntilFull(dailyBytes: [200], freeBytes: 1_000, floorBytes: 2_000, retiredDailyBytes: 500) == 0)
    }

    @Test("Retired bytes per day count what expires in the coming days, not what already has")
    func retiredDaily() throws {
        let day = RetentionRules.dayMilliseconds
        let now = 100 * day
        let rules = try RetentionRules(days: 30, flaggedDays: 90, minFreeBytes: 0)
        func rec(_ id: Int64, ageMilliseconds: Int64, bytes: Int64, flagged: Bool = false) -> StoredRecording {
            StoredRecording(callID: id, path: "", queue: nil, started: now - ageMilliseconds, bytes: bytes, flagged: flagged)
        }
        let recordings = [
            rec(1, ageMilliseconds: 29 * day + day / 2, bytes: 700),   // expires in half a day
            rec(2, ageMilliseconds: 25 * day, bytes: 700),             // in 5 days
            rec(3, ageMilliseconds: 22 * day, bytes: 1_000),           // in 8 days: beyond the week
            rec(4, ageMilliseconds: 31 * day, bytes: 5_000),           // already expired
            rec(5, ageMilliseconds: 29 * day, bytes: 9_000, flagged: true),  // kept 90 days
        ]
        let retired = DiskForecast.retiredDailyBytes(recordings: recordings, rules: rules, now: now, days: 7)
        #expect(retired == 200)  // 1 400 ÷ 7
        #expect(DiskForecast.daysUntilFull(dailyBytes: [300], freeBytes: 10_000, floorBytes: 2_000,
                                           retiredDailyBytes: retired) == 80)
    }
}
