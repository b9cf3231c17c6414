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
}
