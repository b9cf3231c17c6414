import Records
import Reports
import Testing

@Suite struct ReportWindowTests {
    @Test("local hour and day follow the UTC offset across local midnight")
    func localTimeAtPlusEight() {
        let w = Fixture.window
        // 23:59:59.999 local on 1 May = 15:59:59.999Z: still 1 May, hour 23.
        #expect(w.localHour(of: Fixture.at(24, 0) - 1) == 23)
        #expect(w.localDay(of: Fixture.at(24, 0) - 1) == "2024-05-01")
        // Local midnight starting 2 May is 16:00Z on 1 May: 2 May locally, hour 0.
        #expect(w.localHour(of: Fixture.at(24, 0)) == 0)
        #expect(w.localDay(of: Fixture.at(24, 0)) == "2024-05-02")
        // The same instant read at UTC is 1 May, 16 h.
        let utc = ReportWindow(from: 0, to: 1, utcOffsetSeconds: 0)
        #expect(utc.localHour(of: Fixture.at(24, 0)) == 16)
        #expect(utc.localDay(of: Fixture.at(24, 0)) == "2024-05-01")
    }

    @Test("a local day window runs midnight to midnight at the offset")
    func wholeLocalDay() {
        let day = ReportWindow.localDay(year: 2024, month: 5, day: 1, utcOffsetSeconds: 28_800)
        #expect(day.from == Fixture.midnight)
        #expect(day.to == Fixture.midnight + 86_400_000)
        #expect(day.durationMilliseconds == 86_400_000)
        #expect(day.contains(day.from) && !day.contains(day.to))
    }

    @Test("days from a date are the inverse of LocalTimestamp's date from days")
    func civilRoundTrip() {
        #expect(ReportWindow.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(ReportWindow.daysFromCivil(year: 2024, month: 5, day: 1) == 19_844)
        #expect(ReportWindow.daysFromCivil(year: 1969, month: 12, day: 31) == -1)
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = LocalTimestamp.civil(fromDays: days)
            #expect(ReportWindow.daysFromCivil(year: y, month: m, day: d) == days)
        }
        #expect(ReportWindow.dayLabel(dayNumber: 19_844) == "2024-05-01")
    }

    @Test("times before 1970 fall in the right hour")
    func beforeTheEpoch() {
        let w = ReportWindow(from: 0, to: 1, utcOffsetSeconds: 0)
        #expect(w.localHour(of: -1) == 23)             // 1969-12-31 23:59:59.999
        #expect(w.localDayNumber(of: -1) == -1)
        #expect(w.localDay(of: -1) == "1969-12-31")
    }
}
