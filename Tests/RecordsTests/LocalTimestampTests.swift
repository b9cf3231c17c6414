import Testing
import Records

@Suite struct LocalTimestampTests {
    @Test("Unix zero is 1970-01-01 00:00:00 at UTC")
    func epoch() {
        #expect(LocalTimestamp(unixMilliseconds: 0, utcOffsetSeconds: 0).description == "1970-01-01 00:00:00")
    }

    @Test("China time adds eight hours and rolls the date over at local midnight")
    func chinaMidnight() {
        // 2024-02-28 15:59:59.999 UTC is the last millisecond of 28 February in Beijing…
        let before = LocalTimestamp(unixMilliseconds: 1_709_135_999_999, utcOffsetSeconds: 28_800)
        #expect(before.description == "2024-02-28 23:59:59")
        // …and 16:00:00 UTC is midnight of the leap day there.
        let after = LocalTimestamp(unixMilliseconds: 1_709_136_000_000, utcOffsetSeconds: 28_800)
        #expect(after == LocalTimestamp(year: 2024, month: 2, day: 29))
        #expect(after.date == "2024-02-29")
        #expect(before < after)
    }

    @Test("New Year's Eve at 16:00 UTC is already the next year in China")
    func yearRollOver() {
        #expect(LocalTimestamp(unixMilliseconds: 1_704_038_399_999, utcOffsetSeconds: 28_800).description
                == "2023-12-31 23:59:59")
        #expect(LocalTimestamp(unixMilliseconds: 1_704_038_400_000, utcOffsetSeconds: 28_800).description
                == "2024-01-01 00:00:00")
    }

    @Test("Instants before 1970 round down to the earlier second")
    func beforeEpoch() {
        #expect(LocalTimestamp(unixMilliseconds: -1, utcOffsetSeconds: 0).description == "1969-12-31 23:59:59")
        #expect(LocalTimestamp(unixMilliseconds: -86_400_000, utcOffsetSeconds: -3600).description
                == "1969-12-30 23:00:00")
    }

    @Test("Century years: 2000 is a leap year, 2100 is not")
    func centuries() {
        #expect(LocalTimestamp.civil(fromDays: 11_016) == (2000, 2, 29))
        #expect(LocalTimestamp.civil(fromDays: 47_540) == (2100, 2, 28))
        #expect(LocalTimestamp.civil(fromDays: 47_541) == (2100, 3, 1))
    }

    @Test("Every day from 1967 to 2380 matches a day-by-day calendar count")
    func matchesCounting() {
        func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var (y, m, d) = (1967, 1, 1)
        var mismatches = 0
        for days in Int64(-1096)...Int64(150_000) {
            let civil = LocalTimestamp.civil(fromDays: days)
            if civil != (y, m, d) { mismatches += 1 }
            d += 1
            if d > lengths[m - 1] + (m == 2 && isLeap(y) ? 1 : 0) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
        #expect(mismatches == 0)
        #expect(LocalTimestamp.civil(fromDays: 150_000) == (2380, 9, 8))
    }
}
