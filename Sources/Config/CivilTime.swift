/// Wall-clock time without a clock: a UTC instant given as input, turned into
/// a local date and time by a fixed offset. Pure arithmetic (the days-from-
/// civil algorithm), no system time-zone database.

/// Seconds since 1970-01-01 00:00:00 UTC, as the caller read it from its clock.
public struct UnixTime: Hashable, Comparable, Sendable {
    public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }
    public static func < (a: UnixTime, b: UnixTime) -> Bool { a.seconds < b.seconds }
}

public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The config key: mon, tue, … sun.
    public var key: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1] }
    public var isWeekend: Bool { self == .saturday || self == .sunday }
    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A date in the proleptic Gregorian calendar.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-02-15`
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(daysSinceEpoch days: Int64) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
        self.month = Int(m)
        self.day = Int(d)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let r = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Weekday(rawValue: Int(r) + 1)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + Int64(days)) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A local date and minute of the day (0 ..< 1440).
public struct LocalDateTime: Hashable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    public var minuteOfDay: Int
    public init(date: CivilDate, minuteOfDay: Int) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }
    public var description: String { "\(date) \(TimeRange.clock(minuteOfDay))" }
}

/// A fixed offset from UTC. Kefu keeps a small table of zones without
/// daylight-saving time (China has had none since 1991); a zone with DST is
/// refused by the config check rather than computed wrongly.
public struct TimeZoneOffset: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var seconds: Int

    public init(name: String, seconds: Int) {
        self.name = name
        self.seconds = seconds
    }

    public static let shanghai = TimeZoneOffset(name: "Asia/Shanghai", seconds: 8 * 3600)

    static let table: [String: Int] = [
        "Asia/Shanghai": 480, "Asia/Chongqing": 480, "Asia/Harbin": 480, "PRC": 480,
        "Asia/Hong_Kong": 480, "Asia/Macau": 480, "Asia/Taipei": 480, "Asia/Singapore": 480,
        "Asia/Kuala_Lumpur": 480, "Asia/Manila": 480, "Asia/Urumqi": 360,
        "Asia/Tokyo": 540, "Asia/Seoul": 540, "Asia/Bangkok": 420, "Asia/Ho_Chi_Minh": 420,
        "Asia/Jakarta": 420, "Asia/Kolkata": 330, "Asia/Dubai": 240, "UTC": 0, "Etc/UTC": 0,
    ]

    public static var knownNames: [String] { table.keys.sorted() }

    /// A zone from the table, or `UTC+8`, `UTC+05:30`, `UTC-3`.
    public static func named(_ name: String) -> TimeZoneOffset? {
        if let minutes = table[name] { return TimeZoneOffset(name: name, seconds: minutes * 60) }
        guard name.hasPrefix("UTC"), name.count > 4 else { return nil }
        var body = name.dropFirst(3)
        let sign = body.first == "-" ? -1 : 1
        guard body.first == "+" || body.first == "-" else { return nil }
        body = body.dropFirst()
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let h = Int(parts[0]), (0...14).contains(h) else { return nil }
        var m = 0
        if parts.count == 2 { guard parts[1].count == 2, let mm = Int(parts[1]), (0..<60).contains(mm) else { return nil }; m = mm }
        return TimeZoneOffset(name: name, seconds: sign * (h * 3600 + m * 60))
    }

    public func local(_ time: UnixTime) -> LocalDateTime {
        let t = time.seconds + Int64(seconds)
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let secondOfDay = t - days * 86400
        return LocalDateTime(date: CivilDate(daysSinceEpoch: days), minuteOfDay: Int(secondOfDay / 60))
    }

    /// The instant of a local date and time (for tests and tools).
    public func instant(_ date: CivilDate, hour: Int, minute: Int = 0, second: Int = 0) -> UnixTime {
        UnixTime(seconds: date.daysSinceEpoch * 86400 + Int64(hour * 3600 + minute * 60 + second - seconds))
    }

    public var description: String { name }
}

/// Opening hours within one day, in minutes: `start ..< end`, end at most 1440.
public struct TimeRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public func contains(minute: Int) -> Bool { minute >= start && minute < end }
    public func overlaps(_ other: TimeRange) -> Bool { start < other.end && other.start < end }

    /// `09:00-12:00`
    public var description: String { "\(TimeRange.clock(start))-\(TimeRange.clock(end))" }

    static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// Minutes of `HH:MM` (00:00 … 24:00).
    static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m) else { return nil }
        let total = h * 60 + m
        return total <= 1440 ? total : nil
    }

    /// Parses `"09:00-12:00, 13:30-18:00"`, `"closed"` or `"24h"`; the error
    /// says what is wrong (bad time, end before start, overlap).
    public static func parseDay(_ text: String) -> Result<[TimeRange], HoursError> {
        let trimmed = text.trimmingSpaces
        if trimmed == "closed" || trimmed.isEmpty { return .success([]) }
        if trimmed == "24h" { return .success([TimeRange(start: 0, end: 1440)]) }
        var ranges: [TimeRange] = []
        for piece in trimmed.split(separator: ",") {
            let item = Substring(String(piece).trimmingSpaces)
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let a = minutes(Substring(String(ends[0]).trimmingSpaces)), let b = minutes(Substring(String(ends[1]).trimmingSpaces)) else {
                return .failure(HoursError(message: "'\(item)' is not a time range like 09:00-18:00",
                                           chinese: "'\(item)' 不是时间段（应写成 09:00-18:00 这样）"))
            }
            guard a < b else {
                return .failure(HoursError(message: "'\(item)' ends before it starts (a range cannot cross midnight: split it over two days)",
                                           chinese: "'\(item)' 的结束时间早于开始时间（时间段不能跨过午夜：请分在两天里写）"))
            }
            let range = TimeRange(start: a, end: b)
            if let other = ranges.first(where: { $0.overlaps(range) }) {
                return .failure(HoursError(message: "hours \(other) and \(range) overlap", chinese: "时间段 \(other) 与 \(range) 重叠"))
            }
            ranges.append(range)
        }
        return .success(ranges.sorted { $0.start < $1.start })
    }

    /// Why hours cannot be read, in English (`message`) and in Chinese.
    public struct HoursError: Error, Sendable, Equatable {
        public var message: String
        public var chinese: String
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
