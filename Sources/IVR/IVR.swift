// IVR — the voice menu a caller hears, and the after-call survey.
//
// What it does: `IVREngine` steps one call through the menus of the config:
// plays prompts, takes keys (at once, even during a prompt: barge-in),
// handles timeouts and wrong keys with their own prompts and a retry limit,
// collects digit strings (min/max length, terminator key, inter-digit
// timeout, pattern) into call data, switches language, checks opening hours
// (with holidays and make-up workdays) and finally routes the call: a queue,
// an agent, an outside number, a mailbox, a callback request, or hang-up.
// `SurveyEngine` asks "press 1 to 5" after the agent hangs up and yields the
// score with the call, agent and queue.
// How it works: pure state machines, `mutating func on(_ event, now:) ->
// [IVRAction]`. Time is an input in samples (`now`); the wall clock is given
// once, with the start event, and advanced by `now` from there. The engines
// never sleep or read a clock: they expose `deadline`, and the caller sends
// `.timer` when it has passed. Every behaviour comes from the config tables
// (`IVRPlan`), none from code branches per menu.
import Config
import Telephony

/// The config tables an IVR call needs, looked up by name.
public struct IVRPlan: Sendable {
    public var menus: [String: Menu]
    public var queues: [String: Queue]
    public var schedules: [String: Schedule]
    public var surveys: [String: Survey]
    public var calendar: HolidayCalendar
    public var timeZone: TimeZoneOffset
    public var defaultLanguage: String

    public init(config: KefuConfig, calendar: HolidayCalendar = HolidayCalendar()) {
        menus = Dictionary(config.menus.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        queues = Dictionary(config.queues.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        schedules = Dictionary(config.schedules.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        surveys = Dictionary(config.surveys.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.calendar = calendar
        timeZone = config.system.timeZone
        defaultLanguage = config.system.defaultLanguage
    }

    /// Whether a schedule (by name) is open at `time`; no schedule is always open.
    public func isOpen(_ schedule: String?, at time: UnixTime) -> Bool {
        guard let schedule, let s = schedules[schedule] else { return true }
        return s.isOpen(at: time, zone: timeZone, calendar: calendar)
    }
}

/// What happens to the caller's line, reported to the IVR engines.
public enum IVREvent: Sendable, Equatable {
    /// The call is answered and enters the engine; the wall-clock time now.
    case start(UnixTime)
    case digit(DTMFKey)
    /// The prompt started by `.play(id: …)` ended (or was stopped).
    case promptFinished(id: Int)
    /// The engine's `deadline` has passed (send at or after it).
    case timer
    case callerHungUp
}

/// A prompt file, relative to the prompt directory: `zh/welcome.wav`.
public struct PromptFile: Hashable, Sendable, CustomStringConvertible {
    public var language: String
    public var name: String
    public init(language: String, name: String) {
        self.language = language
        self.name = name
    }
    public var path: String { ConfigLoader.promptFile(name, language: language) }
    public var description: String { path }
}

/// Where the IVR hands the call on to.
public enum Route: Sendable, Equatable {
    case queue(String)
    case agent(String)
    case dial(line: String, number: String)
    case voicemail(String)
    /// A callback request for the queue (number: call data `callback_number`
    /// when collected, else the caller ID).
    case callback(queue: String)
}

/// A survey answer, stored with the call and the agent. `score` is nil when
/// the caller gave none (hung up, or ran out of tries).
public struct SurveyResult: Sendable, Equatable {
    public var call: String
    public var agent: String
    public var queue: String
    public var survey: String
    public var score: Int?
}

/// What the engines ask the media side and the call flow to do.
public enum IVRAction: Sendable, Equatable {
    /// Play these files back to back; `bargeIn`: a key stops them.
    /// Nothing plays when the list is empty (the engine never sends that).
    case play(id: Int, [PromptFile], bargeIn: Bool)
    case stopPrompt(id: Int)
    case setLanguage(String)
    case setCallData(key: String, value: String)
    case route(Route)
    case recordSurvey(SurveyResult)
    case hangup
}

/// Numbers prompts so a late "finished" of a stopped prompt is not taken
/// for the end of the next one.
struct PromptPlayer: Sendable {
    var language: String
    private(set) var playing: Int?
    private var lastID = 0

    init(language: String) { self.language = language }

    mutating func play(_ names: [String], bargeIn: Bool) -> IVRAction? {
        guard !names.isEmpty else { playing = nil; return nil }
        lastID += 1
        playing = lastID
        return .play(id: lastID, names.map { PromptFile(language: language, name: $0) }, bargeIn: bargeIn)
    }

    /// Stops the current prompt, if one plays.
    mutating func stop() -> [IVRAction] {
        guard let id = playing else { return [] }
        playing = nil
        return [.stopPrompt(id: id)]
    }

    /// True (and forgets it) when `id` is the prompt now playing.
    mutating func finished(_ id: Int) -> Bool {
        guard playing == id else { return false }
        playing = nil
        return true
    }
}
