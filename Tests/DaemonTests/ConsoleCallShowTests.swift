import Foundation
import Testing
import Accounts
import Console
import KefuDaemon
import Storage

/// `kefu calls show CALL`: a finished call with each step through queues and agents.
@Suite struct ConsoleCallShowTests {
    @Test func aFinishedCallShowsItsEndAndEachStepAndJSONCarriesTheSame() throws {
        var options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig, callsPerMinute: 30)
        options.meanTalkSeconds = 20
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 150)
        let service = try ConsoleService(center: center)
        let viewer = Operator(name: "guest", role: .viewer)
        let store = try CallStore(path: center.dataDirectory + "/kefu.db")
        let answered = try #require(try store.calls(from: 0, to: .max).first { $0.agent != nil && $0.ended != nil }, "a call with an agent finished")
        let shown = service.run(ConsoleRequest(arguments: ["calls", "show", "call-\(answered.callID)"]), as: viewer)
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.lines.first?.hasPrefix("call-\(answered.callID)  in  line \(answered.line)") == true)
        #expect(shown.lines.contains { $0.contains("ended") && $0.contains(answered.endReason ?? "?") })
        #expect(shown.lines.contains("STEPS"))
        #expect(shown.lines.contains { $0.contains("answered  \(answered.agent!)") }, "\(shown.lines)")
        let json = service.run(ConsoleRequest(arguments: ["calls", "show", "\(answered.callID)"], json: true), as: viewer)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(json.lines[0].utf8)) as? [String: Any])
        #expect(row["agent"] as? String == answered.agent)
        #expect((row["steps"] as? String)?.contains("answered:") == true)
        #expect(service.run(ConsoleRequest(arguments: ["calls", "show", "call-999999"]), as: viewer).errors == ["no call-999999"])
        if let live = center.control.flow.calls.keys.first {
            #expect(service.run(ConsoleRequest(arguments: ["calls", "show", "\(live)"]), as: viewer).errors
                    == ["\(live) is in progress: its record is written when it ends (see calls)"])
        }
    }
}
