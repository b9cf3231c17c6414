import Foundation
import Testing
import CallControl
import DSP
import KefuDaemon
import SimChannels
import Telephony

/// kefud's whole graph on the simulated board, in virtual time.
@Suite struct SimulatedCenterTests {
    func center(seconds: Double, callsPerMinute: Double = 12, agents: Int = 4, lines: Int = 8, seed: UInt64 = 7) -> (SimulatedCenter, String) {
        var options = CenterOptions()
        options.lines = lines
        options.agents = agents
        options.callsPerMinute = callsPerMinute
        options.meanTalkSeconds = 30
        options.seed = seed
        options.dataDirectory = NSTemporaryDirectory() + "kefu-center-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let center = SimulatedCenter(options: options)
        center.runVirtual(seconds: seconds)
        return (center, options.dataDirectory)
    }

    @Test func fiveSimulatedMinutesAccountForEveryCallAndRecordEveryConversation() throws {
        let (center, directory) = center(seconds: 300)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let records = center.control.records
        let world = try #require(center.world).counts
        #expect(world.arrived > 30, "about 60 calls expected at 12 per minute")
        // Every arrival is blocked, still in progress, or has a finished record.
        let inProgress = center.control.flow.calls.count
        #expect(world.arrived == world.blocked + records.count + inProgress)
        // Callers who reached an agent are exactly the records connected to one (or still talking).
        let connected = records.filter { $0.connected != nil }.count
        let talkingNow = center.control.flow.lines.values.filter { if case .talking = $0 { return true } else { return false } }.count
        #expect(world.reachedAgent == connected + talkingNow)
        #expect(connected > 10)
        // Both ways of hanging up occur and are told apart.
        #expect(records.contains { $0.end == .callerBusyTone })
        #expect(records.contains { $0.end == .callerLoopCurrentDrop })
        #expect(records.contains { $0.end == .agentHungUp })
        // Caller ID sent between the rings is on the record.
        #expect(records.filter { $0.answered != nil }.allSatisfy { $0.callerID?.number?.hasPrefix("1380013") == true })
        // Every connected call left a playable stereo recording.
        #expect(center.control.writer.finished.count == connected)
        for path in center.control.writer.finished {
            let audio = try WAVCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(audio.channels.count == 2)
            #expect(audio.frameCount > 0)
        }
        #expect(center.media.statistics.eventsDropped == 0)
        #expect(center.control.commandsRefused == 0)
        #expect(center.control.problems.isEmpty)
    }

    @Test func sameSeedGivesTheSameDay() {
        let (a, da) = center(seconds: 60, seed: 3)
        let (b, db) = center(seconds: 60, seed: 3)
        defer { try? FileManager.default.removeItem(atPath: da); try? FileManager.default.removeItem(atPath: db) }
        #expect(a.control.records == b.control.records)
        #expect(a.world?.counts == b.world?.counts)
    }

    @Test func moreCallsThanAgentsQueueAndAreServedInArrivalOrder() {
        let (center, directory) = center(seconds: 200, callsPerMinute: 20, agents: 1, lines: 4)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let connected = center.control.records.filter { $0.connected != nil }
        #expect(connected.count >= 2)
        // First come, first served: connection order follows answer order.
        let byConnection = connected.sorted { $0.connected! < $1.connected! }
        let answerOrder = byConnection.map { $0.answered! }
        #expect(answerOrder == answerOrder.sorted())
        #expect(center.control.records.contains { $0.connected == nil && $0.answered != nil }, "some callers give up waiting")
    }

    @Test func liveViewShowsLinesAgentsAndCounts() {
        let (center, directory) = center(seconds: 20)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = LiveView.render(flow: center.control.flow, records: center.control.records, world: center.world?.counts,
                                   statistics: center.media.statistics, overruns: 0, now: center.now).joined(separator: "\n")
        #expect(text.contains("LINES"))
        #expect(text.contains("AGENTS"))
        #expect(text.contains("ch1 "))
        #expect(text.contains("ch9 "))
        #expect(text.contains("CALLS finished \(center.control.records.count)"))
    }

    @Test func missingPromptFilesAreReplacedAndSaidSo() {
        let prompts = PromptSet(directory: "/nonexistent")
        #expect(prompts.notes.count == 2)
        #expect(prompts.notes[0].contains("/nonexistent/greeting.wav: missing"))
    }
}
