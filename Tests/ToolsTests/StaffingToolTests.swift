import Foundation
import Testing
import Tools

@Suite struct StaffingToolTests {
    @Test func staffingMarksTheFewestAgentsThatMeetTheTarget() throws {
        let report = try StaffingTool.run(StaffingOptions())  // 300 calls/h, 180 s, 80/20
        #expect(report.needed == 19)
        let text = report.text
        #expect(text.contains { $0.hasPrefix("    19") && $0.hasSuffix("<- needed") })
        #expect(text.last == "needed on the phones: 19")
    }

    @Test func staffingWithPatienceUsesErlangAAndShrinkage() throws {
        var options = StaffingOptions()
        options.patience = 120
        options.maxAbandonRate = 0.05
        options.shrinkage = 0.3
        let report = try StaffingTool.run(options)
        let needed = try #require(report.needed)
        #expect(report.scheduled == Int((Double(needed) / 0.7).rounded(.up)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "erlang-a")
        #expect(object["needed"] as? Int == needed)
    }

    @Test func staffingRefusesNonsense() {
        var options = StaffingOptions()
        options.serviceLevel = 80
        #expect(throws: UsageError.self) { try StaffingTool.run(options) }
    }
}
