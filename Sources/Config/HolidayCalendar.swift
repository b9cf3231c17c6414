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

        /// 节假日 or 调休上班日.
        public var chinese: String { self == .holiday ? "节假日" : "调休上班日" }
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
                sink.error(line, "expected: DATE[..DATE] holiday|workday NAME", "格式应为：日期[..日期] holiday|workday 名称")
                continue
            }
            guard let kind = Kind(rawValue: words[1].lowercased()) else {
                let hint = didYouMean(String(words[1]), ["holiday", "workday"])
                sink.error(line, "'\(words[1])' must be 'holiday' or 'workday'\(hint.english)",
                           "'\(words[1])' 必须是 'holiday'（节假日）或 'workday'（调休上班日）\(hint.chinese)")
                continue
            }
            let name = words.dropFirst(2).joined(separator: " ")
            guard let dates = Self.dates(words[0], line: line, sink: sink) else { continue }
            for date in dates {
                if kind == .workday && !date.weekday.isWeekend {
                    let day = Self.weekdayName(date.weekday)
                    sink.error(line, "\(date) is a \(day.english): a make-up workday must be a Saturday or Sunday",
                               "\(date) 是\(day.chinese)：调休上班日必须是星期六或星期日")
                    continue
                }
                if let existing = days[date] {
                    let place = existing.file == file ? Bilingual("line \(existing.line)", "第 \(existing.line) 行")
                        : Bilingual("\(existing.file):\(existing.line)", "\(existing.file):\(existing.line)")
                    sink.error(line, "\(date) is already listed (\(place.english), \(existing.kind.rawValue))",
                               "\(date) 已经列出过（\(place.chinese)，\(existing.kind.chinese)）")
                    continue
                }
                days[date] = Day(kind: kind, name: name, file: file, line: line)
            }
        }
    }

    private static func dates(_ word: Substring, line: Int, sink: DiagnosticSink) -> [CivilDate]? {
        let ends = word.split(separator: ".", omittingEmptySubsequences: true)
        guard (ends.count == 1 && !word.contains(".")) || (ends.count == 2 && word.contains("..")) else {
            sink.error(line, "'\(word)' is not a date (YYYY-MM-DD) or range (YYYY-MM-DD..YYYY-MM-DD)",
                       "'\(word)' 不是日期（YYYY-MM-DD）或日期范围（YYYY-MM-DD..YYYY-MM-DD）")
            return nil
        }
        func date(_ text: Substring) -> CivilDate? {
            guard let date = CivilDate(text) else {
                sink.error(line, "'\(text)' is not a valid date (YYYY-MM-DD)", "'\(text)' 不是有效的日期（YYYY-MM-DD）")
                return nil
            }
            return date
        }
        guard let first = date(ends[0]) else { return nil }
        guard ends.count == 2 else { return [first] }
        guard let last = date(ends[1]) else { return nil }
        guard first <= last else {
            sink.error(line, "range \(word) ends before it starts", "日期范围 \(word) 的结束日期早于开始日期")
            return nil
        }
        let count = Int(last.daysSinceEpoch - first.daysSinceEpoch) + 1
        guard count <= 31 else {
            sink.error(line, "range \(word) is \(count) days long (at most 31)", "日期范围 \(word) 长达 \(count) 天（最多 31 天）")
            return nil
        }
        return (0..<count).map { first.adding(days: $0) }
    }

    static func weekdayName(_ day: Weekday) -> Bilingual {
        let english = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let chinese = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
        return Bilingual(english[day.rawValue - 1], chinese[day.rawValue - 1])
    }
}
