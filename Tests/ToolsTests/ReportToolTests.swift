import Foundation
import Testing
import Records
import Reports
import Storage
import Tools

/// `kefu report` on a database: the figures come from the stored calls and
/// agent states (so they survive restarts), checked against hand-computed values.
@Suite struct ReportToolTests {
    @Test("a day's report from the database: offered, answered, abandoned, SL, ASA, AHT with wrap-up, occupancy; viewers are refused")
    func dayReportFromDatabase() throws {
        let box = try StorageToolsTests.Box()
        defer { box.remove() }
        let noon = StorageToolsTests.day + 12 * 3_600_000
        let store = try CallStore(path: box.directory + "/kefu.db")
        // Call 10: joins sales at 12:00:05, answered by 8001 at 12:00:15 (10 s), talks 60 s.
        var answered = CallDetail(callID: 10, line: 1, arrived: noon)
        answered.callerNumber = "13900000010"; answered.queue = "sales"; answered.agent = "8001"
        answered.queued = noon + 5_000; answered.connected = noon + 15_000; answered.ended = noon + 75_000; answered.endReason = "agent-hung-up"
        // Call 11: joins sales at 12:10:05 and hangs up after 30 s.
        var abandoned = CallDetail(callID: 11, line: 2, arrived: noon + 600_000)
        abandoned.callerNumber = "13900000011"; abandoned.queue = "sales"
        abandoned.queued = noon + 605_000; abandoned.ended = noon + 635_000; abandoned.endReason = "caller-loop-drop"
        let states = [StoredAgentState(agent: "8001", state: "available", at: noon),
                      StoredAgentState(agent: "8001", state: "ringing", callID: 10, at: noon + 5_000),
                      StoredAgentState(agent: "8001", state: "on-call", callID: 10, at: noon + 15_000),
                      StoredAgentState(agent: "8001", state: "wrap-up", callID: 10, at: noon + 75_000),
                      StoredAgentState(agent: "8001", state: "available", at: noon + 85_000),
                      StoredAgentState(agent: "8001", state: "logged-out", at: noon + 3_600_000)]
        try store.write([.callFinished(answered, telemetry: CallTelemetry()), .callFinished(abandoned, telemetry: CallTelemetry())]
                        + states.map(StoreItem.agentState))

        let c = try box.context(.supervisor)
        let report = try ReportTool.compute(c, from: "2026-03-04", to: nil, now: StorageToolsTests.day + 86_400_000 * 2)
        let sales = try #require(report.queues.first { $0.queue == "sales" }).calls
        #expect(sales.offered == 2 && sales.answered == 1 && sales.abandoned == 1 && sales.shortAbandons == 0)
        #expect(sales.serviceLevelPercent == 50)          // 1 of 2 within 20 s
        #expect(sales.averageSpeedOfAnswerSeconds == 10)  // 12:00:05 → 12:00:15
        #expect(sales.averageHandleSeconds == 70)         // 60 s talk + 10 s wrap-up
        #expect(report.callsNotQueued == 3)               // the fixture's three calls never joined a queue
        let agent = try #require(report.agents.first { $0.agent == "8001" })
        #expect(agent.time.loggedInMilliseconds == 3_600_000)
        #expect(agent.occupancyPercent.map { abs($0 - 70.0 / 36.0) < 1e-9 } == true)  // 70 s of 3600 s

        let text = ReportTool.run(c, from: "2026-03-04", to: nil, json: false, chinese: false, csvDirectory: nil)
        #expect(text.lines.contains("  sales     2       1        1       0     50.0%/20s   10.0   70.0   -      -      100.0%"))
        let chinese = ReportTool.run(c, from: "2026-03-04", to: nil, json: false, chinese: true, csvDirectory: nil).lines
        #expect(chinese.contains("  队列      呼入    接通     放弃    短放弃 服务水平    应答秒 处理秒 满意   不满意 首次解决"))
        #expect(chinese.contains("  sales     2       1        1       0     50.0%/20s   10.0   70.0   -      -      100.0%"),
                "the figures line up under the Chinese headings as under the English ones")
        #expect(chinese.contains { $0.hasPrefix("  坐席   接通     处理秒 签入") })
        let json = ReportTool.run(c, from: "2026-03-04", to: nil, json: true, chinese: false, csvDirectory: nil)
        let rows = try json.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.first { $0["queue"] as? String == "sales" }?["service_level"] as? String == "50.0")
        #expect(ReportTool.run(try box.context(.viewer), from: nil, to: nil, json: false, chinese: false, csvDirectory: nil).status == 1)

        let exported = ReportTool.run(c, from: "2026-03-04", to: nil, json: false, chinese: true, csvDirectory: box.directory + "/report")
        #expect(exported.status == 0)
        let queues = String(decoding: try Data(contentsOf: URL(fileURLWithPath: box.directory + "/report/queues.csv")), as: UTF8.self)
        #expect(queues.hasPrefix("\u{FEFF}队列,"))
        #expect(try store.audit().last?.action == "report-export")
    }
}
