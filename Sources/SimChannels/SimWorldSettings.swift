import Synchronization

/// How the simulated callers and agents behave. Times in seconds.
public struct SimWorldSettings: Sendable {
    public var callsPerMinute = 6.0
    /// Mean time a caller waits for an agent before hanging up (exponential).
    public var meanPatience = 90.0
    /// Mean time each party would talk before hanging up (exponential; the
    /// first to finish ends the call).
    public var meanTalk = 60.0
    public var agentAnswerDelay = 1.0...4.0
    /// Chance an agent lets an offered call ring out.
    public var agentMissChance = 0.1
    /// Of callers who hang up, the share whose exchange plays busy tone
    /// (as Chinese exchanges do) instead of dropping loop current.
    public var busyToneShare = 0.5
    /// Seconds a caller lets the line ring unanswered before giving up.
    public var ringGiveUp = 30.0
    /// What callers press in the voice menus: each call picks one script;
    /// each step's keys are sent together, the first 1.5–3.5 s after the
    /// answer and each next one 2–4 s later (the menus take keys during
    /// their prompts). The default fits config/kefu.toml: "1" sales; "2"
    /// then "1" the support menu's queue; "3" then an order number and "#".
    /// "2", "2", "1": the support menu's callback, confirming the caller ID.
    public var keyScripts: [[String]] = [["1"], ["2", "1"], ["3", "2026031501#"], ["2", "2", "1"]]
    /// Seconds after the agent hangs up before a caller answers the survey
    /// (a key 1–5), if Kefu keeps the line.
    public var surveyDelay = 1.5...2.5
    /// When Kefu calls a line out (a callback): the share of called parties
    /// who answer (after 1–3 rings), and of those who are busy; the rest let
    /// it ring.
    public var calleeAnswerChance = 0.75
    public var calleeBusyChance = 0.15
    public var seed: UInt64 = 1

    public init() {}
}

/// What happened in the simulated world so far.
public struct SimWorldCounts: Sendable, Equatable {
    public var arrived = 0
    /// Arrivals that found every line busy.
    public var blocked = 0
    public var gaveUpRinging = 0
    public var abandonedWaiting = 0
    /// Callers (not called-back parties) who heard an agent.
    public var reachedAgent = 0
    public var endedByCaller = 0
    public var endedByAgent = 0
    public var offersMissed = 0
    /// Survey answers keyed in (after the agent hung up).
    public var surveysAnswered = 0
    /// Calls Kefu placed to the exchange (callbacks), and those answered.
    public var calledBack = 0
    public var callbacksAnswered = 0
    public init() {}
}

/// The world's counts as atomics: written on the media thread, read by the live view.
final class SimCounters: Sendable {
    let arrived = Atomic<Int>(0), blocked = Atomic<Int>(0), gaveUpRinging = Atomic<Int>(0)
    let abandonedWaiting = Atomic<Int>(0), reachedAgent = Atomic<Int>(0), endedByCaller = Atomic<Int>(0)
    let endedByAgent = Atomic<Int>(0), offersMissed = Atomic<Int>(0), surveysAnswered = Atomic<Int>(0)
    let calledBack = Atomic<Int>(0), callbacksAnswered = Atomic<Int>(0)

    var snapshot: SimWorldCounts {
        var c = SimWorldCounts()
        c.arrived = arrived.load(ordering: .relaxed)
        c.blocked = blocked.load(ordering: .relaxed)
        c.gaveUpRinging = gaveUpRinging.load(ordering: .relaxed)
        c.abandonedWaiting = abandonedWaiting.load(ordering: .relaxed)
        c.reachedAgent = reachedAgent.load(ordering: .relaxed)
        c.endedByCaller = endedByCaller.load(ordering: .relaxed)
        c.endedByAgent = endedByAgent.load(ordering: .relaxed)
        c.offersMissed = offersMissed.load(ordering: .relaxed)
        c.surveysAnswered = surveysAnswered.load(ordering: .relaxed)
        c.calledBack = calledBack.load(ordering: .relaxed)
        c.callbacksAnswered = callbacksAnswered.load(ordering: .relaxed)
        return c
    }
}
