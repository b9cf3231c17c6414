import Foundation
import Testing
@testable import Config

/// A missing translation cannot hide behind a hand-picked example: the
/// fuzz seeds and the shipped config and calendar are broken line by line
/// (each line deleted, doubled, its key misspelt, its value replaced by
/// wrong ones), everything the checker says about them is collected, and
/// every diagnostic must carry a Chinese reason of its own. The checker
/// reports every problem of a file at once, so each broken copy breaks
/// every seventh line the same way.
@Suite struct ChineseCorpusTests {
    static let wrongValues = ["\"x\"", "-1", "99999999", "[1, \"a\"]", "09:00", "{ a = 1 }", "true", "\"\"", "ring-all",
                              "\"queue nowhere\"", "\"menu\"", "0x1F", "\"1-2000\"", "\"\\q\"", "1.5", "[\"1:break\", \"x\"]"]

    /// Copies of `text` with every seventh line (from each start) changed
    /// by each of `breaks` (what a line becomes: no lines deletes it).
    static func broken(_ text: String, _ breaks: [(_ line: String, _ index: Int) -> [String]]) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return breaks.flatMap { change in
            (0..<7).map { start in
                lines.enumerated().flatMap { i, line in
                    i % 7 != start || line.isEmpty || line.hasPrefix("#") ? [line] : change(line, i)
                }.joined(separator: "\n")
            }
        }
    }

    static func brokenConfigs(_ text: String) -> [String] {
        func value(_ k: Int) -> (String, Int) -> [String] {
            { line, i in
                if let equals = line.firstIndex(of: "=") { return [String(line[...equals]) + " " + wrongValues[(i * 3 + k) % wrongValues.count]] }
                return line.hasPrefix("[") && !line.hasPrefix("[[") ? [line.replacingOccurrences(of: "]", with: "x]")] : [line]
            }
        }
        return broken(text, [
            { _, _ in [] },
            { line, _ in [line, line] },
            { line, _ in [String(line.dropFirst().prefix(1) + line.prefix(1) + line.dropFirst(2))] },
            value(0), value(1), value(2),
        ])
    }

    static func brokenCalendars(_ text: String) -> [String] {
        let swaps = [("holiday", "holidya"), ("workday", "holiday"), ("holiday", "workday"), ("-0", "-3"), ("..", "."), ("2026", "2025")]
        return broken(text, [{ line, _ in [line, line] }, { line, _ in [String(line.prefix(10))] }]
                      + swaps.map { old, new in { line, _ in [line.replacingOccurrences(of: old, with: new)] } })
    }

    /// What `kefu config check` says about a config (its calendars are
    /// `calendar`, its VIP lists hold a bad number), and about `calendar`
    /// read alone.
    static func diagnostics(config text: String, calendar: String) -> [Diagnostic] {
        let loaded = ConfigLoader.load(text, file: "kefu.toml")
        var files: [String: ConfigLoader.CalendarFile] = [:]
        for name in loaded.config.system.calendars { files[name.value] = .init(path: name.value, text: calendar) }
        for name in loaded.config.queues.compactMap(\.vipList) { files[name.value] = .init(path: name.value, text: "13800138000\n138 0013\n") }
        let (config, vip) = ConfigLoader.vipLists(for: loaded.config, files: files)
        let (read, days) = ConfigLoader.calendar(for: config, files: files)
        return loaded.diagnostics + vip + days + ConfigLoader.calendarCoverage(read, config: config, year: 2031)
            + ConfigLoader.checkPrompts(config, files: [])
    }

    @Test("every diagnostic about a corpus of broken configs and calendars has a Chinese reason of its own, not empty and not the English")
    func noDiagnosticLacksItsChineseText() throws {
        let calendar = try Repository.text("Fuzz/Seeds/config/calendar.txt")
        var seeds = try ["minimal.toml", "example.toml", "syntax.toml"].map { try Repository.text("Fuzz/Seeds/config/" + $0) }
        seeds.append(try Repository.text("config/kefu.toml"))
        var found: [Diagnostic] = []
        for seed in seeds {
            for text in [seed] + Self.brokenConfigs(seed) { found += Self.diagnostics(config: text, calendar: calendar) }
        }
        for text in Self.brokenCalendars(calendar) + Self.brokenCalendars(try Repository.text("config/holidays/cn-2026.txt")) {
            found += HolidayCalendar.parse(text, file: "cal.txt").diagnostics
        }
        let lacking = found.filter { $0.chinese.isEmpty || $0.chinese == $0.message || !ChineseDiagnosticsTests.hasChinese($0.chinese) }
        #expect(lacking.isEmpty, "\(lacking.count) without a Chinese reason, e.g. \(lacking.prefix(5).map(\.description))")
        // The corpus reaches far into the checker: many different reasons, not a few repeated.
        let kinds = Set(found.map { $0.message.filter { !$0.isNumber } })
        #expect(kinds.count >= 150, "\(kinds.count) kinds of diagnostic")
    }
}
