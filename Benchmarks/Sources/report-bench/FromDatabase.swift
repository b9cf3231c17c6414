// The same day read back from kefu.db: the report as `kefu report` makes
// it, from the half-hour tables the store keeps as rows are written, timed
// as a whole (best of five); then once from the rows, and every figure of
// the three (memory, tables, rows) compared. Writing the day, which keeps
// the tables too, takes a while and is timed apart.
#if canImport(Glibc)
import Glibc
#endif
import Records
import Reports
import Storage

func fromDatabase(_ day: Day, inMemory: CenterReport) {
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

        let agents = Array(Set(day.states.map(\.agent))).sorted()
        var best = Double.infinity
        var fromTables: CenterReport?
        for run in 1...5 {
            let start = monotonicSeconds(), startCPU = cpuSeconds()
            let (report, source) = try store.centerReport(window: window, settings: settings, agents: agents)
            let seconds = monotonicSeconds() - start
            best = min(best, seconds)
            fromTables = report
            print("from the half-hour tables (\(source.rawValue)), run \(run): \(seconds) s (CPU \(cpuSeconds() - startCPU) s),",
                  "offered \(report.total.calls.offered)")
        }
        print("day report from kefu.db's half-hour tables over \(day.calls.count) calls: best \(best) s")

        let start = monotonicSeconds()
        let fromRows = try store.centerReportFromRows(window: window, settings: settings, agents: agents)
        print("the same from kefu.db's rows: \(monotonicSeconds() - start) s")
        print("tables = rows: \(fromTables == fromRows ? "every figure the same" : "DIFFERENT")")
        print("tables = memory: \(fromTables == inMemory ? "every figure the same" : "DIFFERENT")")
    } catch {
        print("database stage failed: \(error)")
    }
}
