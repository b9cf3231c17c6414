import Channels
import Config
import Tools

/// Why kefud will not start: every problem, each `FILE:LINE: error: reason`
/// where it comes from the config.
public struct StartupFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
}

/// A config as kefud runs it: checked as a whole, its calendars read, its
/// prompts loaded.
public struct CenterSetup: Sendable {
    public var config: KefuConfig
    public var calendar: HolidayCalendar
    public var prompts: PromptLibrary
    /// Warnings to show at start (the config runs with them).
    public var warnings: [Diagnostic]

    public init(config: KefuConfig, calendar: HolidayCalendar, prompts: PromptLibrary, warnings: [Diagnostic] = []) {
        self.config = config
        self.calendar = calendar
        self.prompts = prompts
        self.warnings = warnings
    }
}

/// Reads what kefud needs from files before anything starts: the same check
/// as `kefu config check`, then the prompt files.
public enum CenterLoader {
    public static func load(_ options: CenterOptions, unixSeconds: Int64) -> Result<CenterSetup, StartupFailure> {
        let loaded: ConfigCheckTool.Loaded
        do { loaded = try ConfigCheckTool.load(path: options.configPath, unixSeconds: unixSeconds, checkPromptFiles: false) } catch {
            return .failure(StartupFailure(["\(error)"]))
        }
        guard loaded.diagnostics.errors.isEmpty else {
            return .failure(StartupFailure(loaded.diagnostics.map(\.description)))
        }
        let prompts = PromptLibrary(config: loaded.config, directory: options.promptDirectory ?? loaded.promptDirectory, demo: options.demo)
        guard prompts.diagnostics.isEmpty else {
            return .failure(StartupFailure((loaded.diagnostics + prompts.diagnostics).map(\.description)))
        }
        return .success(CenterSetup(config: loaded.config, calendar: loaded.calendar, prompts: prompts, warnings: loaded.diagnostics))
    }

    /// The config's analog lines and phones must be on the board with the
    /// right signalling (DAHDI numbers channels as the config does).
    public static func check(board: ChannelBackend, against config: KefuConfig) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let have = Dictionary(board.channels.map { ($0.number.rawValue, $0.signalling) }, uniquingKeysWith: { a, _ in a })
        for group in config.lines {
            let wanted: Signalling
            switch group.signalling {
            case .fxo: wanted = .fxoLine
            case .fxs: wanted = .fxsPhone
            case .pri: wanted = .e1PRI
            case .r2: wanted = .e1CAS
            }
            let wrong = group.channels.filter { have[$0] != wanted }
            guard !wrong.isEmpty else { continue }
            func found(_ absent: String) -> String {
                wrong.map { c in "\(c): " + (have[c].map { "\($0.rawValue)" } ?? absent) }.joined(separator: ", ")
            }
            let kind = group.signalling.rawValue
            out.append(Diagnostic(file: config.file, line: group.channelsLine,
                                  message: "[lines.\(group.name)] needs \(kind) channels the board does not have as such (\(found("absent")))",
                                  chinese: "[lines.\(group.name)] 需要 \(kind) 通道，但板卡上的这些通道不是 \(kind)（\(found("不存在"))）"))
        }
        return out
    }
}
