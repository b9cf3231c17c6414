// report-bench: how long `CenterReport.compute` takes over a busy day.
//
// Synthesizes one local day (2024-05-01 at +08:00) of 1 000 000 call rows,
// deterministic from a SplitMix64 seed: 5 queues, 30 agents, 200 000
// distinct callers, an hourly arrival profile, a realistic mix of answered,
// abandoned (half of them short), refused, failed and menu-only calls, and
// post-call surveys; plus the agents' state changes (ringing, on call,
// wrap-up, available, three pauses each) and the queues' offer events.
// Handle times are compressed to a few seconds so that 30 agents can carry
// a million calls in a day without the queue growing without end; the
// report does the same work per row whatever the durations.
//
// Then times the full day report (queues, total, agents, hours, days,
// staffing intervals) with the monotonic clock, best of five, and prints
// the seconds and the totals. Run in release:
//
//   swift run -c release report-bench               # then the same from kefu.db
//   swift run -c release report-bench --memory-only
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Records
import Reports

/// SplitMix64 (Steele, Lea, Flood): a tiny, fast, well-mixed generator.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Uniform in lo...hi.
    mutating func between(_ lo: Int64, _ hi: Int64) -> Int64 { lo + Int64(below(Int(hi - lo + 1))) }
    /// An index drawn with the given relative weights.
    mutating func pick(_ weights: [Int]) -> Int {
        var r = below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return 0
    }
}

func clockSeconds(_ clock: clockid_t) -> Double {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
/// Wall-clock seconds from the monotonic clock.
func monotonicSeconds() -> Double { clockSeconds(CLOCK_MONOTONIC) }
/// CPU seconds of this thread: the same work, less the time lost to other
/// processes on a busy machine.
func cpuSeconds() -> Double { clockSeconds(CLOCK_THREAD_CPUTIME_ID) }

struct Day {
    var calls: [CallDetail] = []
    var states: [StoredAgentState] = []
    var events: [StoredQueueEvent] = []
}

let window = ReportWindow.localDay(year: 2024, month: 5, day: 1, utcOffsetSeconds: 28_800)
let queues = ["sales", "support", "billing", "tech", "vip"]
let settings = ReportSettings(serviceLevelSeconds: ["sales": 20, "support": 20, "billing": 30, "tech": 20, "vip": 10])

func synthesize(calls callCount: Int, agents agentCount: Int, callers callerCount: Int, seed: UInt64) -> Day {
    var random = SplitMix64(state: seed)
    // Relative calls per local hour: quiet at night, peaks mid-morning and afternoon.
    let hourProfile = [70, 70, 70, 70, 70, 75, 80, 90, 105, 120, 125, 120, 110, 115, 125, 125, 120, 110, 100, 95, 90, 85, 80, 75]
    var arrivals = (0..<callCount).map { _ in
        window.from + Int64(random.pick(hourProfile)) * 3_600_000 + random.between(0, 3_599_999)
    }
    arrivals.sort()
    let callers: [String] = (0..<callerCount).map { (i: Int) -> String in
        let number: Int = 100_000_000 + (i &* 7_919) % 900_000_000
        return "13" + String(number)
    }
    let agents = (1...agentCount).map { "80" + ($0 < 10 ? "0" : "") + String($0) }
    // Three pauses a day, staggered by four minutes per agent: a break, lunch, a break.
    let pausePlan: [(hour: Int64, minutes: Int64, reason: String)] = [(10, 10, "break"), (12, 30, "lunch"), (15, 10, "break")]

    var day = Day()
    day.calls.reserveCapacity(callCount)
    day.states.reserveCapacity(callCount * 4)
    var free = [Int64](repeating: window.from, count: agentCount)
    var nextPause = [Int](repeating: 0, count: agentCount)
    for agent in agents {
        day.states.append(StoredAgentState(agent: agent, state: "available", at: window.from - 3_600_000))
    }
    for (i, arrived) in arrivals.enumerated() {
        var c = CallDetail(callID: Int64(i + 1), line: 1 + i % 120, arrived: arrived)
        if random.below(100) >= 4 { c.callerNumber = callers[random.below(callerCount)] }
        c.answered = arrived + 800
        let fate = random.below(1000)
        if fate < 50 {                                    // 5 %: the menus only
            c.ended = arrived + random.between(10_000, 90_000)
            c.endReason = random.below(10) < 8 ? "menu-hangup" : "route-not-supported"
            day.calls.append(c)
            continue
        }
        let q = random.pick([30, 35, 15, 15, 5])
        c.queue = queues[q]
        let queued = arrived + random.between(3_000, 20_000)
        c.queued = queued
        if fate < 830 {                                   // 78 %: answered by the agent free soonest
            var best = 0
            for a in 0..<agentCount {
                while nextPause[a] < pausePlan.count,
                      free[a] >= window.from + pausePlan[nextPause[a]].hour * 3_600_000 + Int64(a) * 240_000 {
                    let p = pausePlan[nextPause[a]]
                    day.states.append(StoredAgentState(agent: agents[a], state: "paused", reason: p.reason, at: free[a]))
                    free[a] += p.minutes * 60_000
                    day.states.append(StoredAgentState(agent: agents[a], state: "available", at: free[a]))
                    nextPause[a] += 1
                }
                if free[a] < free[best] { best = a }
            }
            let agent = agents[best]
            let connected = max(queued + random.between(300, 6_000), free[best] + 301 + random.between(0, 200))
            let ended = connected + random.between(700, 2_000)
            let wrap: Int64 = random.below(10) < 9 ? random.between(200, 600) : 0
            c.connected = connected
            c.ended = ended
            c.agent = agent
            c.endReason = random.below(3) == 0 ? "caller-loop-drop" : "agent-hung-up"
            c.missedOffers = random.below(20) == 0 ? 1 : 0
            if random.below(10) < 4 {
                let s = random.below(100)
                c.surveyAsked = true
                c.surveyScore = s < 45 ? 5 : s < 70 ? 4 : s < 82 ? 3 : s < 90 ? 2 : 1
            }
            day.states.append(StoredAgentState(agent: agent, state: "ringing", callID: c.callID, at: connected - 300))
            day.states.append(StoredAgentState(agent: agent, state: "on-call", callID: c.callID, at: connected))
            if wrap > 0 { day.states.append(StoredAgentState(agent: agent, state: "wrap-up", at: ended)) }
            day.states.append(StoredAgentState(agent: agent, state: "available", at: ended + wrap))
            free[best] = ended + wrap
            if c.missedOffers > 0 {
                let other = agents[(best + 1) % agentCount]
                day.events.append(StoredQueueEvent(callID: c.callID, queue: queues[q], kind: "offered", agent: other, at: connected - 8_300))
                day.events.append(StoredQueueEvent(callID: c.callID, queue: queues[q], kind: "offer-ended", agent: other, at: connected - 300))
            }
            day.events.append(StoredQueueEvent(callID: c.callID, queue: queues[q], kind: "offered", agent: agent, at: connected - 300))
        } else if fate < 950 {                            // 12 %: abandoned, about half within 5 s
            c.ended = queued + (random.below(2) == 0 ? random.between(0, 5_000) : random.between(5_001, 180_000))
            c.endReason = random.below(2) == 0 ? "caller-loop-drop" : "caller-busy-tone"
        } else if fate < 990 {                            // 4 %: refused (full, waited too long)
            c.ended = queued + random.between(0, 300_000)
            c.endReason = "queue-refused"
        } else {                                          // 1 %: line failure, restart
            c.ended = queued + random.between(0, 60_000)
            c.endReason = random.below(2) == 0 ? "line-failed" : "interrupted"
        }
        day.calls.append(c)
    }
    day.states.sort { $0.at < $1.at }   // as the store returns them
    day.events.sort { $0.at < $1.at }
    return day
}

func oneDecimal(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "-" }
    return String(Double(Int((x * 10).rounded())) / 10)
}

func main() {
    let day = synthesize(calls: 1_000_000, agents: 30, callers: 200_000, seed: 0x4B45_4655_2D52_5054)
    print("synthesized \(day.calls.count) calls, \(day.states.count) agent states, \(day.events.count) queue events")

    var best = Double.infinity, bestCPU = Double.infinity
    var report: CenterReport?
    for run in 1...5 {
        let start = monotonicSeconds(), startCPU = cpuSeconds()
        report = CenterReport.compute(calls: day.calls, agentStates: day.states, queueEvents: day.events,
                                      window: window, settings: settings)
        let seconds = monotonicSeconds() - start, cpu = cpuSeconds() - startCPU
        best = min(best, seconds)
        bestCPU = min(bestCPU, cpu)
        print("run \(run): \(seconds) s (CPU \(cpu) s)")
    }
    guard let r = report else { return }
    let start = monotonicSeconds()
    let advice = r.staffingAdvice()
    let adviceSeconds = monotonicSeconds() - start
    print("day report over \(day.calls.count) calls: best \(best) s (CPU \(bestCPU) s); staffing advice \(adviceSeconds) s")

    let t = r.total.calls
    print("total: offered \(t.offered), answered \(t.answered), abandoned \(t.abandoned) (short \(t.shortAbandons)),",
          "refused \(t.refused), other \(t.otherEnds); not queued \(r.callsNotQueued)")
    print("       SL \(oneDecimal(t.serviceLevelPercent)) %, ASA \(oneDecimal(t.averageSpeedOfAnswerSeconds)) s,",
          "AHT \(oneDecimal(t.averageHandleSeconds)) s, longest wait \(oneDecimal(t.longestWaitSeconds)) s")
    print("       CSAT \(oneDecimal(t.surveys.csatPercent)) %, DSAT \(oneDecimal(t.surveys.dsatPercent)) %,",
          "surveys \(t.surveys.count), FCR \(oneDecimal(t.firstCallResolutionPercent)) %")
    for q in r.queues {
        let c = q.calls
        print("  \(q.queue ?? ""): offered \(c.offered), answered \(c.answered),",
              "SL \(oneDecimal(c.serviceLevelPercent)) % in \(q.serviceLevelSeconds ?? 0) s, ASA \(oneDecimal(c.averageSpeedOfAnswerSeconds)) s")
    }
    let occupancy = r.agents.compactMap(\.occupancyPercent)
    print("agents: \(r.agents.count), answered \(r.agents.map(\.answered).reduce(0, +)),",
          "missed offers \(r.agents.compactMap(\.missedOffers).reduce(0, +)),",
          "mean occupancy \(oneDecimal(occupancy.reduce(0, +) / Double(max(1, occupancy.count)))) %")
    print("busiest hours: " + r.intervals.busiestHours().prefix(3).map { "\($0.label) (\($0.calls.offered))" }.joined(separator: ", "))
    if let peak = advice.max(by: { $0.calls < $1.calls }) {
        let when = LocalTimestamp(unixMilliseconds: peak.start, utcOffsetSeconds: window.utcOffsetSeconds)
        print("busiest half hour: \(when), \(peak.calls) calls, had \(oneDecimal(peak.agentsHad)) agents,",
              "needed \(peak.agentsNeeded.map(String.init) ?? "-")")
    }
    if !CommandLine.arguments.contains("--memory-only") { fromDatabase(day, inMemory: r) }
}

main()
