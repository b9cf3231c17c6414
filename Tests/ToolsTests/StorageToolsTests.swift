import Foundation
import Testing
import Accounts
import Config
import Records
import Storage
import Tools

/// The storage commands (`kefu recordings`, `cdr export`, `audit`,
/// `storage`) on a database made for the test: what they print, the JSON
/// they give scripts, the roles they require and the audit they leave.
@Suite struct StorageToolsTests {
    static let day: Int64 = 1_772_553_600_000  // 2026-03-04 00:00 in Shanghai (UTC+8)

    struct Box {
        let directory: String
        let config: String
        init() throws {
            directory = NSTemporaryDirectory() + "kefu-tools-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try FileManager.default.createDirectory(atPath: directory + "/rec", withIntermediateDirectories: true)
            config = directory + "/kefu.toml"
            try """
            [system]
            languages = ["zh"]
            data_directory = "\(directory)"
            [lines.pstn]
            signalling = "fxo"
            channels = "1-2"
            menu = "main"
            [lines.phones]
            signalling = "fxs"
            channels = "3"
            [agents.8001]
            phone = 3
            [queues.sales]
            agents = ["8001"]
            [menus.main]
            prompt = "welcome"
            [menus.main.keys]
            1 = "queue sales"
            [recording]
            directory = "\(directory)/rec"
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let store = try CallStore(path: directory + "/kefu.db")
            for (id, hour, score) in [(Int64(1), 9, 90), (2, 10, 40), (3, 11, 65)] {
                var call = CallDetail(callID: id, line: 1, arrived: day + Int64(hour) * 3_600_000)
                call.callerNumber = "1380013800\(id)"
                call.connected = call.arrived + 10_000
                call.ended = call.arrived + 70_000
                call.queue = "sales"
                call.agent = "8001"
                call.endReason = "agent-hung-up"
                let path = "\(directory)/rec/\(id).wav"
                try Data([UInt8](repeating: 0, count: 44 + 64_000)).write(to: URL(fileURLWithPath: path))
                try store.write([.callFinished(call, telemetry: CallTelemetry()),
                                 .recordingStarted(RecordingStart(callID: id, path: path, queue: "sales", agent: "8001", started: call.connected!)),
                                 .recordingFinished(RecordingEnd(callID: id, ended: call.ended!, bytes: 64_000, state: .complete,
                                                                 quality: QualityFigures(callerTalk: 1, agentTalk: 1, overTalk: 0, longSilences: 0,
                                                                                         longestSilence: 0, score: score, findings: "finding \(id)")))])
            }
        }
        func context(_ role: Operator.Role) throws -> StorageContext {
            try StorageContext.open(configPath: config, dataDirectory: nil, who: Operator(name: "user-\(role.rawValue)", role: role))
        }
        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    @Test("recordings list prints a table in the box's time zone and, with --json, one parseable object per recording")
    func listTableAndJSON() throws {
        let box = try Box()
        defer { box.remove() }
        let c = try box.context(.viewer)
        let table = RecordingsTool.list(c, from: "2026-03-04", to: "2026-03-04", agent: nil, queue: nil, json: false)
        #expect(table.status == 0)
        #expect(table.lines.count == 5)
        #expect(table.lines[1].hasPrefix("1       2026-03-04 09:00:10  2        sales     8001    complete   90"))
        #expect(table.lines.last == "3 recording(s)")
        #expect(RecordingsTool.list(c, from: "2026-03-05", to: nil, agent: nil, queue: nil, json: false).lines == ["CALL    STARTED              SECONDS  QUEUE     AGENT   STATE      SCORE", "0 recording(s)"])
        let json = RecordingsTool.list(c, from: nil, to: nil, agent: "8001", queue: "sales", json: true)
        let objects = try json.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.map { $0["call"] as? Int } == [1, 2, 3])
        #expect(objects[1]["milliseconds"] as? Int == 2_000 && objects[1]["score"] as? String == "40")
        #expect(RecordingsTool.list(c, from: "2026-13-01", to: nil, agent: nil, queue: nil, json: false) == .init(["--from '2026-13-01' is not a date YYYY-MM-DD"], status: 1))
    }

    @Test("review picks each agent's lowest scores per day, worst first")
    func reviewWorstFirst() throws {
        let box = try Box()
        defer { box.remove() }
        let out = RecordingsTool.review(try box.context(.supervisor), from: nil, to: nil, worst: 2, json: false)
        #expect(out.lines == ["2026-03-04 agent 8001", "  call 2: score 40 — finding 2", "  call 3: score 65 — finding 3"])
    }

    @Test("a viewer cannot export a recording or CDRs, a supervisor can; only admins read the audit, which shows every step")
    func rolesAndAudit() throws {
        let box = try Box()
        defer { box.remove() }
        let viewer = try box.context(.viewer), supervisor = try box.context(.supervisor), admin = try box.context(.admin)
        #expect(RecordingsTool.export(viewer, call: 2, to: box.directory + "/v.wav").status == 1)
        #expect(RecordingsTool.export(supervisor, call: 2, to: box.directory + "/s.wav") == .init(["recording 2 exported to \(box.directory)/s.wav"]))
        #expect(CDRTool.export(viewer, from: nil, to: nil, chinese: true, path: box.directory + "/v.csv").status == 1)
        #expect(CDRTool.export(supervisor, from: "2026-03-04", to: "2026-03-04", chinese: true, path: box.directory + "/s.csv").lines == ["3 call(s) written to \(box.directory)/s.csv"])
        let csv = try Data(contentsOf: URL(fileURLWithPath: box.directory + "/s.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).contains("\r\n2,2026-03-04 10:00:00,13800138002,,sales,8001,10.0,60.0,agent-hung-up"))
        #expect(RecordingsTool.delete(supervisor, call: 1, reason: "x").status == 1)
        #expect(RecordingsTool.delete(admin, call: 1, reason: "customer request").status == 0)
        #expect(AuditTool.list(supervisor, from: nil, to: nil, json: false).status == 1)

        let audit = AuditTool.list(admin, from: nil, to: nil, json: true)
        let actions = try audit.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            .map { "\($0["user"]!) \($0["action"]!) \($0["object"]!)" }
        #expect(actions == ["user-viewer export-refused recording 2", "user-supervisor export recording 2", "user-viewer cdr-export-refused calls",
                            "user-supervisor cdr-export calls", "user-supervisor delete-refused recording 1", "user-admin delete recording 1"])
    }

    @Test("export-all writes every recording the query finds, each audited; a viewer is refused at the first")
    func exportMatching() throws {
        let box = try Box()
        defer { box.remove() }
        let out = RecordingsTool.exportMatching(try box.context(.supervisor), from: "2026-03-04", to: "2026-03-04", agent: "8001", queue: nil,
                                                into: box.directory + "/out")
        #expect(out.lines == ["3 recording(s) exported to \(box.directory)/out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.directory + "/out").sorted() == ["1.wav", "2.wav", "3.wav"])
        let refused = RecordingsTool.exportMatching(try box.context(.viewer), from: nil, to: nil, agent: nil, queue: nil, into: box.directory + "/v")
        #expect(refused.status == 1 && refused.lines.first == "0 of 3 recording(s) exported to \(box.directory)/v")
        #expect(try box.context(.admin).store.audit().map(\.action) == ["export", "export", "export", "export-refused"])
    }

    @Test("storage status counts calls and recordings and states retention and encryption")
    func storageStatus() throws {
        let box = try Box()
        defer { box.remove() }
        let out = StorageStatusTool.status(try box.context(.viewer), recordingsDirectory: nil)
        #expect(out.status == 0)
        #expect(out.lines.first == "database \(box.directory)/kefu.db: 3 call(s), 3 recording(s) (0 MB of audio), 0 flagged, 0 audit entries")
        #expect(out.lines.contains("retention: recordings 180 days (flagged 730), call records 730, audit 1095; when full: stop-recording"))
        #expect(out.lines.last == "encryption: off")
    }

    @Test("the role comes from the config's groups: root and admin_group are admins, supervisor_group supervisors, others viewers")
    func rolesFromGroups() {
        let security = SecuritySection()
        #expect(OperatorIdentity.role(uid: 0, groups: [], security: security) == .admin)
        #expect(OperatorIdentity.role(uid: 1000, groups: ["users", "kefu-admin"], security: security) == .admin)
        #expect(OperatorIdentity.role(uid: 1000, groups: ["kefu-supervisor"], security: security) == .supervisor)
        #expect(OperatorIdentity.role(uid: 1000, groups: ["users"], security: security) == .viewer)
    }
}

/// `kefu maintenance`, what the daily timer runs: a healthy database passes,
/// a damaged one is named with its problems and fails the run.
@Suite struct MaintenanceToolTests {
    @Test("maintenance on a healthy database: check ok, log folded in, disk reported, status 0")
    func healthyDatabasePasses() throws {
        let box = try StorageToolsTests.Box()
        defer { box.remove() }
        let out = MaintenanceTool.run(try box.context(.viewer), recordingsDirectory: nil)
        #expect(out.status == 0, "\(out.lines)")
        #expect(out.lines.first == "check \(box.directory)/kefu.db: ok")
        #expect(out.lines.contains("write-ahead log: folded into the database and truncated"))
        #expect(out.lines.contains { $0.hasPrefix("disk \(box.directory): database ") && $0.contains("MB free on its partition") })
        #expect(out.lines.contains { $0.hasPrefix("database \(box.directory)/kefu.db: 3 call(s), 3 recording(s)") })
        #expect(out.lines.last == "maintenance: ok")
    }

    @Test("maintenance on a database with a damaged page names the damage and exits 1")
    func damagedDatabaseFails() throws {
        let box = try StorageToolsTests.Box()
        defer { box.remove() }
        let path = box.directory + "/kefu.db"
        // Fold the log in, then overwrite the calls table's root page with noise.
        let c = try box.context(.viewer)
        _ = MaintenanceTool.run(c, recordingsDirectory: nil)
        let root = try #require(try c.store.db.statement("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'calls'").firstInt())
        let pageSize = try #require(try c.store.db.statement("PRAGMA page_size").firstInt())
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize + 8))
        var noise = SystemRandomNumberGenerator()
        try handle.write(contentsOf: Data((0..<(pageSize - 16)).map { _ in UInt8.random(in: 0...255, using: &noise) }))
        try handle.close()
        let out = MaintenanceTool.run(try box.context(.viewer), recordingsDirectory: nil)
        #expect(out.status == 1)
        #expect(out.lines.first?.hasPrefix("check \(path): DAMAGED") == true || out.lines.first?.hasPrefix("check \(path): could not be read") == true,
                "\(out.lines)")
        #expect(out.lines.last == "maintenance: PROBLEMS (above)")
    }
}
