import Testing
import Config
import IVR
import Telephony

/// The IVR test center: lines, two queues (support keeps office hours), a
/// main menu using every action, a sub-menu without barge-in, a digit
/// collection, a closed-hours message, and a survey.
let ivrConfig = """
[system]
languages = ["zh", "en"]
holidays = ["cal.txt"]

[lines.pstn]
signalling = "fxo"
channels = "1-2"
menu = "main"

[lines.phones]
signalling = "fxs"
channels = "3-4"

[agents.8001]
phone = 3
[agents.8002]
phone = 4

[queues.sales]
agents = ["8001"]

[queues.support]
agents = ["8002"]
hours = "office"
closed = "voicemail support"
survey = "csat"

[menus.main]
prompt = ["welcome", "main-menu"]
hours = "office"
closed = "menu closed"
timeout = 5
retries = 2
timeout_prompt = "no-input"
invalid_prompt = "invalid-key"
fail_prompt = "goodbye"
on_fail = "queue sales"
[menus.main.keys]
1 = "queue sales"
2 = "menu support"
3 = "menu order"
4 = "agent 8002"
5 = "dial pstn 4008001234"
6 = "voicemail sales"
7 = "callback sales"
8 = "language en"
9 = "repeat"
0 = "hangup"
"*" = "back"

[menus.support]
prompt = "support-menu"
barge_in = false
timeout = 4
retries = 0
[menus.support.keys]
1 = "queue support"
"*" = "back"

[menus.order]
type = "collect"
prompt = "enter-order"
store = "order_number"
min_digits = 6
max_digits = 8
terminator = "#"
inter_digit_timeout = 3
pattern = "20[0-9]+"
timeout = 6
retries = 1
timeout_prompt = "no-input"
invalid_prompt = "invalid-order"
on_fail = "queue support"
next = "queue support"

[menus.closed]
type = "message"
prompt = "closed-hours"
next = "voicemail support"

[schedules.office]
weekdays = "09:00-18:00"

[surveys.csat]
prompt = "survey-ask"
thanks_prompt = "survey-thanks"
invalid_prompt = "survey-invalid"
timeout = 6
retries = 1
scale = 5
"""

/// A 调休 weekend, the Spring Festival and National Day of 2026.
let ivrCalendar = """
2026-02-14              workday  春节调休
2026-02-15..2026-02-23  holiday  春节
2026-10-01..2026-10-07  holiday  国庆节
"""

enum Fixture {
    static let config: KefuConfig = {
        let result = ConfigLoader.load(ivrConfig, file: "ivr.toml")
        precondition(result.isValid, "\(result.diagnostics)")
        return result.config
    }()

    static let plan: IVRPlan = {
        var calendar = HolidayCalendar()
        precondition(calendar.merge(ivrCalendar, file: "cal.txt").isEmpty)
        return IVRPlan(config: config, calendar: calendar)
    }()

    /// Local (Asia/Shanghai) wall-clock time.
    static func at(_ date: String, _ hour: Int, _ minute: Int = 0, _ second: Int = 0) -> UnixTime {
        TimeZoneOffset.shanghai.instant(CivilDate(date)!, hour: hour, minute: minute, second: second)
    }

    /// An ordinary Monday morning: everything is open.
    static let mondayMorning = at("2026-03-02", 10)
}

/// One call driven by a virtual clock: time moves only when the test says,
/// and `wait` sends `.timer` exactly when the engine's deadline comes.
struct IVRCall {
    var engine: IVREngine
    var now = SampleTime(seconds: 100)
    /// Every action so far, in order.
    var log: [IVRAction] = []

    init(entry: String = "main", language: String? = nil) {
        engine = IVREngine(plan: Fixture.plan, entry: entry, language: language)
    }

    @discardableResult
    mutating func send(_ event: IVREvent) -> [IVRAction] {
        let actions = engine.on(event, now: now)
        log += actions
        return actions
    }

    @discardableResult
    mutating func start(at wall: UnixTime = Fixture.mondayMorning) -> [IVRAction] { send(.start(wall)) }

    /// Presses keys one after another at the current time.
    @discardableResult
    mutating func press(_ keys: String) -> [IVRAction] {
        keys.flatMap { send(.digit(DTMFKey($0)!)) }
    }

    /// The prompt most recently started finishes playing.
    @discardableResult
    mutating func promptEnds() -> [IVRAction] {
        guard let id = lastPlayID else { Issue.record("no prompt was playing"); return [] }
        return send(.promptFinished(id: id))
    }

    /// Lets `milliseconds` pass, firing the timer at each deadline on the way.
    @discardableResult
    mutating func wait(_ milliseconds: Int64) -> [IVRAction] {
        let end = now + SampleTime(milliseconds: milliseconds)
        var out: [IVRAction] = []
        while let due = engine.deadline, due <= end {
            now = due
            out += send(.timer)
        }
        now = end
        return out
    }

    var lastPlayID: Int? {
        for action in log.reversed() { if case .play(let id, _, _) = action { return id } }
        return nil
    }
}

/// The prompt paths of every play action, one list per play.
func played(_ actions: [IVRAction]) -> [[String]] {
    actions.compactMap { if case .play(_, let files, _) = $0 { return files.map(\.path) }; return nil }
}

func routes(_ actions: [IVRAction]) -> [Route] {
    actions.compactMap { if case .route(let r) = $0 { return r }; return nil }
}

func isStop(_ action: IVRAction) -> Bool {
    if case .stopPrompt = action { return true }
    return false
}
