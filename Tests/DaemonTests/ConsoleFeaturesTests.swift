import Foundation
import Testing
import Accounts
import Console
import KefuDaemon
import Storage

/// `kefu features`: the codes of the running config, for the card beside each phone.
@Suite struct ConsoleFeaturesTests {
    @Test func featuresListTheRunningConfigsCodesInEitherLanguageAndAsJSON() throws {
        let options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 1)
        let service = try ConsoleService(center: center)
        let viewer = Operator(name: "guest", role: .viewer)
        let en = service.run(ConsoleRequest(arguments: ["features"]), as: viewer)
        #expect(en.status == 0)
        #expect(en.lines.contains { $0.hasPrefix("  *1 [AGENT]") && $0.contains("log in") })
        #expect(en.lines.contains { $0.hasPrefix("  *51 AGENT") && $0.contains("supervisors: 8004") })
        #expect(en.lines.contains { $0.hasPrefix("  flash 601 #") && $0.contains("queue sales") })
        #expect(en.lines.contains { $0.hasPrefix("  flash 602 #") && $0.contains("queue support") })
        #expect(en.lines.contains { $0.contains("pause reasons: 1 break, 2 lunch, 3 meeting, 4 training") })
        let zh = service.run(ConsoleRequest(arguments: ["features"], language: .chinese), as: viewer)
        #expect(zh.lines.first == "空闲话机上拨 (以 # 结束或停顿)")
        #expect(zh.lines.count == en.lines.count)
        let json = service.run(ConsoleRequest(arguments: ["features"], json: true), as: viewer)
        let rows = try json.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(rows.contains { $0?["keys"] == "*53 AGENT" && $0?["when"] == "idle" })
        #expect(rows.count == en.lines.count - 4, "one row per code (the text adds four headings)")
    }
}
