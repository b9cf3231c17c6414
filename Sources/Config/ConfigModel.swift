import Telephony

/// The whole configuration, typed. Every item keeps the line it was defined
/// on, and every reference (a queue's agent, a menu's target) the line it was
/// written on, so checks across sections can say where.
public struct KefuConfig: Sendable, Equatable {
    public var file: String
    public var system = SystemSection()
    public var prompts = PromptSection()
    public var lines: [LineGroup] = []
    public var agents: [Agent] = []
    public var queues: [Queue] = []
    public var menus: [Menu] = []
    public var schedules: [Schedule] = []
    public var surveys: [Survey] = []
    public var recording = RecordingSection()
    public var retention = RetentionSection()
    public var security = SecuritySection()
    public var acd = ACDSection()
    public var outbound = OutboundSection()
    /// `[learned.N]`: what line learning found on each analog line.
    public var learnedLines: [LearnedLine] = []

    public init(file: String) { self.file = file }

    public func lineGroup(_ name: String) -> LineGroup? { lines.first { $0.name == name } }
    public func agent(_ id: String) -> Agent? { agents.first { $0.id == id } }
    public func queue(_ name: String) -> Queue? { queues.first { $0.name == name } }
    public func menu(_ name: String) -> Menu? { menus.first { $0.name == name } }
    public func schedule(_ name: String) -> Schedule? { schedules.first { $0.name == name } }
    public func survey(_ name: String) -> Survey? { surveys.first { $0.name == name } }
}

public struct SystemSection: Sendable, Equatable {
    public var name = "Kefu"
    public var timeZone = TimeZoneOffset.shanghai
    /// Prompt languages; the first is every call's starting language.
    public var languages = ["zh"]
    public var board = Board.dahdi
    public var toneZone = "cn"
    /// Holiday calendar files, relative to the config file's folder.
    public var calendars: [Located<String>] = []

    /// Where the box keeps its database (kefu.db) and, unless [recording]
    /// says otherwise, its recordings.
    public var dataDirectory = "/var/lib/kefu"

    public var defaultLanguage: String { languages.first ?? "zh" }

    public enum Board: String, Sendable, Equatable, CaseIterable {
        case dahdi, sim
    }
}

public struct PromptSection: Sendable, Equatable {
    /// Folder of prompt files (relative to the config file's folder):
    /// `<directory>/<language>/<name>.wav`.
    public var directory = "prompts"
    public var line = 0
}

/// A group of channels with one signalling and one purpose.
public struct LineGroup: Sendable, Equatable {
    public enum Signalling: String, Sendable, Equatable, CaseIterable {
        /// FXO port: an analog line from the exchange.
        case fxo
        /// FXS port: an agent's analog phone.
        case fxs
        /// E1 with China MFC/R2 signalling.
        case r2 = "e1-r2"
        /// E1 ISDN PRI.
        case pri = "e1-pri"

        public var isTrunk: Bool { self != .fxs }
    }

    public enum CallerID: String, Sendable, Equatable, CaseIterable {
        case fsk, dtmf, none
    }

    public var name: String
    public var line: Int
    public var span: Int
    public var channels: [Int]
    public var channelsLine: Int
    public var signalling: Signalling
    /// The menu incoming calls start in (trunks only).
    public var menu: Located<String>?
    public var language: Located<String>?
    public var callerID: CallerID
    /// May Kefu call out on these lines (dial actions, callbacks)?
    public var outbound: Bool
    /// The longest a call on these lines may last, in milliseconds: then the
    /// box releases the line, as a hang-up it did not hear (nil: no limit).
    public var maxCall: Int? = nil
    /// Does a polarity reversal during a call mean the caller hung up (lines
    /// whose exchange reverses polarity on release)?
    public var polarityHangUp = false
    /// E1 groups (`e1-r2`, `e1-pri`): the span's framing and signalling
    /// settings and the DNIS table; nil for analog groups.
    public var e1: E1Settings? = nil

    /// Whether the group is an E1 trunk (calls are offered and answered by
    /// signalling, with calling and called numbers).
    public var isE1: Bool { signalling == .r2 || signalling == .pri }
}

public struct Agent: Sendable, Equatable {
    public var id: String
    public var line: Int
    public var name: String
    /// The FXS channel the agent's phone is on.
    public var phone: Located<Int>?
    public var skills: [Located<SkillLevel>] = []
    /// After-call work in milliseconds, instead of the queue's.
    public var wrapUp: Int?
    /// May listen to, whisper to and barge into agents' calls from their phone.
    public var supervisor = false
}

public struct Queue: Sendable, Equatable {
    public enum Strategy: String, Sendable, Equatable, CaseIterable {
        case longestIdle = "longest-idle", roundRobin = "round-robin", ringAll = "ring-all",
             fewestCalls = "fewest-calls", leastTalkTime = "least-talk-time", linear, random,
             skillsWeighted = "skills-weighted"
    }

    public var name: String
    public var line: Int
    public var title: String
    public var strategy: Strategy = .longestIdle
    public var agents: [Located<String>] = []
    public var hours: Located<String>?
    public var closed: Located<MenuAction>?
    /// Longest wait before `overflow` runs, in milliseconds.
    public var maxWait = 300_000
    public var maxCallers = 20
    public var overflow: Located<MenuAction>?
    public var holdPrompt: [Located<String>] = []
    public var announcePosition = true
    public var announceEvery = 60_000
    public var ringTimeout = 20_000
    public var wrapUp = 10_000
    /// Service-level target: answered within this many milliseconds.
    public var serviceLevel = 20_000
    public var survey: Located<String>?
    public var record = RecordPolicy.always
    /// Days this queue's recordings are kept (nil: [retention] recordings_days).
    public var recordingsDays: Int?
    /// Digits an agent dials after a hook flash to transfer a caller here.
    public var transferCode: Located<String>?

    /// Minimum skill levels an agent needs to take this queue's calls.
    public var skills: [Located<SkillLevel>] = []
    /// Steps that widen who may answer as a caller waits.
    public var escalation: [Escalation] = []
    /// Callers whose caller ID is listed are placed as if they had called
    /// `vipHeadStart` earlier.
    public var vipCallers: [Located<String>] = []
    /// A file of more VIP numbers, relative to the config file's folder,
    /// and the numbers read from it (`ConfigLoader.vipLists`).
    public var vipList: Located<String>?
    public var vipListNumbers: [String] = []
    public var vipHeadStart = 120_000
    /// Among queues, callers of the higher weight are offered first.
    public var weight = 0
    /// What callers get when no agent of the queue is logged in (nil: they wait).
    public var whenNoAgents: Located<MenuAction>?
    /// Callers who hang up sooner than this (ms) count as short abandons.
    public var shortAbandon = 5_000
    /// Tell callers their position as soon as they join.
    public var announceOnJoin = false
    /// Messages played in turn to waiting callers, one every `periodicEvery` ms.
    public var periodicPrompt: [Located<String>] = []
    public var periodicEvery = 60_000
    /// Handle time assumed for wait estimates before calls have been handled (ms).
    public var expectedHandleTime = 180_000
    /// `callback = true/false` as written (nil: not written).
    public var callback: Located<Bool>?
    public var callbackSettings = CallbackSettings()

    public init(name: String, line: Int, title: String) {
        self.name = name
        self.line = line
        self.title = title
    }
}

/// A step of the voice menu: a choice of keys, a digit collection, or a
/// message followed by an action.
public struct Menu: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case options([DTMFKey: Located<MenuAction>])
        case collect(Collect)
        case message(next: Located<MenuAction>)
    }

    public struct Collect: Sendable, Equatable {
        public var minDigits = 1
        public var maxDigits = 20
        /// The key that ends entry early (not stored); nil for none.
        public var terminator: DTMFKey? = .hash
        public var interDigitTimeout = 3_000
        /// A regular expression the whole entry must match.
        public var pattern: Located<String>?
        /// The call-data key the digits are stored under.
        public var store: String
        public var next: Located<MenuAction>

        public init(store: String, next: Located<MenuAction>) {
            self.store = store
            self.next = next
        }
    }

    public var name: String
    public var line: Int
    public var kind: Kind
    public var prompt: [Located<String>] = []
    public var hours: Located<String>?
    public var closed: Located<MenuAction>?
    /// Wait for the first key after the prompt, in milliseconds.
    public var timeout = 5_000
    /// Replays after a timeout or a wrong entry before `onFail` runs.
    public var retries = 2
    public var timeoutPrompt: [Located<String>] = []
    public var invalidPrompt: [Located<String>] = []
    public var failPrompt: [Located<String>] = []
    public var onFail = Located(MenuAction.hangup, line: 0)
    /// A key pressed during a prompt acts at once.
    public var bargeIn = true

    public init(name: String, line: Int, kind: Kind) {
        self.name = name
        self.line = line
        self.kind = kind
    }
}

/// The after-call satisfaction survey: "press 1 to 5".
public struct Survey: Sendable, Equatable {
    public var name: String
    public var line: Int
    public var prompt: [Located<String>] = []
    public var thanksPrompt: [Located<String>] = []
    public var invalidPrompt: [Located<String>] = []
    public var timeout = 6_000
    public var retries = 1
    /// Keys 1 … scale are scores.
    public var scale = 5

    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }
}

public struct RecordingSection: Sendable, Equatable {
    public var enabled = true
    public var directory = "/var/lib/kefu/recordings"
    /// Played to the caller before an agent is connected on a recorded call.
    public var announcePrompt: [Located<String>] = []
    /// Stop recording (and raise an alarm) below this much free disk.
    public var minFreeMB = 500
    /// Seal recordings with AES-256-GCM under `keyFile`.
    /// The group recordings' files and folders belong to (mode 640/750), so
    /// its members may read them; nil: the daemon's own group.
    public var fileGroup: String?
    /// The keys an agent presses during a call of an on-demand queue to record it.
    public var onDemandKey = "*1"
    public var encrypt = false
    public var keyFile = "/etc/kefu/recording.key"
}

public struct RetentionSection: Sendable, Equatable {
    public var recordingsDays = 180
    /// Recordings of flagged calls (complaints) are kept this long.
    public var flaggedRecordingsDays = 730
    /// Below the free-space floor: stop recording (keep everything), or
    /// delete the oldest unflagged recordings first.
    public var whenFull = WhenFull.stopRecording
    public var callsDays = 730
    public var voicemailDays = 30
    public var auditDays = 1095
}

/// Which calls of a queue are recorded.
public enum RecordPolicy: String, Sendable, Equatable, CaseIterable {
    case always
    case never
    /// When the agent presses [recording] on_demand_key during the call.
    case onDemand = "on-demand"
}

public enum WhenFull: String, Sendable, Equatable, CaseIterable {
    case stopRecording = "stop-recording"
    case deleteOldest = "delete-oldest"
}

public struct SecuritySection: Sendable, Equatable {
    public var adminGroup = "kefu-admin"
    public var supervisorGroup = "kefu-supervisor"
    /// Members may look (status, queues, agents) but change nothing.
    public var viewerGroup = "kefu-viewer"
    public var consoleSocket = "/run/kefu/console.sock"
    /// Who may listen to recordings: admin or supervisor.
    public var recordingsAccess = "supervisor"
    /// Console sessions end after this many idle minutes.
    public var idleLogoutMinutes = 15

    public init() {}
}

/// Calls the box places itself (callbacks): which numbers it may dial, how
/// many calls an hour and a day, what share of the outside lines, and how it
/// tells that the called party answered on an analog line.
public struct OutboundSection: Sendable, Equatable {
    /// Numbers must match one of these (`NumberPattern`). Default: mainland
    /// mobiles, landlines with area code, local 7–8 digit numbers and
    /// 400/800 business numbers — no international (00), service (1xx) or
    /// premium numbers.
    public var allowedNumbers: [NumberPattern] = Self.chinaDomestic
    public var allowedNumbersLine = 0
    /// Dialled before every number (e.g. "9" behind a PBX).
    public var dialPrefix = ""
    public var maxPerHour = 30
    public var maxPerDay = 200
    /// Callbacks hold at most this share of the outside lines at once.
    public var callbackLineShare = 0.25
    /// Milliseconds a callback may ring before it counts as not answered.
    public var ringTimeout = 45_000
    /// Without ringback from the exchange (a ring-back melody, 彩铃), the
    /// called party counts as answered this many milliseconds after dialling.
    public var assumeAnswerAfter = 15_000

    public static let chinaDomestic: [NumberPattern] = [
        "1[3-9]XXXXXXXXX", "0[1-9]XXXXXXXX", "0[1-9]XXXXXXXXX", "0[1-9]XXXXXXXXXX", "[2-8]XXXXXX", "[2-8]XXXXXXX",
        "400XXXXXXX", "800XXXXXXX",
    ].map { try! NumberPattern($0) }

    /// Whether a number may be dialled (before the prefix is added).
    public func allows(_ number: String) -> Bool {
        allowedNumbers.contains { $0.matches(number) }
    }

    public init() {}
}
