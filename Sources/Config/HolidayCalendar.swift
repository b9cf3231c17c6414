/// Public holidays and make-up workdays (China's 调休: a Saturday or Sunday
/// that is a working day), read from calendar files the administrator updates
/// each year from the State Council notice.
///
/// File format, one entry per line (`#` starts a comment):
///
///     2026-02-15..2026-02-23  holiday  春节 Spring Festival
///     2026-02-14              workday  春节调休
///
/// A date or an inclusive `FIRST..LAST` range, the word `holiday` or
/// `workday`, then a free-text name. A workday must fall on a Saturday or
/// Sunday; each date may be listed once (across all files).
public struct HolidayCalendar: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case holiday, workday
    }

    public struct Day: Sendable, Equatable {
        public var kind: Kind
        public var name: String
        public var file: String
        public var line: Int
    }

    public private(set) var days: [CivilDate: Day] = [:]

    public init() {}

    public func day(_ date: CivilDate) -> Day? { days[date] }

    /// The years the calendar has entries for.
    public var years: Set<Int> { Set(days.keys.map(\.year)) }

    /// Reads one calendar file; entries with problems are left out and reported.
    public static func parse(_ text: String, file: String) -> (calendar: HolidayCalendar, diagnostics: [Diagnostic]) {
        var calendar = HolidayCalendar()
        let sink = DiagnosticSink(file: file)
        calendar.add(text, file: file, sink: sink)
        return (calendar, sink.items)
    }

    /// Adds another file's entries; a date already listed is reported.
    public mutating func merge(_ text: String, file: String) -> [Diagnostic] {
        let sink = DiagnosticSink(file: file)
        add(text, file: file, sink: sink)
        return sink.items
    }

    private mutating func add(_ text: String, file: String, sink: DiagnosticSink) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            var content = Substring(raw)
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if words.isEmpty { continue }
            guard words.count >= 2 else {
                sink.error(line, "expected: DATE[..DATE] holiday|workday NAME")
                continue
            }
            guard let kind = Kind(rawValue: words[1].lowercased()) else {
                sink.error(line, "'\(words[1])' must be 'holiday' or 'workday'\(didYouMean(String(words[1]), ["holiday", "workday"]))")
                continue
            }
            let name = words.dropFirst(2).joined(separator: " ")
            guard let dates = Self.dates(words[0], line: line, sink: sink) else { continue }
            for date in dates {
                if kind == .workday && !date.weekday.isWeekend {
                    sink.error(line, "\(date) is a \(Self.weekdayName(date.weekday)): a make-up workday must be a Saturday or Sunday")
                    continue
                }
                if let existing = days[date] {
                    let place = existing.file == file ? "line \(existing.line)" : "\(existing.file):\(existing.line)"
                    sink.error(line, "\(date) is already listed (\(place), \(existing.kind.rawValue))")
                    continue
                }
                days[date] = Day(kind: kind, name: name, file: file, line: line)
            }
        }
    }

    private static func dates(_ word: Substring, line: Int, sink: DiagnosticSink) -> [CivilDate]? {
        let ends = word.split(separator: ".", omittingEmptySubsequences: true)
        guard (ends.count == 1 && !word.contains(".")) || (ends.count == 2 && word.contains("..")) else {
            sink.error(line, "'\(word)' is not a date (YYYY-MM-DD) or range (YYYY-MM-DD..YYYY-MM-DD)")
            return nil
        }
        guard let first = CivilDate(ends[0]) else {
            sink.error(line, "'\(ends[0])' is not a valid date (YYYY-MM-DD)")
            return nil
        }
        guard ends.count == 2 else { return [first] }
        guard let last = CivilDate(ends[1]) else {
            sink.error(line, "'\(ends[1])' is not a valid date (YYYY-MM-DD)")
            return nil
        }
        guard first <= last else {
            sink.error(line, "range \(word) ends before it starts")
            return nil
        }
        let count = Int(last.daysSinceEpoch - first.daysSinceEpoch) + 1
        guard count <= 31 else {
            sink.error(line, "range \(word) is \(count) days long (at most 31)")
            return nil
        }
        return (0..<count).map { first.adding(days: $0) }
    }

    static func weekdayName(_ day: Weekday) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.rawValue - 1]
    }
}
