import Testing
@testable import Config

/// The calendar file format and the shipped 2026 calendar.
@Suite struct HolidayCalendarTests {
    @Test func shipped2026CalendarMatchesTheStateCouncilNotice() throws {
        let (calendar, diagnostics) = HolidayCalendar.parse(try Repository.text("config/holidays/cn-2026.txt"), file: "cn-2026.txt")
        #expect(diagnostics.isEmpty)
        let workdays = calendar.days.filter { $0.value.kind == .workday }.keys.sorted().map(\.description)
        #expect(workdays == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])
        let holidays = calendar.days.filter { $0.value.kind == .holiday }.count
        #expect(holidays == 3 + 9 + 3 + 5 + 3 + 3 + 7)
        #expect(calendar.years == [2026])
    }

    @Test func entriesKeepTheirNameFileAndLine() {
        let (calendar, _) = HolidayCalendar.parse("# c\n2026-10-01..2026-10-02  holiday  国庆节 National Day\n", file: "cal.txt")
        let day = calendar.day(CivilDate("2026-10-02")!)
        #expect(day == HolidayCalendar.Day(kind: .holiday, name: "国庆节 National Day", file: "cal.txt", line: 2))
    }

    @Test func everyBadLineIsReportedWithItsLine() {
        let text = """
        2026-02-30 holiday bad date
        2026-10-05 workday Monday
        2026-10-01 vacation typo
        2026-01-10..2026-01-01 holiday backwards
        2026-01-01..2026-03-01 holiday too long
        2026-05-01
        2026-06-19 holiday ok
        2026-06-19 holiday again
        """
        let (calendar, diagnostics) = HolidayCalendar.parse(text, file: "cal.txt")
        #expect(diagnostics.map(\.description) == [
            "cal.txt:1: error: '2026-02-30' is not a valid date (YYYY-MM-DD)",
            "cal.txt:2: error: 2026-10-05 is a Monday: a make-up workday must be a Saturday or Sunday",
            "cal.txt:3: error: 'vacation' must be 'holiday' or 'workday'",
            "cal.txt:4: error: range 2026-01-10..2026-01-01 ends before it starts",
            "cal.txt:5: error: range 2026-01-01..2026-03-01 is 60 days long (at most 31)",
            "cal.txt:6: error: expected: DATE[..DATE] holiday|workday NAME",
            "cal.txt:8: error: 2026-06-19 is already listed (line 7, holiday)",
        ])
        #expect(calendar.days.count == 1)
    }

    @Test func aDateInTwoFilesIsReportedWithTheOtherFile() {
        var calendar = HolidayCalendar()
        #expect(calendar.merge("2026-10-01 holiday a\n", file: "one.txt").isEmpty)
        #expect(calendar.merge("\n2026-10-01 workday b\n", file: "two.txt").map(\.description)
                == ["two.txt:2: error: 2026-10-01 is a Thursday: a make-up workday must be a Saturday or Sunday"])
        #expect(calendar.merge("2026-10-01 holiday b\n", file: "two.txt").map(\.description)
                == ["two.txt:1: error: 2026-10-01 is already listed (one.txt:1, holiday)"])
    }
}
