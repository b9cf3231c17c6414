// The same day read back from kefu.db: the report as `kefu report` makes
// it (calls, agent states and queue events queried from SQLite, then the
// report), timed as a whole. Writing the day takes a while and is not timed.
#if canImport(Glibc)
import Glibc
#endif
import Records
import Reports
import Storage

func fromDatabase(_ day: Day) {
    let directory = "/tmp/kefu-report-bench-\(getpid())"
    mkdir(directory, 0o700)
    defer {
        for suffix in ["", "-wal", "-shm"] { unlink(directory + "/kefu.db" + suffix) }
        rmdir(directory)
    }
    do {
        let store = try CallStore(path: directory + "/kefu.db")
        let writeStart = monotonicSeconds()
        var items: [StoreItem] = []
        items.reserveCapacity(100_000)
        func flush() throws {
            try store.write(items)
            items.removeAll(keepingCapacity: true)
        }
        for call in day.calls {
            items.append(.callFinished(call, telemetry: CallTelemetry()))
            if items.count == 100_000 { try flush() }
        }
        for state in day.states {
            items.append(.agentState(state))
            if items.count == 100_000 { try flush() }
        }
        for event in day.events {
            items.append(.queueEvent(event))
            if items.count == 100_000 { try flush() }
        }
        try flush()
        print("wrote the day into SQLite in \(oneDecimal(monotonicSeconds() - writeStart)) s")

        var best = Double.infinity
        var readBest = Double.infinity
        for run in 1...3 {
            let start = monotonicSeconds()
            let calls = try store.calls(from: window.from, to: window.to + 86_400_000, withData: false)
            let callsRead = monotonicSeconds() - start
            let agents = Array(Set(day.states.map(\.agent))).sorted()
            let states = try store.agentStates(from: window.from, to: window.to, agents: agents)
            let statesRead = monotonicSeconds() - start - callsRead
            let events = try store.queueEvents(from: window.from, to: window.to)
            let read = monotonicSeconds() - start
            print("  read calls \(callsRead) s, agent states \(statesRead) s, queue events \(read - callsRead - statesRead) s")
            let report = CenterReport.compute(calls: calls, agentStates: states, queueEvents: events, window: window, settings: settings)
            let seconds = monotonicSeconds() - start
            best = min(best, seconds)
            readBest = min(readBest, read)
            print("from the database, run \(run): \(seconds) s (reading \(read) s), offered \(report.total.calls.offered)")
        }
        print("day report from kefu.db over \(day.calls.count) calls: best \(best) s, of which reading \(readBest) s")
    } catch {
        print("database stage failed: \(error)")
    }
}
