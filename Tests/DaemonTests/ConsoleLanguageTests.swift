import Foundation
import Testing
import Accounts
import Console
import KefuDaemon
import Storage

/// The console's tables speak the operator's language: Chinese headings
/// when the request asks for zh, English otherwise; the data is the same.
@Suite struct ConsoleLanguageTests {
    @Test("agents and queues tables have Chinese headings for a zh request and English ones otherwise")
    func tableHeadingsFollowTheLanguage() throws {
        let options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 5)
        let service = try ConsoleService(center: center)
        let viewer = Operator(name: "guest", role: .viewer)
        let zhAgents = service.run(ConsoleRequest(arguments: ["agents"], language: .chinese), as: viewer)
        let enAgents = service.run(ConsoleRequest(arguments: ["agents"], language: .english), as: viewer)
        #expect(zhAgents.lines.first?.hasPrefix("坐席") == true, "\(zhAgents.lines.first ?? "")")
        #expect(enAgents.lines.first?.hasPrefix("AGENT") == true)
        #expect(zhAgents.lines.count == enAgents.lines.count, "the same rows in both languages")
        let zhQueues = service.run(ConsoleRequest(arguments: ["queues"], language: .chinese), as: viewer)
        #expect(zhQueues.lines.first?.contains("服务水平") == true)
        #expect(zhQueues.lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) } == ["sales", "support"],
                "agents' personal queues stay out of the table until they have had callers")
        let zhStatus = service.run(ConsoleRequest(arguments: ["status"], language: .chinese), as: viewer)
        #expect(zhStatus.lines.contains { $0.hasPrefix("外线 8") })
        #expect(zhStatus.lines.contains("板卡 SPANS") && zhStatus.lines.contains { $0.contains("span 1") && $0.hasSuffix("OK") },
                "status lists the spans and their alarms")
    }

    @Test("messages and callbacks speak Chinese for a zh request and English otherwise")
    func mailboxesFollowTheLanguage() throws {
        let options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 1)
        let service = try ConsoleService(center: center)
        let supervisor = Operator(name: "lead", role: .supervisor)
        func run(_ words: [String], _ language: ConsoleLanguage) -> [String] {
            service.run(ConsoleRequest(arguments: words, language: language), as: supervisor).lines
        }
        #expect(run(["messages"], .chinese) == ["没有留言"])
        #expect(run(["messages"], .english) == ["no messages"])
        #expect(run(["messages", "sales"], .chinese) == ["没有留言: sales"])
        #expect(run(["callbacks"], .chinese) == ["没有待回拨的预约"])
        #expect(run(["callbacks"], .english) == ["no callbacks waiting"])
    }

    @Test("caller history, recordings, audit, help and argument errors speak Chinese for a zh request and English otherwise")
    func historyAndRecordsFollowTheLanguage() throws {
        let options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 1)
        let service = try ConsoleService(center: center)
        let admin = Operator(name: "root", role: .admin)
        func run(_ words: [String], _ language: ConsoleLanguage) -> ConsoleOutput {
            service.run(ConsoleRequest(arguments: words, language: language), as: admin)
        }
        // Before any change, so no audit entry is being written between the two.
        let zhAudit = run(["audit", "list"], .chinese).lines, enAudit = run(["audit", "list"], .english).lines
        #expect(zhAudit.first?.hasPrefix("时间") == true && enAudit.first?.hasPrefix("TIME") == true, "\(zhAudit)")
        #expect(zhAudit.count == enAudit.count)
        #expect(run(["caller", "13900000000"], .chinese).lines == ["没有来自 13900000000 的呼叫"])
        #expect(run(["caller", "13900000000"], .english).lines == ["no calls from 13900000000"])
        #expect(run(["caller", "note", "13900000000", "回电"], .chinese).lines == ["已为 13900000000 添加备注"])
        let zhCaller = run(["caller", "13900000000"], .chinese).lines, enCaller = run(["caller", "13900000000"], .english).lines
        #expect(Array(zhCaller.prefix(2)) == ["13900000000: 来电 0 次", "备注"])
        #expect(Array(enCaller.prefix(2)) == ["13900000000: 0 call(s)", "NOTES"])
        #expect(zhCaller.dropFirst(2) == enCaller.dropFirst(2), "the notes themselves are the same")

        let zhList = run(["recordings", "list"], .chinese).lines, enList = run(["recordings", "list"], .english).lines
        #expect(zhList.first?.hasPrefix("呼叫    开始时间") == true && enList.first?.hasPrefix("CALL    STARTED") == true)
        #expect(zhList.count == enList.count)
        #expect(run(["recordings", "info", "x"], .chinese).errors == ["'x' 不是呼叫编号"])
        #expect(run(["recordings", "info", "x"], .english).errors == ["'x' is not a call number"])
        #expect(run(["recordings", "info", "99"], .chinese).errors == ["录音 99: 不存在"])

        #expect(run(["help", "nosuch"], .chinese).errors == ["没有以 'nosuch' 开头的命令"])
        #expect(run(["help", "nosuch"], .english).errors == ["no command starts with 'nosuch'"])
    }

    @Test("config diff, apply and rollback give their fixed messages in Chinese for a zh request and English otherwise")
    func configMessagesFollowTheLanguage() throws {
        let path = try ConfigApplyTests().copyOfExampleConfig()
        let options = SimulatedCenterTests.options(config: path)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 1)
        let service = try ConsoleService(center: center)
        let admin = Operator(name: "root", role: .admin)
        func run(_ words: [String], _ language: ConsoleLanguage) -> ConsoleOutput {
            service.run(ConsoleRequest(arguments: words, language: language), as: admin)
        }
        #expect(run(["config", "diff"], .chinese).lines == ["\(path) 与 kefud 正在运行的配置相同"])
        #expect(run(["config", "diff"], .english).lines == ["\(path) is what kefud is running"])
        #expect(run(["config", "rollback"], .chinese).errors == ["无可回滚: 启动以来没有应用过配置"])
        #expect(run(["config", "rollback"], .english).errors == ["nothing to roll back: no config was applied since start"])
        try ConfigApplyTests().edit(path) { $0.replacingOccurrences(of: "max_wait = 180", with: "max_wait = 120") }
        let diff = run(["config", "diff"], .chinese).lines
        #expect(diff.first == "\(path) 与运行中配置的差异:" && diff.count > 1)
        #expect(run(["config", "apply"], .chinese).lines.last == "\(path) 已生效; 进行中的呼叫继续 (新呼叫使用新配置)")
        #expect(run(["config", "rollback"], .english).lines.last
                == "\(path) rolled back to the config that ran before the last apply; calls in progress go on")
        try ConfigApplyTests().edit(path) { $0.replacingOccurrences(of: "max_wait = 180", with: "max_wait = \"soon\"") }
        let refused = run(["config", "apply"], .chinese)
        #expect(refused.status == 1 && refused.errors.last == "\(path) 未生效: 运行中的配置保持不变")
        #expect(refused.errors.contains { $0.contains(": 错误: [queues.sales] 中的 'max_wait' 必须是秒数") }, "the checker's reason is Chinese too")
    }
}

/// Command answers in the operator's language: acknowledgements and refusals.
@Suite struct ConsoleAnswerLanguageTests {
    @Test func agentCallAndMessageAnswersAreChineseForAZhRequest() throws {
        let options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 5)
        let service = try ConsoleService(center: center)
        let boss = Operator(name: "wang", role: .supervisor)
        func zh(_ words: [String]) -> ConsoleOutput { service.run(ConsoleRequest(arguments: words, language: .chinese), as: boss) }
        func en(_ words: [String]) -> ConsoleOutput { service.run(ConsoleRequest(arguments: words, language: .english), as: boss) }
        #expect(zh(["agent", "pause", "9999"]).errors.first?.hasPrefix("没有坐席 9999") == true)
        #expect(en(["agent", "pause", "9999"]).errors.first?.hasPrefix("no agent 9999") == true)
        #expect(zh(["calls", "hangup", "call-999999"]).errors == ["没有进行中的 call-999999"])
        #expect(zh(["calls", "listen", "call-999999", "0"]).errors == ["监听时长须为 1 到 3600 秒, 而不是 '0'"])
        #expect(zh(["calls", "transfer", "call-999999", "queue", "support"]).errors == ["没有进行中的 call-999999"])
        #expect(zh(["calls", "show", "call-999999"]).errors == ["没有 call-999999"])
        #expect(zh(["messages", "heard", "x"]).errors == ["'x' 不是留言编号"])
        #expect(en(["messages", "heard", "77"]).errors == ["no message #77"])
    }
}
