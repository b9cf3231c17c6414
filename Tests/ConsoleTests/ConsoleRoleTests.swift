import Foundation
import Testing
import Accounts
import Console
import KefuDaemon
import Storage

/// Who may do what, for every command in the catalogue, against a running
/// center: the least role each command names is enforced by kefud (not only
/// by `kefu`'s help), a refused command changes nothing and is audited, and
/// no command takes anything out of the audit.
@Suite struct ConsoleRoleTests {
    /// Arguments that make each command do its work on the example center
    /// (`CALL` is a call in progress). A command added to the catalogue must
    /// be added here, or `everyCommandHasArgumentsHere` fails.
    static func arguments(call: String, dir: String) -> [String: [String]] {
        [
            "status": [], "channels": [], "lines": [], "calls": [], "agents": [], "queues": [], "wallboard": [], "callbacks": [], "features": [],
            "calls show": [call],
            "calls hangup": [call], "calls transfer": [call, "queue", "support"], "calls listen": [call, "1"],
            "agent login": ["8004", "12"], "agent logout": ["8004"], "agent pause": ["8003", "lunch"], "agent unpause": ["8003"],
            "caller": ["13800138000"], "caller note": ["13800138000", "asked", "for", "a", "refund"],
            "messages": [], "messages heard": ["1"], "messages delete": ["1"],
            "recordings list": [], "recordings info": [call], "recordings export": [call, dir + "/export.wav"],
            "recordings review": [], "report": [], "report export": [dir + "/report"],
            "config diff": [], "config apply": [], "config rollback": [], "logs": ["5"], "audit list": [],
        ]
    }

    static let roles: [Operator.Role] = [.viewer, .supervisor, .admin]

    static func refused(_ output: ConsoleOutput, _ command: ConsoleCommand) -> Bool {
        output.status == 1 && output.errors.contains { $0.hasPrefix("refused: \(command.name) needs the \(command.role.rawValue) role") }
    }

    /// What a command could change, as text: agents' states, calls in
    /// progress, the caller's notes, messages, the config file, files written.
    static func state(_ center: SimulatedCenter, _ service: ConsoleService, dir: String) throws -> [String] {
        let admin = Operator(name: "check", role: .admin)
        let read = { (words: [String]) in service.run(ConsoleRequest(arguments: words, json: true), as: admin).lines }
        return read(["agents"]) + read(["calls"]) + read(["caller", "13800138000"]) + read(["messages"]) + read(["callbacks"])
            + [try String(contentsOfFile: center.options.configPath, encoding: .utf8)]
            + ["export.wav", "report"].map { "\($0) exists: \(FileManager.default.fileExists(atPath: dir + "/" + $0))" }
    }

    /// The example center after 40 simulated seconds: calls in progress, one recorded.
    static func running() throws -> (SimulatedCenter, ConsoleService, String, call: String) {
        let (center, dir) = try ConsoleSocketTests.center()
        let service = try ConsoleService(center: center)
        var call: String?
        for _ in 0..<60 where call == nil {
            center.runVirtual(seconds: 2)
            let rows = service.run(ConsoleRequest(arguments: ["calls"], json: true), as: Operator(name: "check", role: .admin)).lines
            call = rows.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
                .compactMap { $0["call"] as? Int }.first.map { "call-\($0)" }
        }
        return (center, service, dir, try #require(call, "no call in progress after 2 simulated minutes"))
    }

    @Test("every command in the catalogue has test arguments, so the tables below cover the whole catalogue")
    func everyCommandHasArgumentsHere() {
        let table = Self.arguments(call: "call-1", dir: "/tmp")
        #expect(Set(ConsoleCatalog.all.commands.map(\.name)) == Set(table.keys))
        for command in ConsoleCatalog.all.commands {
            let words = command.words + (table[command.name] ?? [])
            #expect((try? ConsoleCatalog.all.match(words).get().command) == command, "\(words) must name \(command.name)")
        }
    }

    @Test("the catalogue: a viewer can change nothing; config apply, config rollback and the audit are the admin's alone")
    func catalogueRoles() {
        let commands = ConsoleCatalog.all.commands
        #expect(commands.filter { $0.changes && $0.role == .viewer }.map(\.name) == [])
        #expect(Set(commands.filter { $0.role == .admin }.map(\.name)) == ["config apply", "config rollback", "audit list"])
        #expect(commands.filter { $0.role == .viewer }.allSatisfy { !$0.changes })
    }

    @Test("kefud refuses each command to every role below its least role, changes nothing, and audits the refusal")
    func lowerRolesAreRefusedPerCommand() throws {
        let (center, service, dir, call) = try Self.running()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = Self.arguments(call: call, dir: dir)
        let before = try Self.state(center, service, dir: dir)
        var expectedRefusals: [String] = []
        for command in ConsoleCatalog.all.commands {
            for role in Self.roles where role < command.role {
                let who = Operator(name: "op-\(role.rawValue)", role: role)
                let output = service.run(ConsoleRequest(arguments: command.words + table[command.name]!), as: who)
                #expect(Self.refused(output, command), "\(command.name) as \(role): \(output)")
                expectedRefusals.append("op-\(role.rawValue) refused \(command.name)")
            }
        }
        #expect(expectedRefusals.count > 20)
        #expect(try Self.state(center, service, dir: dir) == before, "a refused command changed something")
        #expect(center.store.flush())
        let audit = try CallStore(path: center.dataDirectory + "/kefu.db").audit().filter { $0.action == "refused" }
        #expect(audit.map { "\($0.user) \($0.action) \($0.object)" } == expectedRefusals)
    }

    @Test("each command runs for its least role and every role above it (it may fail for its own reasons, never as refused)")
    func sufficientRolesAreServedPerCommand() throws {
        let (_, service, dir, call) = try Self.running()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = Self.arguments(call: call, dir: dir)
        for command in ConsoleCatalog.all.commands {
            for role in Self.roles.reversed() where role >= command.role {
                let output = service.run(ConsoleRequest(arguments: command.words + table[command.name]!), as: Operator(name: "op", role: role))
                #expect(!output.errors.contains { $0.hasPrefix("refused") }, "\(command.name) as \(role): \(output)")
            }
        }
        service.stopListening()
    }

    @Test("no console command, by any role, changes or removes an audit entry: the audit only grows")
    func consoleOnlyAppendsToTheAudit() throws {
        let (center, service, dir, call) = try Self.running()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = Self.arguments(call: call, dir: dir)
        let store = try CallStore(path: center.dataDirectory + "/kefu.db")
        var seen: [AuditEntry] = []
        for command in ConsoleCatalog.all.commands {
            for role in Self.roles {
                _ = service.run(ConsoleRequest(arguments: command.words + table[command.name]!), as: Operator(name: "op", role: role))
                center.runVirtual(seconds: 0.2)
                #expect(center.store.flush())
                let now = try store.audit()
                #expect(Array(now.prefix(seen.count)) == seen, "\(command.name) as \(role) changed the audit before it")
                #expect(now.count >= seen.count)
                seen = now
            }
        }
        service.stopListening()
        #expect(seen.filter { $0.action == "refused" }.count > 20, "the refusals at least are in the audit")
    }
}
