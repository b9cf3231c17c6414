import Records

/// The stretch of time a report covers and the clock it is read by: calls
/// arriving from `from` (included) to `to` (excluded), Unix milliseconds,
/// and the box's offset from UTC, which decides where local hours and days
/// begin. Reports group by local time because the center's staff plan
/// shifts by the wall clock, not by UTC.
public struct ReportWindow: Sendable, Equatable {
    /// First instant in the window, Unix milliseconds.
    public var from: Int64
    /// First instant after the window, Unix milliseconds.
    public var to: Int64
    /// Seconds east of UTC (China: 28 800 = +8 h).
    public var utcOffsetSeconds: Int

    public init(from: Int64, to: Int64, utcOffsetSeconds: Int = 0) {
        self.from = from
        self.to = to
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// One whole local calendar day, midnight to midnight at `utcOffsetSeconds`
    /// (what `kefu report --day 2024-05-01` means).
    public static func localDay(year: Int, month: Int, day: Int, utcOffsetSeconds: Int) -> ReportWindow {
        let start = localMidnight(dayNumber: daysFromCivil(year: year, month: month, day: day), utcOffsetSeconds: utcOffsetSeconds)
        return ReportWindow(from: start, to: start + 86_400_000, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Length of the window, milliseconds (0 when `to` is not after `from`).
    public var durationMilliseconds: Int64 { max(0, to - from) }

    /// Whether `time` falls in [from, to).
    public func contains(_ time: Int64) -> Bool { time >= from && time < to }

    /// The local date of `time` as days since 1970-01-01 (negative before).
    public func localDayNumber(of time: Int64) -> Int64 {
        Self.floorDivide(Self.localSeconds(time, utcOffsetSeconds), 86_400)
    }

    /// The local date of `time`, "YYYY-MM-DD".
    public func localDay(of time: Int64) -> String {
        LocalTimestamp(unixMilliseconds: time, utcOffsetSeconds: utcOffsetSeconds).date
    }

    /// The local hour of `time`, 0…23.
    public func localHour(of time: Int64) -> Int {
        let seconds = Self.localSeconds(time, utcOffsetSeconds)
        return Int((seconds - Self.floorDivide(seconds, 86_400) * 86_400) / 3600)
    }

    /// "YYYY-MM-DD" of a local day number.
    public static func dayLabel(dayNumber: Int64) -> String {
        let (y, m, d) = LocalTimestamp.civil(fromDays: dayNumber)
        return LocalTimestamp(year: y, month: m, day: d).date
    }

    /// Unix milliseconds of local midnight starting day `dayNumber`.
    public static func localMidnight(dayNumber: Int64, utcOffsetSeconds: Int) -> Int64 {
        (dayNumber * 86_400 - Int64(utcOffsetSeconds)) * 1000
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date: Howard Hinnant's
    /// `days_from_civil`, the inverse of `LocalTimestamp.civil(fromDays:)`
    /// (eras of 400 years starting on 1 March, so the leap day ends a year).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400                                            // 0…399
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)               // 0 = March
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1              // 0…365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // 0…146 096
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whole local seconds of an instant (milliseconds dropped towards the past).
    static func localSeconds(_ time: Int64, _ utcOffsetSeconds: Int) -> Int64 {
        floorDivide(time, 1000) + Int64(utcOffsetSeconds)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
