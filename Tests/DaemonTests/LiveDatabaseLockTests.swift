import Foundation
import Storage
import Testing

/// kefu.db of a running kefud held locked by another connection (BEGIN
/// EXCLUSIVE, as a backup tool or a careless sqlite3 session would) for
/// several seconds of traffic, then released.
@Suite(.serialized) struct LiveDatabaseLockTests {
    static let lockSeconds = 8.0

    @Test("kefu.db locked by another process for 8 s under traffic: calls go on, status says the database is busy with items waiting, and after the release every finished call, queue event, agent state and audit entry is stored exactly once")
    func callsGoOnWhileAnotherProcessHoldsTheDatabase() throws {
        let dir = "/tmp/kefu-dblock-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/prompts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DaemonProcess.config(lines: 24, agents: 16, queue: "wrap_up = 2").write(toFile: dir + "/kefu.toml", atomically: true, encoding: .utf8)
        let kefud = try DaemonProcess.start(dir: dir, callsPerMinute: 180, talkSeconds: 10, log: dir + "/kefud.log")
        var watch = CallWatch()
        try watch.follow(kefud, seconds: 30) { $0.finished.count >= 3 && $0.withAgent.count >= 4 }

        // Another process takes the write lock and keeps it.
        let other = try SQLiteDatabase(path: dir + "/data/kefu.db")
        try other.execute("BEGIN EXCLUSIVE")
        let locked = Date()
        // An operator pauses and unpauses an agent meanwhile (on a call, the
        // unpause may find nothing to change): both are answered and audited.
        let paused = try kefud.timed(["agent", "pause", "8001", "lunch"])
        let unpaused = try kefud.timed(["agent", "unpause", "8001"])
        #expect(paused.output.status == 0 && unpaused.output.status <= 1, "\(paused.output.errors) \(unpaused.output.errors)")
        let looksBefore = watch.statuses.count
        try watch.follow(kefud, seconds: Self.lockSeconds)
        let whileLocked = watch.statuses.dropFirst(looksBefore)
        let busy = whileLocked.joined().filter { $0.contains("FAILING") }
        let mostWaiting = whileLocked.compactMap { DaemonProcess.number(after: "written,", in: $0) }.max() ?? 0
        let servedWhileLocked = watch.reachedAgent(from: locked)
        let endedWhileLocked = watch.finished.subtracting(watch.finished(before: locked, bySeconds: 0))
        try other.execute("ROLLBACK")
        let released = Date()

        // Everything waiting is written soon after.
        try watch.follow(kefud, seconds: 10) { DaemonProcess.number(after: "written,", in: $0.statuses.last ?? []) == 0 }
        let waiting = DaemonProcess.number(after: "written,", in: watch.statuses.last ?? []) ?? -1
        let drained = Date().timeIntervalSince(released)
        let loggedIn = DaemonProcess.number(after: "agents logged in", in: try kefud.status()) ?? 0
        #expect(kefud.stop(), "kefud did not stop on SIGINT within 10 s")
        #expect(kefud.process.terminationReason == .exit && kefud.process.terminationStatus == 0)

        #expect(servedWhileLocked.count >= 2, "callers who reached an agent during the lock: \(servedWhileLocked.count)")
        #expect(endedWhileLocked.count >= 2, "calls that ended during the lock: \(endedWhileLocked.count)")
        let slowest = max(watch.slowestStatus, paused.seconds, unpaused.seconds)
        #expect(slowest < 1, "the slowest console answer took \(slowest) s")
        #expect(busy.contains { $0.contains("FAILING (database busy: another connection holds its lock") }, "\(Set(busy))")
        #expect(mostWaiting >= 10, "at most \(mostWaiting) items were seen waiting")
        #expect(waiting == 0, "\(waiting) items still waiting 10 s after the release")
        let log = kefud.logText
        #expect(log.contains("database writes waiting (database busy") && log.contains("database writes pass again"))

        // Stored: as many finished calls, queue events and agent states as kefud counted, none twice.
        let store = try CallStore(path: dir + "/data/kefu.db", readOnly: true)
        func count(_ sql: String) throws -> Int { try store.db.statement(sql).firstInt() ?? -1 }
        let finished = DaemonProcess.number(after: "CALLS finished", in: [log]) ?? -1
        #expect(try count("SELECT count(*) FROM calls WHERE state = 'finished'") == finished)
        for call in watch.finished(before: released) {
            #expect(try store.callState(Int64(call)) == "finished", "call \(call)")
        }
        let queueEvents = DaemonProcess.number(after: "queue events", in: [log]) ?? -1
        #expect(try count("SELECT count(*) FROM queue_events") == queueEvents)
        #expect(try count("SELECT count(*) FROM (SELECT 1 FROM queue_events GROUP BY call_id, kind, agent, at_ms HAVING count(*) > 1)") == 0)
        // Agents' states as kefud counted them, and a logged-out one for each agent at the stop.
        let agentStates = DaemonProcess.number(after: "agent state changes", in: [log]) ?? -1
        #expect(try count("SELECT count(*) FROM agent_states") == agentStates + loggedIn)
        let audit = try store.audit().filter { $0.object.hasPrefix("8001") }
        #expect(audit.map(\.action) == ["agent pause", "agent unpause"], "\(audit)")
        print("database lock: held \(Self.lockSeconds) s; \(servedWhileLocked.count) callers reached agents and \(endedWhileLocked.count) calls ended meanwhile; up to \(mostWaiting) items waiting, written \(String(format: "%.2f", drained)) s after the release; slowest status \(String(format: "%.3f", slowest)) s; \(finished) calls, \(queueEvents) queue events stored")
    }
}
