import Foundation
import Testing
import ACD
import CallControl
import KefuDaemon
import Config

/// Callbacks booked before kefud restarts are put back in their queues,
/// in the order their callers arrived: the promise of a call back survives.
@Suite struct CallbackRestartTests {
    @Test("bookings still waiting when kefud stops are back in their queue, in the same order, after a restart")
    func bookingsSurviveARestart() throws {
        var options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        options.keyScripts = [["2", "2", "1"]]  // every caller books a support callback
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let before: [String]
        do {
            let setup = try CenterLoader.load(options, unixSeconds: options.clockAtStart!.seconds).get()
            let center = try SimulatedCenter(options: options, setup: setup)
            for agent in ["8001", "8002", "8003", "8004"] { center.control.console(.pause(AgentID(agent), reason: "meeting"), now: center.now) }
            center.runVirtual(seconds: 90)
            before = center.control.flow.acd.waiting(in: "support").compactMap(\.callbackNumber)
            try #require(before.count >= 2, "callbacks are waiting when kefud stops")
            center.control.finishRecordings(now: center.now)
            center.store.stop()
        }
        var later = options
        later.clockAtStart = UnixTime(seconds: options.clockAtStart!.seconds + 120)  // back two minutes later
        let setup = try CenterLoader.load(later, unixSeconds: later.clockAtStart!.seconds).get()
        let again = try SimulatedCenter(options: later, setup: setup)
        let after = again.control.flow.acd.waiting(in: "support")
        #expect(after.compactMap(\.callbackNumber) == before, "the same bookings, in the same order")
        #expect(after.allSatisfy { $0.waited > .zero }, "their wait counts from the first call")
        #expect(again.startNotes.contains("\(before.count) callback(s) booked before the restart are back in their queues"))
    }
}
