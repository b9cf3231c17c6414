import Foundation
import Synchronization
import Testing
import CallControl
import Config
import Console
import KefuDaemon
import Storage

/// The console on a real unix socket, with real peers: root in the test
/// process, and the `kefu` binary run as uid 65534 (nobody) with different
/// groups through setpriv. The kernel's credentials decide the role.
@Suite struct ConsoleSocketTests {
    /// The example center with the console's groups set to groups every
    /// Debian box has: sys (admins), daemon (supervisors), bin (viewers).
    static func center() throws -> (SimulatedCenter, String) {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let root = url.path
        let dir = "/tmp/kefu-console-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/holidays", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/config/holidays/cn-2026.txt", toPath: dir + "/holidays/cn-2026.txt")
        let text = try String(contentsOfFile: root + "/config/kefu.toml", encoding: .utf8)
            .replacingOccurrences(of: "admin_group = \"kefu-admin\"", with: "admin_group = \"sys\"")
            .replacingOccurrences(of: "supervisor_group = \"kefu-supervisor\"", with: "supervisor_group = \"daemon\"")
            .replacingOccurrences(of: "viewer_group = \"kefu-viewer\"", with: "viewer_group = \"bin\"")
        try text.write(toFile: dir + "/kefu.toml", atomically: true, encoding: .utf8)
        var options = CenterOptions()
        options.configPath = dir + "/kefu.toml"
        options.demo = true
        options.clockAtStart = TimeZoneOffset.shanghai.instant(CivilDate("2026-03-04")!, hour: 10)
        options.dataDirectory = dir + "/data"
        options.consoleSocket = dir + "/console.sock"
        options.callsPerMinute = 6
        let setup = try CenterLoader.load(options, unixSeconds: options.clockAtStart!.seconds).get()
        return (try SimulatedCenter(options: options, setup: setup), dir)
    }

    /// Runs the center and the console until `done`.
    static func pump(_ center: SimulatedCenter, _ door: ConsoleDoor, until done: () -> Bool) {
        for _ in 0..<3_000 where !done() {
            center.runVirtual(seconds: 0.02)
            door.serve()
            usleep(2_000)
        }
    }

    /// `kefu ARGS` as uid 65534 with `groups` (none: no supplementary groups).
    static func kefu(as groups: [Int], _ arguments: [String], center: SimulatedCenter, door: ConsoleDoor) throws -> (status: Int32, out: String, err: String) {
        let exe = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let kefu = (exe as NSString).deletingLastPathComponent + "/kefu"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", groups.isEmpty ? "--clear-groups" : "--groups=" + groups.map(String.init).joined(separator: ","),
                             kefu, "--socket", door.listener!.path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        pump(center, door) { !process.isRunning }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test("roles come from the peer's kernel credentials: a viewer sees but cannot change, a supervisor can, a stranger is refused, root is admin; every change and refusal is audited")
    func rolesOnARealSocket() throws {
        let (center, dir) = try Self.center()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let door = ConsoleDoor.open(center)
        defer { door.close() }
        try #require(door.listener != nil, "\(door.notes)")
        center.runVirtual(seconds: 1)

        // A viewer (group bin): agents as JSON, parsed; pausing is refused.
        let agents = try Self.kefu(as: [2], ["agents", "--json"], center: center, door: door)
        #expect(agents.status == 0, "\(agents.err)")
        let rows = try agents.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.map { $0["agent"] as? String } == ["8001", "8002", "8003", "8004"])
        #expect(rows.allSatisfy { $0["state"] as? String == "available" })
        let refused = try Self.kefu(as: [2], ["agent", "pause", "8003", "lunch"], center: center, door: door)
        #expect(refused.status == 1 && refused.err.contains("agent pause needs the supervisor role"))
        #expect(center.control.flow.acd.agentSnapshots.first { $0.id.rawValue == "8003" }?.status.name == "available")

        // A supervisor (group daemon) pauses an agent.
        let paused = try Self.kefu(as: [1], ["agent", "pause", "8003", "lunch"], center: center, door: door)
        #expect(paused.status == 0 && paused.out == "8003: available → paused (lunch)\n", "\(paused.err)")
        #expect(center.control.flow.acd.agentSnapshots.first { $0.id.rawValue == "8003" }?.status.name == "paused")

        // Someone in none of the groups is turned away at the door.
        let stranger = try Self.kefu(as: [], ["status"], center: center, door: door)
        #expect(stranger.status == 3 && stranger.err.contains("refused: nobody is not in sys, daemon or bin"))

        // Root, in this process, is admin: unpauses and reads the audit.
        let answer = Mutex<ConsoleOutput?>(nil)
        let socket = door.listener!.path
        func root(_ words: [String]) -> ConsoleOutput {
            answer.withLock { $0 = nil }
            Thread { let o = (try? ConsoleClient.send(ConsoleRequest(arguments: words), to: socket)) ?? .failed("no answer"); answer.withLock { $0 = o } }.start()
            Self.pump(center, door) { answer.withLock { $0 != nil } }
            return answer.withLock { $0 }!
        }
        #expect(root(["agent", "unpause", "8003"]).lines == ["8003: paused (lunch) → available"])
        center.store.flush()
        // The audit table without its heading and count, each row without its date and time.
        let audit = root(["audit", "list"]).lines.dropFirst().dropLast().map { $0.split(separator: " ", maxSplits: 2).last.map(String.init) ?? "" }
        // The file on disk changes: config diff says how, against what kefud runs.
        let config = dir + "/kefu.toml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "max_wait = 180", with: "max_wait = 240").write(toFile: config, atomically: true, encoding: .utf8)
        let diff = root(["config", "diff"]).lines
        #expect(diff.first == "\(config) against the running config:")
        #expect(diff.contains { $0.hasPrefix("-") && $0.hasSuffix("max_wait = 180") } && diff.contains { $0.hasPrefix("+") && $0.hasSuffix("max_wait = 240") })
        #expect(audit == [
            " nobody  refused          agent pause  8003 lunch",
            " nobody  agent pause      8003 lunch   8003: available → paused (lunch)",
            " nobody  console-refused  uid 65534    nobody is not in sys, daemon or bin",
            " root    agent unpause    8003         8003: paused (lunch) → available",
        ])
    }
    @Test("a peer in none of the console's groups is refused at the door of the real socket whatever it asks: nothing runs, nothing is answered but the refusal, and each refusal is audited")
    func unknownPeerIsRefusedOnTheRealSocket() throws {
        let (center, dir) = try Self.center()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let door = ConsoleDoor.open(center)
        defer { door.close() }
        try #require(door.listener != nil, "\(door.notes)")
        center.runVirtual(seconds: 1)
        // uid 65534 with no supplementary group, with users (100), with nogroup (65534).
        for groups in [[], [100], [65534]] {
            for words in [["status"], ["agent", "pause", "8003", "lunch"], ["config", "apply"]] {
                let answer = try Self.kefu(as: groups, words, center: center, door: door)
                #expect(answer.status == 3, "\(groups) \(words): \(answer)")
                #expect(answer.err.contains("refused: nobody is not in sys, daemon or bin") && answer.out.isEmpty, "\(groups) \(words): \(answer)")
            }
        }
        #expect(center.control.flow.acd.agentSnapshots.first { $0.id.rawValue == "8003" }?.status.name == "available")
        door.serve()  // the last refusal is audited at the next serve, after kefu has its answer
        #expect(center.store.flush())
        let audit = try CallStore(path: center.dataDirectory + "/kefu.db").audit()
        #expect(audit.map { "\($0.user) \($0.action) \($0.object)" } == Array(repeating: "nobody console-refused uid 65534", count: 9))
    }
}
