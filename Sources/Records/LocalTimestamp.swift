/// A wall-clock date and time at a fixed offset from UTC, to the second,
/// worked out from Unix milliseconds by arithmetic alone (proleptic
/// Gregorian calendar, no time-zone database): exports and review lists
/// name days the way the center's staff read them, and the box has no
/// calendar library to lean on. (Config's `LocalDateTime` is the schedule's
/// minute-resolution clock; this one is for records.)
public struct LocalTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1…12.
    public var month: Int
    /// 1…31.
    public var day: Int
    /// 0…23.
    public var hour: Int
    /// 0…59.
    public var minute: Int
    /// 0…59 (leap seconds do not exist in Unix time).
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The local time of an instant.
    /// - Parameters:
    ///   - unixMilliseconds: the instant; milliseconds are dropped towards the
    ///     past, so 23:59:59.999 is still 23:59:59 (also before 1970).
    ///   - utcOffsetSeconds: seconds east of UTC (China: 28 800 = +8 h).
    public init(unixMilliseconds: Int64, utcOffsetSeconds: Int) {
        let seconds = Self.floorDivide(unixMilliseconds, 1000) + Int64(utcOffsetSeconds)
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (y, m, d) = Self.civil(fromDays: days)
        self.init(year: y, month: m, day: d,
                  hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    /// "YYYY-MM-DD".
    public var date: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendDate(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "YYYY-MM-DD HH:MM:SS".
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(19)
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (a: LocalTimestamp, b: LocalTimestamp) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute, a.second) < (b.year, b.month, b.day, b.hour, b.minute, b.second)
    }

    /// Year, month and day of a count of days since 1970-01-01 (negative
    /// before), by Howard Hinnant's `civil_from_days`: shift to eras of 400
    /// years starting on 1 March, where leap days fall at the end of a year.
    public static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468                                  // days since 0000-03-01
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097                        // 0…146 096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // 0…399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)              // 0…365, from 1 March
        let shiftedMonth = (5 * dayOfYear + 2) / 153            // 0…11, 0 = March
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// Appends "YYYY-MM-DD HH:MM:SS" as ASCII.
    func append(to bytes: inout [UInt8]) {
        appendDate(to: &bytes)
        bytes.append(UInt8(ascii: " "))
        Self.appendDigits(hour, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendDigits(minute, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendDigits(second, width: 2, to: &bytes)
    }

    func appendDate(to bytes: inout [UInt8]) {
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        Self.appendDigits(abs(year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendDigits(day, width: 2, to: &bytes)
    }

    /// A non-negative value in decimal, zero-padded to at least `width` digits.
    static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        var digits = 1
        while digits < width || value / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
