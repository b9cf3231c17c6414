import Foundation
import Testing
import CallControl
import Config
import KefuDaemon
import Records
import Storage

/// The daemon's graph keeps its calls in the database: what call control
/// finished is what the store holds, recordings have rows with quality
/// figures, and a restart carries on the numbering.
@Suite struct CenterStorageTests {
    @Test("every finished call is in the database as call control recorded it, every recording has a complete row with quality figures, and a restart numbers new calls above the old")
    func callsStoredAndNumberedAcrossRestarts() throws {
        var options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let first = try SimulatedCenterTests.center(options, seconds: 240)
        first.control.finishRecordings(now: first.now)
        first.store.stop()
        #expect(first.store.status.pending == 0 && first.store.problems.isEmpty)
        let records = first.control.records
        #expect(records.count > 10)
        let inProgress = first.control.flow.calls.keys.map { Int64($0.rawValue) }

        let store = try CallStore(path: options.dataDirectory! + "/kefu.db")
        let start = options.clockAtStart!.seconds * 1000
        for record in records {
            let stored = try #require(try store.call(Int64(record.id.rawValue)))
            #expect(stored.arrived == start + record.arrived.milliseconds)
            #expect(stored.connected == record.connected.map { start + $0.milliseconds })
            #expect(stored.queued == record.queued.map { start + $0.milliseconds })
            #expect(stored.endReason == record.end?.rawValue)
            #expect(stored.queue == record.queue && stored.agent == record.agentID)
            #expect(stored.menuPath == record.menuPath && stored.data == record.data && stored.surveyScore == record.surveyScore)
            #expect(stored.callerNumber == record.callerID?.number ?? record.dialled)
            #expect(stored.direction == record.direction.rawValue && stored.origin == record.origin.map { Int64($0.rawValue) })
            #expect(try store.callState(Int64(record.id.rawValue)) == "finished")
        }
        let recorded = records.filter(\.recording)
        #expect(!recorded.isEmpty)
        for record in recorded {
            let row = try #require(try store.recording(Int64(record.id.rawValue)))
            #expect(row.state == "complete")
            #expect(row.bytes > 0 && FileManager.default.fileExists(atPath: row.path))
            #expect(row.score != nil && row.agent == record.agentID)
        }
        // Queue events and agent states went to the database too.
        let events = try store.queueEvents(call: Int64(recorded[0].id.rawValue))
        #expect(events.first?.kind == "joined" && events.contains { $0.kind == "answered" })
        // Calls still in progress at the stop are kept, marked interrupted.
        #expect(!inProgress.isEmpty)
        for id in inProgress {
            #expect(try store.callState(id) == "interrupted")
            #expect(try store.call(id)?.endReason == "interrupted")
        }
        let last = try store.lastCallID()

        // Restart on the same data directory.
        options.seed = 8
        let second = try SimulatedCenterTests.center(options, seconds: 60)
        second.control.finishRecordings(now: second.now)
        second.store.stop()
        let newIDs = second.control.records.map { Int64($0.id.rawValue) }
        #expect(!newIDs.isEmpty && newIDs.allSatisfy { $0 > last })
    }
}
