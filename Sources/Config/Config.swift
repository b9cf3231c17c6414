// Config — Kefu's configuration: one human-edited file, /etc/kefu/kefu.toml.
//
// What it does: reads the TOML file into typed values (`KefuConfig`: lines,
// agents, queues, menus, schedules, surveys, prompts, recording, retention,
// security) and reports every problem at once, each with file:line and a
// reason: syntax errors, unknown keys (with "did you mean"), wrong types,
// values out of range, references to things that do not exist, channels or
// phones used twice, overlapping hours. It also reads holiday calendar files
// and checks that every referenced prompt has a file for every language.
// How it works: `TOMLParser` (a strict TOML subset that keeps the line of
// every key and value) → `ConfigDecoder` (one reader per section, each key
// asked for by name so unknown keys stand out) → `ConfigValidator` (checks
// across sections). Pure: no file or clock access; callers pass file
// contents and directory listings in, so the same checks run in tests, in
// `kefu config check` and in the daemon before it applies a new config.

/// A config as read, with every diagnostic; use it only when `isValid`.
public struct ConfigLoadResult: Sendable {
    public var config: KefuConfig
    public var diagnostics: [Diagnostic]
    public var isValid: Bool { diagnostics.errors.isEmpty }
}

public enum ConfigLoader {
    /// Parses, decodes and cross-checks a config file's text.
    public static func load(_ text: String, file: String) -> ConfigLoadResult {
        let sink = DiagnosticSink(file: file)
        let (root, syntax) = TOMLParser.parse(text)
        for failure in syntax { sink.error(failure.line, failure.message, failure.chinese) }
        let config = ConfigDecoder(sink: sink).decode(root, file: file)
        ConfigValidator(config: config, sink: sink).run()
        return ConfigLoadResult(config: config, diagnostics: sink.items.sortedByPlace())
    }

    /// A file the config names (a holiday calendar, a VIP list) as the
    /// caller found it: the path to name in messages, and its text (nil
    /// when it could not be read, with why).
    public struct CalendarFile: Sendable {
        public var path: String
        public var text: String?
        public var failure: String?
        public init(path: String, text: String?, failure: String? = nil) {
            self.path = path
            self.text = text
            self.failure = failure
        }
    }

    /// Reads the calendar files named in `[system] holidays` into one
    /// calendar. `files[name]` is the file each name refers to; a missing or
    /// unreadable one is reported at the config line that names it.
    public static func calendar(for config: KefuConfig, files: [String: CalendarFile]) -> (calendar: HolidayCalendar, diagnostics: [Diagnostic]) {
        var calendar = HolidayCalendar()
        var diagnostics: [Diagnostic] = []
        for name in config.system.calendars {
            guard let file = files[name.value], let text = file.text else {
                let why = unreadable(files[name.value])
                diagnostics.append(Diagnostic(file: config.file, line: name.line,
                                              Bilingual("holiday calendar '\(name.value)' cannot be read", "无法读取节假日日历 '\(name.value)'") + why))
                continue
            }
            diagnostics += calendar.merge(text, file: file.path)
        }
        return (calendar, diagnostics)
    }

    /// Warns when schedules observe the calendar but it has no entries for `year`.
    public static func calendarCoverage(_ calendar: HolidayCalendar, config: KefuConfig, year: Int) -> [Diagnostic] {
        guard let first = config.system.calendars.first,
              config.schedules.contains(where: { !$0.alwaysOpen && $0.observesCalendar }),
              !calendar.years.contains(year) else { return [] }
        let have = calendar.years.sorted().map(String.init).joined(separator: ", ")
        return [Diagnostic(file: config.file, line: first.line, severity: .warning,
                           message: "the holiday calendars have no entries for \(year)\(have.isEmpty ? "" : " (they cover \(have))"): add this year's holidays and make-up workdays from the State Council notice",
                           chinese: "节假日日历中没有 \(year) 年的条目\(have.isEmpty ? "" : "（现有 \(have) 年）")：请按国务院办公厅的通知添加今年的节假日和调休上班日")]
    }

    /// Every prompt the config names, with the line naming it.
    public static func promptUses(_ config: KefuConfig) -> [Located<String>] {
        var uses = config.recording.announcePrompt
        for q in config.queues { uses += q.holdPrompt + q.periodicPrompt }
        for m in config.menus { uses += m.prompt + m.timeoutPrompt + m.invalidPrompt + m.failPrompt }
        for s in config.surveys { uses += s.prompt + s.thanksPrompt + s.invalidPrompt }
        uses += FeaturePrompts.uses(config)
        return uses.sorted { $0.line < $1.line }
    }

    /// Checks that each prompt the config names exists for every language:
    /// `files` lists the prompt directory as relative paths (`zh/welcome.wav`).
    public static func checkPrompts(_ config: KefuConfig, files: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for use in promptUses(config) {
            let absent = config.system.languages.filter { !files.contains(promptFile(use.value, language: $0)) }
            guard !absent.isEmpty else { continue }
            let paths = absent.map { promptFile(use.value, language: $0) }.joined(separator: ", ")
            out.append(Diagnostic(file: config.file, line: use.line,
                                  message: "prompt '\(use.value)' has no file \(paths) in the prompt directory '\(config.prompts.directory)'",
                                  chinese: "提示音 '\(use.value)' 在提示音目录 '\(config.prompts.directory)' 中缺少文件 \(paths)"))
        }
        return out
    }

    /// `: why` after "cannot be read", when the caller said why.
    static func unreadable(_ file: CalendarFile?) -> Bilingual {
        file?.failure.map { Bilingual(": \($0)", "：\($0)") } ?? Bilingual("", "")
    }

    /// The path of a prompt's file, relative to the prompt directory.
    public static func promptFile(_ name: String, language: String) -> String { "\(language)/\(name).wav" }
}
