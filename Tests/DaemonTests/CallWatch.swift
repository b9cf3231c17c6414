import Foundation

/// Follows a running kefud's calls through `calls --json`, one look at a
/// time: which calls were seen, which are in progress, when each was first
/// seen with an agent and when each was seen gone (finished); `follow`
/// adds a timed `status` to each look.
struct CallWatch {
    private(set) var seen: Set<Int> = []
    private(set) var inProgress: Set<Int> = []
    /// With an agent at the last look.
    private(set) var withAgent: Set<Int> = []
    /// When each call was first seen with an agent.
    private(set) var reachedAgentAt: [Int: Date] = [:]
    /// When each call was first seen gone.
    private(set) var goneAt: [Int: Date] = [:]
    /// The `status` answers `follow` saw, in order (empty: refused), and the slowest one's seconds.
    private(set) var statuses: [[String]] = []
    private(set) var slowestStatus = 0.0

    mutating func look(_ daemon: DaemonProcess) throws {
        let calls = try daemon.json(["calls"])
        let now = Date()
        let current = Set(calls.compactMap { $0["call"] as? Int })
        for gone in inProgress.subtracting(current) { goneAt[gone] = now }
        inProgress = current
        withAgent = Set(calls.filter { $0["agent"] is String }.compactMap { $0["call"] as? Int })
        for call in withAgent where reachedAgentAt[call] == nil { reachedAgentAt[call] = now }
        seen.formUnion(current)
    }

    /// Looks (calls, then a timed `status`) every 250 ms for `seconds`, or until `done`.
    mutating func follow(_ daemon: DaemonProcess, seconds: Double, until done: (CallWatch) throws -> Bool = { _ in false }) throws {
        let start = Date()
        repeat {
            usleep(250_000)
            try look(daemon)
            let (status, took) = try daemon.timed(["status"])
            statuses.append(status.status == 0 ? status.lines : [])
            slowestStatus = max(slowestStatus, took)
        } while try Date().timeIntervalSince(start) < seconds && !done(self)
    }

    /// Calls seen and then gone: they ended.
    var finished: Set<Int> { seen.subtracting(inProgress) }

    /// Calls that ended over `seconds` before `date` (their rows have had time to be queued).
    func finished(before date: Date, bySeconds seconds: Double = 1) -> Set<Int> {
        finished.filter { (goneAt[$0] ?? .distantPast) < date.addingTimeInterval(-seconds) }
    }

    /// Calls first seen with an agent from `start` on (up to `end`).
    func reachedAgent(from start: Date, to end: Date = .distantFuture) -> Set<Int> {
        Set(reachedAgentAt.filter { $0.value >= start && $0.value <= end }.keys)
    }
}
