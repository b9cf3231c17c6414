import Config
import Telephony

/// One call's walk through the voice menus. See IVR.swift.
///
/// Rules, per menu (all from the config):
/// - On entry, a menu with `hours` that is closed now runs its `closed`
///   action instead; a `queue` action checks the queue's hours the same way.
/// - The prompt plays; with `barge_in` a key stops it and acts at once,
///   without it keys during the prompt are ignored.
/// - After the prompt the engine waits `timeout` for a key. A timeout or a
///   key with no action (or a collection that fails its checks) counts one
///   failure: the `timeout_prompt` or `invalid_prompt` plays, then the menu
///   prompt again. The failure after `retries` replays plays `fail_prompt`
///   and runs `on_fail` (default: hang up).
/// - A collection takes keys until `max_digits`, the terminator key, or the
///   inter-digit timeout; then checks `min_digits` and `pattern`, and stores
///   the digits as call data under `store` before running `next`.
/// - A message plays (keys ignored) and then runs `next`.
public struct IVREngine: Sendable {
    public enum Phase: Sendable, Equatable {
        case idle
        /// The menu prompt (maybe after a timeout/invalid prompt) is playing.
        case prompting
        /// The prompt has ended; waiting for the first key until `deadline`.
        case waiting
        /// Digits are being collected; `deadline` is the inter-digit timeout.
        case collecting
        /// A message or fail prompt plays; then this action runs.
        case announcing(then: MenuAction)
        case finished
    }

    public let plan: IVRPlan
    public let entry: String
    public private(set) var phase = Phase.idle
    /// When `.timer` should be sent next; nil when no timer runs.
    public private(set) var deadline: SampleTime?
    /// Data gathered by collections, by their `store` names.
    public private(set) var callData: [String: String] = [:]
    /// The menus entered, oldest first (for `back`); the last is current.
    public private(set) var path: [String] = []
    /// Digits collected so far in the current collection.
    public private(set) var digits = ""
    /// Failures (timeouts, wrong entries) in the current menu.
    public private(set) var failures = 0
    /// Set when a menu used up its retries, each by a timeout: nothing came
    /// from the caller (cleared on entering a menu).
    public private(set) var gaveUpWaiting: GaveUpWaiting?
    public var language: String { player.language }
    public var currentMenu: String? { path.last }

    private var player: PromptPlayer
    private var clockBase: (wall: UnixTime, at: SampleTime)?
    private var hops = 0
    /// Failures in the current menu that were timeouts.
    private var timeouts = 0
    private static let maxHops = 16

    public init(plan: IVRPlan, entry: String, language: String? = nil) {
        self.plan = plan
        self.entry = entry
        self.player = PromptPlayer(language: language ?? plan.defaultLanguage)
    }

    /// The wall-clock time at `now`, counted from the start event.
    public func wallClock(at now: SampleTime) -> UnixTime {
        guard let base = clockBase else { return UnixTime(seconds: 0) }
        return UnixTime(seconds: base.wall.seconds + (now - base.at).samples / Int64(telephonySampleRate))
    }

    public mutating func on(_ event: IVREvent, now: SampleTime) -> [IVRAction] {
        hops = 0
        switch event {
        case .start(let wall):
            guard phase == .idle else { return [] }
            clockBase = (wall, now)
            return enter(entry, now: now)
        case .digit(let key):
            return digit(key, now: now)
        case .promptFinished(let id):
            guard player.finished(id) else { return [] }
            return promptEnded(now: now)
        case .timer:
            guard let due = deadline, now >= due else { return [] }
            deadline = nil
            return phase == .collecting ? endCollection(now: now) : failure(timedOut: true, now: now)
        case .callerHungUp:
            phase = .finished
            deadline = nil
            return []
        }
    }

    // MARK: Keys

    private mutating func digit(_ key: DTMFKey, now: SampleTime) -> [IVRAction] {
        guard let menu = currentMenu.flatMap({ plan.menus[$0] }) else { return [] }
        switch phase {
        case .prompting:
            guard menu.bargeIn else { return [] }
            return player.stop() + accept(key, menu, now: now)
        case .waiting, .collecting:
            return accept(key, menu, now: now)
        case .idle, .announcing, .finished:
            return []
        }
    }

    private mutating func accept(_ key: DTMFKey, _ menu: Menu, now: SampleTime) -> [IVRAction] {
        deadline = nil
        switch menu.kind {
        case .options(let keys):
            guard let action = keys[key] else { return failure(timedOut: false, now: now) }
            return perform(action.value, now: now)
        case .collect(let c):
            if key == c.terminator { return endCollection(now: now) }
            digits.append(key.rawValue)
            if digits.count >= c.maxDigits { return endCollection(now: now) }
            phase = .collecting
            deadline = now + SampleTime(milliseconds: Int64(c.interDigitTimeout))
            return []
        case .message:
            return []
        }
    }

    private mutating func endCollection(now: SampleTime) -> [IVRAction] {
        deadline = nil
        guard let menu = currentMenu.flatMap({ plan.menus[$0] }), case .collect(let c) = menu.kind else { return [] }
        let entered = digits
        digits = ""
        guard entered.count >= c.minDigits, entered.count <= c.maxDigits, Self.matches(entered, c.pattern?.value) else {
            return failure(timedOut: false, now: now)
        }
        callData[c.store] = entered
        return [.setCallData(key: c.store, value: entered)] + perform(c.next.value, now: now)
    }

    static func matches(_ digits: String, _ pattern: String?) -> Bool {
        guard let pattern else { return true }
        guard let regex = try? Regex(pattern) else { return false }
        return (try? regex.wholeMatch(in: digits)) != nil
    }

    // MARK: Prompts, timeouts, failures

    private mutating func promptEnded(now: SampleTime) -> [IVRAction] {
        switch phase {
        case .prompting:
            guard let menu = currentMenu.flatMap({ plan.menus[$0] }) else { return [] }
            phase = .waiting
            deadline = now + SampleTime(milliseconds: Int64(menu.timeout))
            return []
        case .announcing(let then):
            return perform(then, now: now)
        default:
            return []
        }
    }

    private mutating func failure(timedOut: Bool, now: SampleTime) -> [IVRAction] {
        guard let menu = currentMenu.flatMap({ plan.menus[$0] }) else { return [] }
        digits = ""
        failures += 1
        if timedOut { timeouts += 1 }
        if failures > menu.retries {
            if timeouts == failures, let name = currentMenu {
                gaveUpWaiting = GaveUpWaiting(stage: name, waits: failures, waitMilliseconds: menu.timeout)
            }
            failures = 0
            timeouts = 0
            return announce(menu.failPrompt.map(\.value), then: menu.onFail.value, now: now)
        }
        let lead = timedOut ? menu.timeoutPrompt : menu.invalidPrompt
        return prompt(menu, leading: lead.map(\.value), now: now)
    }

    /// Plays a menu's prompt (after `leading`), then waits for keys.
    private mutating func prompt(_ menu: Menu, leading: [String] = [], now: SampleTime) -> [IVRAction] {
        if case .message(let next) = menu.kind { return announce(menu.prompt.map(\.value), then: next.value, now: now) }
        deadline = nil
        phase = .prompting
        if let play = player.play(leading + menu.prompt.map(\.value), bargeIn: menu.bargeIn) { return [play] }
        return promptEnded(now: now)
    }

    /// Plays prompts that keys cannot interrupt, then runs `then`.
    private mutating func announce(_ names: [String], then: MenuAction, now: SampleTime) -> [IVRAction] {
        deadline = nil
        phase = .announcing(then: then)
        if let play = player.play(names, bargeIn: false) { return [play] }
        return perform(then, now: now)
    }

    // MARK: Actions

    private mutating func enter(_ name: String, now: SampleTime, push: Bool = true) -> [IVRAction] {
        hops += 1
        guard hops <= Self.maxHops, let menu = plan.menus[name] else { return finish(.hangup) }
        if let hours = menu.hours, !plan.isOpen(hours.value, at: wallClock(at: now)) {
            return perform(menu.closed?.value ?? .hangup, now: now)
        }
        if push, path.last != name { path.append(name) }
        failures = 0
        timeouts = 0
        gaveUpWaiting = nil
        digits = ""
        return prompt(menu, now: now)
    }

    private mutating func perform(_ action: MenuAction, now: SampleTime) -> [IVRAction] {
        hops += 1
        guard hops <= Self.maxHops else { return finish(.hangup) }
        switch action {
        case .menu(let name):
            return enter(name, now: now)
        case .queue(let name):
            if let queue = plan.queues[name], let hours = queue.hours, !plan.isOpen(hours.value, at: wallClock(at: now)) {
                return perform(queue.closed?.value ?? .hangup, now: now)
            }
            return finish(.route(.queue(name)))
        case .agent(let id):
            return finish(.route(.agent(id)))
        case .dial(let line, let number):
            return finish(.route(.dial(line: line, number: number)))
        case .voicemail(let box):
            return finish(.route(.voicemail(box)))
        case .callback(let queue):
            return finish(.route(.callback(queue: queue)))
        case .language(let code, let then):
            player.language = code
            let next = then.map { enter($0, now: now) } ?? replay(now: now)
            return [.setLanguage(code)] + next
        case .repeat:
            return replay(now: now)
        case .back:
            if path.count > 1 {
                path.removeLast()
                return enter(path.removeLast(), now: now)
            }
            return replay(now: now)
        case .hangup:
            return finish(.hangup)
        }
    }

    private mutating func replay(now: SampleTime) -> [IVRAction] {
        guard let menu = currentMenu.flatMap({ plan.menus[$0] }) else { return finish(.hangup) }
        digits = ""
        return prompt(menu, now: now)
    }

    private mutating func finish(_ last: IVRAction) -> [IVRAction] {
        phase = .finished
        deadline = nil
        return player.stop() + [last]
    }
}

/// An engine that gave up because nothing came from the caller: where
/// (a menu's name, or the survey's), how many waits, each how long.
public struct GaveUpWaiting: Sendable, Equatable {
    public var stage: String
    public var waits: Int
    public var waitMilliseconds: Int
    public init(stage: String, waits: Int, waitMilliseconds: Int) {
        self.stage = stage
        self.waits = waits
        self.waitMilliseconds = waitMilliseconds
    }
}
