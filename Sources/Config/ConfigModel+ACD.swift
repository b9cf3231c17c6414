import Telephony

/// The ACD's settings in the config: skills, escalation steps, callbacks and
/// the [acd] section (auto-pause, pause reasons, feature codes).

/// A skill and a level: an agent's level, or the minimum level a queue (or
/// an escalation step) asks for. Written `"billing:3"`, or `"billing"` for 1.
public struct SkillLevel: Sendable, Equatable {
    public static let levels = 1...10

    public var skill: String
    public var level: Int

    public init(_ skill: String, _ level: Int = 1) {
        self.skill = skill
        self.level = level
    }
}

/// After `after` milliseconds of waiting, agents need only `skills` and the
/// agents of `queues` may take the call too; the caller keeps their place.
public struct Escalation: Sendable, Equatable {
    public var line: Int
    public var after: Int
    /// The skills needed from then on; nil keeps the queue's own.
    public var skills: [Located<SkillLevel>]?
    public var queues: [Located<String>] = []

    public init(line: Int, after: Int) {
        self.line = line
        self.after = after
    }
}

/// How a queue calls back callers who asked for it (the caller keeps their
/// place in the queue and hangs up).
public struct CallbackSettings: Sendable, Equatable {
    /// The key a waiting caller presses to ask for a callback.
    public var key = DTMFKey.one
    public var attempts = 3
    /// Wait after the first failed attempt, in milliseconds; it doubles
    /// after each further failure, up to `retryMax`.
    public var retry = 60_000
    public var retryMax = 600_000

    public init() {}
}

/// A pause reason an agent dials after the pause code (`*3` then `2`).
public struct PauseReason: Sendable, Equatable {
    public var code: String
    public var reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }
}

/// [acd]: what applies to every agent.
public struct ACDSection: Sendable, Equatable {
    /// Reasons the ACD gives itself; a configured pause reason may not use them.
    public static let reservedReasons = ["pause", "auto-pause", "line-down"]

    public var line = 0
    /// Pause an agent after this many offers in a row ring out (0: never).
    public var autoPauseAfter = 3
    public var pauseReasons: [Located<PauseReason>] = [
        Located(PauseReason(code: "1", reason: "break"), line: 0),
        Located(PauseReason(code: "2", reason: "lunch"), line: 0),
        Located(PauseReason(code: "3", reason: "meeting"), line: 0),
        Located(PauseReason(code: "4", reason: "training"), line: 0),
    ]
    /// Dialled on an idle phone: log in (then optionally the agent number).
    public var loginCode = Located("*1", line: 0)
    public var logoutCode = Located("*2", line: 0)
    /// Pause (then optionally a reason code), or unpause when paused.
    public var pauseCode = Located("*3", line: 0)
    /// Dialled on an idle phone, then an agent number: a supervisor listens
    /// to that agent's call, whispers to the agent, or joins the call.
    public var listenCode = Located("*51", line: 0)
    public var whisperCode = Located("*52", line: 0)
    public var bargeCode = Located("*53", line: 0)
    /// Dialled on an idle phone: hear the new messages of the agent's
    /// mailboxes (their own and their queues'; a supervisor's: all).
    public var messageCode = Located("*97", line: 0)
    /// Pressed while consulting a colleague: the caller joins (three-way).
    public var conferenceCode = Located("3", line: 0)
    /// A held call rings its agent's phone again after this long (milliseconds).
    public var holdReminder = 60_000

    public init() {}
}

extension Queue {
    /// Does this queue call callers back: `callback = true`, or its own
    /// overflow or no-agents action is `callback` to itself.
    public var offersCallback: Bool {
        if callback?.value == true { return true }
        return [overflow, whenNoAgents].contains { action in
            if case .callback(let target)? = action?.value { return target == name }
            return false
        }
    }
}
