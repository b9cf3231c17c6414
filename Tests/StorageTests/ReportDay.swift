import Records
import Reports
import Storage

/// Two busy local days at +08:00, deterministic from a seed, with the cases
/// the half-hour tables must get right: repeat callers (some within 24 h,
/// some just past), equal arrival times, answered, abandoned (short, long,
/// never ended), refused, callback-booked and message calls, callbacks
/// placed (reached or not), calls that never joined a queue, calls still
/// in progress; wrap-ups naming their call, inheriting it from `on-call`
/// or naming none, calls without wrap-up, wrap-ups across midnight and one
/// still open at the end; pauses with and without a reason, a state this
/// version does not know, log-outs, and an agent the config does not name.
struct ReportDay {
    /// 2024-05-01 00:00 at +08:00.
    static let midnight: Int64 = 1_714_492_800_000
    static let offset = 28_800
    static let queues = ["sales", "support", "vip"]
    static let agents = ["8001", "8002", "8003", "8004", "8005"]
    /// Works the days but is not in the config.
    static let stranger = "8099"
    static let settings = ReportSettings(serviceLevelSeconds: ["sales": 20, "support": 10, "vip": 30])

    var calls: [CallDetail] = []
    /// Calls still in progress: only their start row is stored.
    var started: [(id: Int64, arrived: Int64)] = []
    var states: [StoredAgentState] = []
    var events: [StoredQueueEvent] = []

    static func day(_ n: Int) -> ReportWindow {
        ReportWindow(from: midnight + Int64(n) * 86_400_000, to: midnight + Int64(n + 1) * 86_400_000, utcOffsetSeconds: offset)
    }

    init(seed: UInt64, calls count: Int = 900) {
        var random = Random(state: seed)
        let staff = Self.agents + [Self.stranger]
        var free = [Int64](repeating: Self.midnight - 3_600_000, count: staff.count)
        for (i, agent) in staff.enumerated() {
            states.append(StoredAgentState(agent: agent, state: i == 2 ? "logged-out" : "available", at: Self.midnight - 3_600_000 + Int64(i)))
        }
        var arrivals = (0..<count).map { _ in Self.midnight + Int64(random.below(2 * 86_400)) * 1000 }
        arrivals.sort()
        arrivals[5] = arrivals[4]  // two calls at the same instant
        let callers = (0..<60).map { "1380000" + String(1000 + $0) }
        for (i, arrived) in arrivals.enumerated() {
            let id = Int64(i + 1)
            var c = CallDetail(callID: id, line: 1 + i % 8, arrived: arrived)
            c.callerNumber = random.below(10) == 0 ? nil : callers[random.below(callers.count)]
            c.answered = arrived + 500
            let fate = random.below(100)
            if fate < 4 { started.append((id, arrived)); continue }
            if fate < 10 {
                c.ended = arrived + 30_000
                c.endReason = "menu-hangup"
                calls.append(c)
                continue
            }
            let queue = Self.queues[random.below(3)]
            c.queue = queue
            c.queued = arrived + Int64(random.below(8_000))
            if fate < 14 { c.direction = "callback" }
            if fate < 70 {
                let a = (0..<staff.count).min { free[$0] < free[$1] }!
                let agent = staff[a]
                let connected = max(c.queued! + Int64(random.below(40_000)), free[a] + 2_000)
                let ended = connected + Int64(10_000 + random.below(200_000))
                c.connected = connected
                c.ended = ended
                c.agent = agent
                c.endReason = "agent-hung-up"
                if random.below(3) == 0 { c.surveyScore = 1 + random.below(5) }
                events.append(StoredQueueEvent(callID: id, queue: queue, kind: "offered", agent: agent, at: connected - 1_500))
                if random.below(6) == 0 {
                    let other = staff[(a + 1) % staff.count]
                    events.append(StoredQueueEvent(callID: id, queue: queue, kind: "offered", agent: other, at: connected - 9_000))
                    events.append(StoredQueueEvent(callID: id, queue: queue, kind: "offer-ended", agent: other, at: connected - 2_000))
                }
                states.append(StoredAgentState(agent: agent, state: "ringing", callID: id, at: connected - 1_500))
                states.append(StoredAgentState(agent: agent, state: "on-call", callID: id, at: connected))
                var end = ended
                switch random.below(5) {
                case 0: break  // no wrap-up
                case 1: states.append(StoredAgentState(agent: agent, state: "wrap-up", callID: id, at: ended))
                        end += Int64(random.below(60_000))
                default: states.append(StoredAgentState(agent: agent, state: "wrap-up", at: ended + Int64(random.below(900))))
                         end += 1_000 + Int64(random.below(60_000))
                }
                switch random.below(12) {
                case 0: states.append(StoredAgentState(agent: agent, state: "paused", reason: "lunch", at: end))
                        end += 1_800_000
                case 1: states.append(StoredAgentState(agent: agent, state: "paused", at: end))
                        end += 300_000
                case 2: states.append(StoredAgentState(agent: agent, state: "training", at: end))
                        end += 600_000
                case 3: states.append(StoredAgentState(agent: agent, state: "logged-out", at: end))
                        end += 2_000_000
                default: break
                }
                if i < count - 3 { states.append(StoredAgentState(agent: agent, state: "available", at: end)) }
                free[a] = end
            } else if fate < 85 {
                c.ended = random.below(10) == 0 ? nil : c.queued! + Int64(random.below(2) == 0 ? random.below(5_000) : random.below(200_000))
                c.endReason = random.below(2) == 0 ? "caller-loop-drop" : "caller-busy-tone"
            } else if fate < 91 {
                c.ended = c.queued! + 60_000
                c.endReason = "queue-refused"
            } else if fate < 95 {
                c.ended = c.queued! + 20_000
                c.endReason = random.below(2) == 0 ? "callback-booked" : "message-left"
            } else {
                c.ended = c.queued! + 5_000
                c.endReason = "line-failed"
            }
            calls.append(c)
        }
        states.sort { $0.at < $1.at }
        events.sort { $0.at < $1.at }
    }

    /// The rows as the daemon stores them: a call when it ends, a state or
    /// an event when it happens, in batches.
    var itemsInOrder: [[StoreItem]] {
        var timed: [(Int64, StoreItem)] = []
        for s in started { timed.append((s.arrived, .callStarted(callID: s.id, line: 1, arrived: s.arrived))) }
        for c in calls { timed.append((c.ended ?? c.arrived, .callFinished(c, telemetry: CallTelemetry()))) }
        for s in states { timed.append((s.at, .agentState(s))) }
        for e in events { timed.append((e.at, .queueEvent(e))) }
        let items = timed.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        return stride(from: 0, to: items.count, by: 37).map { Array(items[$0..<min(items.count, $0 + 37)]) }
    }

    /// The same rows in a scrambled order: states and events newest first,
    /// then the calls, some written twice (as interrupted, then finished).
    var itemsScrambled: [[StoreItem]] {
        var items: [StoreItem] = []
        for s in started { items.append(.callStarted(callID: s.id, line: 1, arrived: s.arrived)) }
        items += states.reversed().map { .agentState($0) }
        items += events.reversed().map { .queueEvent($0) }
        for (i, c) in calls.enumerated() {
            if i % 7 == 0 {
                var early = c
                early.endReason = "interrupted"
                early.connected = nil
                items.append(.callInterrupted(early, telemetry: CallTelemetry()))
            }
            items.append(.callFinished(c, telemetry: CallTelemetry()))
        }
        return stride(from: 0, to: items.count, by: 101).map { Array(items[$0..<min(items.count, $0 + 101)]) }
    }

    struct Random {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }
}
