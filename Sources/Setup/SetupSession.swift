import Channels
import Config
import SimChannels

/// Where setup's questions go and its text comes out: the terminal, a pipe, or a test.
public protocol SetupConsole: AnyObject {
    /// A line of text for the installer.
    func say(_ line: String)
    /// Shows a question and reads the answer; nil at the end of input.
    func ask(_ question: String) -> String?
}

/// What the command line said. Nil: not given (then the existing
/// configuration, the board or the country preset decides, or a question does).
public struct SetupOptions: Sendable {
    public var board: String?
    public var country: String?
    public var timeZone: String?
    public var languages: String?
    public var callerID: String?
    public var fxo: String?
    public var fxs: String?
    public var agentCount: Int?
    public var agents: [String] = []
    public var queue: String?
    public var configPath = "/etc/kefu/kefu.toml"
    public var systemConfPath = "/etc/dahdi/system.conf"
    public var dryRun = false
    public var yes = false
    public var skipTests = false
    public var interactive = false
    public var chinese = false
    public var json = false
    /// Seconds an FXS port rings in its test (interactive: time to walk to the phone).
    public var ringSeconds: Int?

    public init() {}
}

/// One run of `kefu setup`: what was found, decided, written and tested.
public final class SetupSession {
    public let options: SetupOptions
    let console: SetupConsole
    let w: Words
    /// The time (seconds since 1970) the configuration check takes as now.
    let unixSeconds: Int64

    public internal(set) var board = DetectedBoard(board: "dahdi", spans: [])
    public internal(set) var plan = SetupPlan()
    /// The configuration file as it is now (nil: none) and what it says.
    var existingText: String?
    var existing: KefuConfig?
    public internal(set) var files: [PlannedFile] = []
    public internal(set) var missingPrompts: [String] = []
    public internal(set) var madePrompts: [(file: String, how: String)] = []
    public internal(set) var wrote = false
    public internal(set) var tests: [PortTestResult] = []
    public internal(set) var notes: [String] = []
    /// The simulated board, when that is the board.
    var sim: SimBoard?
    var simFarEnd: SimFarEnd?

    public init(options: SetupOptions, console: SetupConsole, unixSeconds: Int64) {
        self.options = options
        self.console = console
        self.unixSeconds = unixSeconds
        w = Words(chinese: options.chinese)
    }

    func say(_ english: String, _ zh: String) { console.say(w(english, zh)) }

    /// The answer to a question: in a non-interactive run the default (the
    /// flag, the existing file or the preset); interactively the installer's
    /// answer, empty for the default, asked again while `parse` refuses it.
    func answer<T>(_ english: String, _ zh: String, default value: String,
                   _ parse: (String) -> Result<T, SetupRefusal>) throws(SetupRefusal) -> T {
        guard options.interactive else {
            switch parse(value) {
            case .success(let v): return v
            case .failure(let r): throw r
            }
        }
        while true {
            guard let reply = console.ask(w(english, zh) + " [\(value)]: ") else {
                throw SetupRefusal("no answer to \"\(english)\" (end of input)", "“\(zh)”没有回答（输入已结束）")
            }
            let text = reply.trimmingCharacters(in: " \t\r")
            switch parse(text.isEmpty ? value : text) {
            case .success(let v): return v
            case .failure(let r):
                // Said of an answer, not a flag: "--timezone 'X': …" reads "'X': …".
                let text = r.text(chinese: w.chinese)
                console.say(text.hasPrefix("--") ? String(text.drop { $0 != " " }.dropFirst()) : text)
            }
        }
    }

    /// A yes/no question; non-interactive: `--yes`.
    func confirm(_ english: String, _ zh: String) throws(SetupRefusal) -> Bool {
        guard options.interactive else { return options.yes }
        if options.yes { return true }
        return try answer(english, zh, default: w("y", "y")) { reply in
            switch reply.lowercased() {
            case "y", "yes", "是", "好": return .success(true)
            case "n", "no", "否", "不": return .success(false)
            default: return .failure(SetupRefusal("answer y or n", "请回答 y 或 n"))
            }
        }
    }
}

/// One step of the setup flow. The flow is the table `Setup.steps`; a new
/// step (line learning, say) is one more entry.
public struct SetupStep: Sendable {
    public var name: String
    public var run: @Sendable (SetupSession) throws(SetupRefusal) -> Void

    public init(name: String, run: @escaping @Sendable (SetupSession) throws(SetupRefusal) -> Void) {
        self.name = name
        self.run = run
    }
}
