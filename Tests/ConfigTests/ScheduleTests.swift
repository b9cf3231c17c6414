import Testing
@testable import Config

/// Opening hours with China's 2026 calendar (the shipped file): regular
/// weeks, a 调休 weekend (a Saturday that is a working day) and holidays.
@Suite struct ScheduleTests {
    let calendar: HolidayCalendar
    let zone = TimeZoneOffset.shanghai
    /// Weekdays 09:00-12:00 and 13:00-18:00; weekends closed.
    let office: Schedule

    init() throws {
        let parsed = HolidayCalendar.parse(try Repository.text("config/holidays/cn-2026.txt"), file: "cn-2026.txt")
        #expect(parsed.diagnostics.isEmpty)
        calendar = parsed.calendar
        let morning = TimeRange(start: 9 * 60, end: 12 * 60), afternoon = TimeRange(start: 13 * 60, end: 18 * 60)
        office = Schedule(name: "office", week: Array(repeating: [morning, afternoon], count: 5) + [[], []])
    }

    func date(_ text: String) -> CivilDate { CivilDate(text)! }

    func open(_ schedule: Schedule, _ day: String, _ hour: Int, _ minute: Int = 0) -> Bool {
        schedule.isOpen(at: zone.instant(date(day), hour: hour, minute: minute), zone: zone, calendar: calendar)
    }

    @Test func weekdayHoursOpenAtStartAndCloseAtEnd() {
        // 2026-03-02 is an ordinary Monday.
        #expect(!open(office, "2026-03-02", 8, 59))
        #expect(open(office, "2026-03-02", 9, 0))
        #expect(open(office, "2026-03-02", 11, 59))
        #expect(!open(office, "2026-03-02", 12, 30))  // lunch
        #expect(open(office, "2026-03-02", 17, 59))
        #expect(!open(office, "2026-03-02", 18, 0))
    }

    @Test func ordinarySaturdayIsClosed() {
        #expect(date("2026-03-07").weekday == .saturday)
        #expect(!open(office, "2026-03-07", 10))
    }

    @Test func makeUpSaturdayIsOpenWithMondayHours() {
        // Spring Festival 2026: Sat 14 Feb is a make-up workday (春节调休).
        #expect(date("2026-02-14").weekday == .saturday)
        #expect(office.hours(on: date("2026-02-14"), calendar: calendar).kind == .makeupWorkday("春节调休 Spring Festival make-up workday"))
        #expect(open(office, "2026-02-14", 10))
        #expect(!open(office, "2026-02-14", 12, 30))
        #expect(!open(office, "2026-02-14", 18, 30))
    }

    @Test func makeUpSundayIsOpen() {
        // Sun 4 Jan (New Year) and Sun 20 Sep (National Day) are workdays.
        #expect(open(office, "2026-01-04", 9, 30))
        #expect(open(office, "2026-09-20", 15))
    }

    @Test func holidayWeekdaysAreClosedAcrossTheSpringFestivalWeek() {
        // Sun 15 Feb … Mon 23 Feb off: the weekdays 16-20 and 23 are closed.
        for day in ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"] {
            #expect(!open(office, day, 10), "\(day)")
        }
        #expect(open(office, "2026-02-24", 10))  // back to work on Tuesday
    }

    @Test func weekendAroundTheMakeUpDayBehavesAsListed() {
        // The 调休 weekend of 14-15 Feb: Saturday works, Sunday is the holiday's first day.
        #expect(open(office, "2026-02-14", 9))
        #expect(!open(office, "2026-02-15", 9))
        #expect(office.hours(on: date("2026-02-15"), calendar: calendar).kind == .holiday("春节 Spring Festival"))
        // …and 28 Feb (Sat) works again while 1 Mar (Sun) is an ordinary Sunday.
        #expect(open(office, "2026-02-28", 9))
        #expect(!open(office, "2026-03-01", 9))
    }

    @Test func nationalDayThursdayIsClosedButHolidayHoursApplyWhenGiven() {
        #expect(!open(office, "2026-10-01", 10))
        var reduced = office
        reduced.holidayHours = [TimeRange(start: 10 * 60, end: 16 * 60)]
        #expect(open(reduced, "2026-10-01", 10))
        #expect(!open(reduced, "2026-10-01", 16))
    }

    @Test func makeupHoursOverrideMondaysHours() {
        var s = office
        s.makeupHours = [TimeRange(start: 10 * 60, end: 15 * 60)]
        #expect(!open(s, "2026-05-09", 9, 30))
        #expect(open(s, "2026-05-09", 14, 59))
    }

    @Test func alwaysOpenIgnoresHolidays() {
        let always = Schedule(name: "24x7", alwaysOpen: true)
        #expect(open(always, "2026-02-17", 3))
        #expect(open(always, "2026-03-07", 23, 59))
    }

    @Test func scheduleWithCalendarOffIgnoresHolidaysAndMakeUpDays() {
        var s = office
        s.observesCalendar = false
        #expect(open(s, "2026-10-01", 10))
        #expect(!open(s, "2026-02-14", 10))
    }

    @Test func localTimeComesFromUTCWithTheZoneOffset() {
        // 2026-02-13 16:30 UTC is Saturday 14 Feb 00:30 in Shanghai.
        let t = UnixTime(seconds: CivilDate("2026-02-13")!.daysSinceEpoch * 86400 + 16 * 3600 + 30 * 60)
        #expect(zone.local(t) == LocalDateTime(date: date("2026-02-14"), minuteOfDay: 30))
        // 01:00 UTC on a Monday is 09:00 in Shanghai: open.
        let nine = UnixTime(seconds: CivilDate("2026-03-02")!.daysSinceEpoch * 86400 + 3600)
        #expect(office.isOpen(at: nine, zone: zone, calendar: calendar))
        #expect(!office.isOpen(at: nine, zone: TimeZoneOffset.named("UTC")!, calendar: calendar))
    }

    @Test func civilDatesRoundTripAndKnowTheirWeekday() {
        #expect(CivilDate("1970-01-01")!.daysSinceEpoch == 0)
        #expect(CivilDate("1970-01-01")!.weekday == .thursday)
        #expect(CivilDate("2026-01-01")!.weekday == .thursday)
        #expect(CivilDate("2024-02-29") != nil)
        #expect(CivilDate("2026-02-29") == nil)
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate("2026-12-31")!.adding(days: 1).description == "2027-01-01")
    }

    @Test(arguments: [
        ("09:00-18:00", [TimeRange(start: 540, end: 1080)]),
        ("13:00-18:00, 09:00-12:00", [TimeRange(start: 540, end: 720), TimeRange(start: 780, end: 1080)]),
        ("00:00-24:00", [TimeRange(start: 0, end: 1440)]),
        ("24h", [TimeRange(start: 0, end: 1440)]),
        ("closed", []),
    ])
    func dayHoursParse(_ text: String, _ expected: [TimeRange]) throws {
        #expect(try TimeRange.parseDay(text).get() == expected)
    }

    @Test(arguments: [
        ("09:00-12:00, 11:00-13:00", "hours 09:00-12:00 and 11:00-13:00 overlap"),
        ("22:00-06:00", "'22:00-06:00' ends before it starts (a range cannot cross midnight: split it over two days)"),
        ("9-18", "'9-18' is not a time range like 09:00-18:00"),
        ("09:00-25:00", "'09:00-25:00' is not a time range like 09:00-18:00"),
    ])
    func badDayHoursSayWhy(_ text: String, _ message: String) {
        guard case .failure(let error) = TimeRange.parseDay(text) else { Issue.record("accepted \(text)"); return }
        #expect(error.message == message)
    }
}
