#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ACD
import Config

/// `kefu config check [FILE]`: reads the config, its holiday calendars and
/// the prompt directory listing, and prints every problem as
/// `FILE:LINE: error|warning: reason` (for a Chinese reader
/// `FILE:LINE: 错误|警告: 原因`), then a one-line summary; or with `--json`
/// one object per problem, the English reason under `message` and the
/// Chinese under `message_zh`.
/// Exit status: 0 no errors (warnings allowed), 1 errors, 2 the file itself
/// cannot be read.
public enum ConfigCheckTool {
    public static let defaultPath = "/etc/kefu/kefu.toml"

    public struct Result: Sendable {
        public var lines: [String]
        public var status: Int32
    }

    /// Checks with the system clock deciding which year the holiday
    /// calendars must cover.
    public static func run(path: String, chinese: Bool = false, json: Bool = false) -> Result {
        run(path: path, unixSeconds: Int64(time(nil)), chinese: chinese, json: json)
    }

    /// A config file read with its holiday calendars, checked as a whole.
    public struct Loaded: Sendable {
        public var path: String
        public var config: KefuConfig
        public var calendar: HolidayCalendar
        /// The config's own problems first, in line order; then each calendar file's.
        public var diagnostics: [Diagnostic]
        /// The prompt directory, resolved against the config file's folder.
        public var promptDirectory: String
    }

    /// Reads and checks a config file (the ACD engine's own checks included),
    /// its calendars, its queues' VIP lists and (with `checkPromptFiles`) its
    /// prompt directory.
    /// `unixSeconds` (now) decides which year the calendars must cover.
    /// Throws when the file itself cannot be read.
    public static func load(path: String, unixSeconds: Int64, checkPromptFiles: Bool = true) throws(FileIO.Failure) -> Loaded {
        load(text: String(decoding: try FileIO.read(path), as: UTF8.self), path: path, unixSeconds: unixSeconds,
             checkPromptFiles: checkPromptFiles)
    }

    /// The same for a config's text not written yet (`kefu setup`), as if it were at `path`.
    public static func load(text: String, path: String, unixSeconds: Int64, checkPromptFiles: Bool = true) -> Loaded {
        let now = UnixTime(seconds: unixSeconds)
        let loaded = ConfigLoader.load(text, file: path)
        var diagnostics = loaded.diagnostics
        let folder = directory(of: path)
        let (config, vipDiagnostics) = ConfigLoader.vipLists(for: loaded.config, files: readFiles(loaded.config.queues.compactMap(\.vipList), in: folder))
        diagnostics += vipDiagnostics
        if loaded.isValid { diagnostics += ACDConfigurationMapping.diagnostics(for: config) }

        let (calendar, calendarDiagnostics) = ConfigLoader.calendar(for: config, files: readFiles(config.system.calendars, in: folder))
        diagnostics += calendarDiagnostics
        let year = config.system.timeZone.local(now).date.year
        diagnostics += ConfigLoader.calendarCoverage(calendar, config: config, year: year)

        let promptDirectory = resolve(config.prompts.directory, in: folder)
        if checkPromptFiles {
            if let listing = listPrompts(promptDirectory) {
                diagnostics += ConfigLoader.checkPrompts(config, files: listing)
            } else {
                diagnostics.append(Diagnostic(file: path, line: max(config.prompts.line, 1), severity: .warning,
                                              message: "prompt directory '\(promptDirectory)' not found: prompt files were not checked",
                                              chinese: "找不到提示音目录 '\(promptDirectory)'：没有检查提示音文件"))
            }
        }

        diagnostics = diagnostics.enumerated().sorted { a, b in
            let ka = (a.element.file != path, a.element.file, a.element.line, a.offset)
            let kb = (b.element.file != path, b.element.file, b.element.line, b.offset)
            return ka.0 != kb.0 ? !ka.0 : (ka.1, ka.2, ka.3) < (kb.1, kb.2, kb.3)
        }.map(\.element)
        return Loaded(path: path, config: config, calendar: calendar, diagnostics: diagnostics, promptDirectory: promptDirectory)
    }

    /// `unixSeconds` (now, seconds since 1970 UTC) decides which year the
    /// holiday calendars must cover. With `chinese` the problems and the
    /// summary are Chinese; with `json` each problem is one JSON object in
    /// both languages, and there is no summary.
    public static func run(path: String, unixSeconds: Int64, chinese: Bool = false, json: Bool = false) -> Result {
        let w = ToolText(chinese: chinese)
        func count(_ n: Int, _ word: String, _ zh: String) -> String { chinese ? "\(zh) \(n) 个" : plural(n, word) }
        let loaded: Loaded
        do { loaded = try load(path: path, unixSeconds: unixSeconds) } catch {
            return Result(lines: ["kefu config check: " + (chinese ? "\(error.path): 无法读取 (\(error.reason))" : "\(error)")], status: 2)
        }
        let config = loaded.config, diagnostics = loaded.diagnostics
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        if json { return Result(lines: diagnostics.map { jsonLine($0).text }, status: errors == 0 ? 0 : 1) }
        var lines = diagnostics.map { $0.text(chinese: chinese) }
        if errors == 0 {
            let channels = config.lines.reduce(0) { $0 + $1.channels.count }
            lines.append("\(path): " + w("OK", "正常") + ", \(count(warnings, "warning", "警告")) (\(count(config.lines.count, "line group", "线路组")), "
                         + "\(count(channels, "channel", "通道")), \(count(config.agents.count, "agent", "坐席")), \(count(config.queues.count, "queue", "队列")), "
                         + "\(count(config.menus.count, "menu", "菜单")), \(count(config.schedules.count, "schedule", "时间表")), "
                         + "\(count(loaded.calendar.days.count, "calendar day", "日历日")))")
        } else {
            lines.append("\(path): \(count(errors, "error", "错误")), \(count(warnings, "warning", "警告"))")
        }
        return Result(lines: lines, status: errors == 0 ? 0 : 1)
    }

    /// `{"file":…,"line":12,"severity":"error","message":"…","message_zh":"…"}`.
    static func jsonLine(_ d: Diagnostic) -> JSONLine {
        var line = JSONLine()
        line.add("file", d.file); line.add("line", Int64(d.line)); line.add("severity", d.severity.rawValue)
        line.add("message", d.message); line.add("message_zh", d.chinese)
        return line
    }

    /// `kefu config prompts FILE`: every prompt file the config needs, one
    /// `<language>/<name>.wav` per line, relative to the prompt directory.
    /// A config with errors lists nothing (status 1, the errors on the lines).
    public static func promptFiles(path: String, chinese: Bool = false) -> Result {
        let text: String
        do { text = String(decoding: try FileIO.read(path), as: UTF8.self) } catch {
            return Result(lines: ["kefu config prompts: \(error)"], status: 2)
        }
        let loaded = ConfigLoader.load(text, file: path)
        guard loaded.isValid else {
            let fix = chinese ? "\(path): 请先修正错误 (kefu config check)" : "\(path): fix the errors first (kefu config check)"
            return Result(lines: loaded.diagnostics.errors.map { $0.text(chinese: chinese) } + [fix], status: 1)
        }
        return Result(lines: requiredPromptFiles(loaded.config), status: 0)
    }

    /// Each prompt file a config names, once, for every language, in the
    /// order they first appear in the file.
    public static func requiredPromptFiles(_ config: KefuConfig) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for use in ConfigLoader.promptUses(config) {
            for language in config.system.languages {
                let file = ConfigLoader.promptFile(use.value, language: language)
                if seen.insert(file).inserted { out.append(file) }
            }
        }
        for file in AnnouncementPrompts.files(config) where seen.insert(file).inserted { out.append(file) }
        return out
    }

    /// The files the config names (calendars, VIP lists), relative to its folder.
    static func readFiles(_ names: [Located<String>], in folder: String) -> [String: ConfigLoader.CalendarFile] {
        var files: [String: ConfigLoader.CalendarFile] = [:]
        for name in names {
            let full = resolve(name.value, in: folder)
            do { files[name.value] = .init(path: full, text: String(decoding: try FileIO.read(full), as: UTF8.self)) } catch {
                files[name.value] = .init(path: full, text: nil, failure: error.reason)
            }
        }
        return files
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func resolve(_ name: String, in folder: String) -> String {
        name.hasPrefix("/") ? name : (folder == "." ? name : folder + "/" + name)
    }

    /// `<language>/<file>` for every file one level below `directory`, or nil
    /// when the directory cannot be opened.
    static func listPrompts(_ directory: String) -> Set<String>? {
        guard let top = entries(directory) else { return nil }
        var out: Set<String> = []
        for language in top {
            for file in entries(directory + "/" + language) ?? [] { out.insert(language + "/" + file) }
        }
        return out
    }

    private static func entries(_ directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
