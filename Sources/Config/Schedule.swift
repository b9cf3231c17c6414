/// Weekly opening hours with holidays and make-up workdays.
///
/// A day's hours come from, in order: the calendar (a holiday uses the
/// schedule's `holiday` hours, closed unless given; a make-up workday uses
/// `makeup` hours, Monday's unless given), then the weekday's own hours.
/// `always = true` is open 24×7 whatever the calendar says.
public struct Schedule: Sendable, Equatable {
    public var name: String
    public var line: Int
    public var alwaysOpen: Bool
    /// Hours for Monday … Sunday (index 0 … 6).
    public var week: [[TimeRange]]
    public var holidayHours: [TimeRange]
    /// Hours on a make-up workday; nil means Monday's.
    public var makeupHours: [TimeRange]?
    /// false: the calendar is ignored (hours by weekday only).
    public var observesCalendar: Bool

    public init(name: String, line: Int = 0, alwaysOpen: Bool = false, week: [[TimeRange]] = Array(repeating: [], count: 7),
                holidayHours: [TimeRange] = [], makeupHours: [TimeRange]? = nil, observesCalendar: Bool = true) {
        self.name = name
        self.line = line
        self.alwaysOpen = alwaysOpen
        self.week = week
        self.holidayHours = holidayHours
        self.makeupHours = makeupHours
        self.observesCalendar = observesCalendar
    }

    public enum DayKind: Sendable, Equatable {
        case regular(Weekday)
        case holiday(String)
        case makeupWorkday(String)
    }

    /// Which rule applies on `date`, and the hours it gives.
    public func hours(on date: CivilDate, calendar: HolidayCalendar) -> (kind: DayKind, hours: [TimeRange]) {
        if alwaysOpen { return (.regular(date.weekday), [TimeRange(start: 0, end: 1440)]) }
        if observesCalendar, let special = calendar.day(date) {
            switch special.kind {
            case .holiday: return (.holiday(special.name), holidayHours)
            case .workday: return (.makeupWorkday(special.name), makeupHours ?? week[0])
            }
        }
        return (.regular(date.weekday), week[date.weekday.rawValue - 1])
    }

    public func isOpen(at time: LocalDateTime, calendar: HolidayCalendar) -> Bool {
        hours(on: time.date, calendar: calendar).hours.contains { $0.contains(minute: time.minuteOfDay) }
    }

    public func isOpen(at time: UnixTime, zone: TimeZoneOffset, calendar: HolidayCalendar) -> Bool {
        isOpen(at: zone.local(time), calendar: calendar)
    }
}
