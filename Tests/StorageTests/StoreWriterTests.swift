import Foundation
import Records
import Storage
import Testing

@Suite struct StoreWriterTests {
    @Test("while another connection holds the write lock nothing is lost: items wait, the failure shows, and all land once it is released")
    func busyDatabaseLosesNothing() throws {
        let scratch = Scratch("busy")
        defer { scratch.remove() }
        let path = scratch.path + "/kefu.db"
        let writer = try StoreWriter(path: path, retryMilliseconds: 20)
        let blocker = try SQLiteDatabase(path: path, busyTimeoutMilliseconds: 0)
        try blocker.execute("BEGIN IMMEDIATE")
        for i in 1...50 { writer.enqueue(.callStarted(callID: Int64(i), line: 1, arrived: Int64(i))) }
        // The writer cannot commit while the lock is held.
        #expect(!writer.flush(timeoutMilliseconds: 600))
        #expect(writer.status.pending == 50)
        #expect(writer.status.failing?.contains("locked") == true)
        try blocker.execute("COMMIT")
        #expect(writer.flush(timeoutMilliseconds: 10_000))
        let status = writer.status
        #expect(status.pending == 0 && status.written == 50 && status.refused == 0 && status.failing == nil)
        writer.stop()
        #expect(try CallStore(path: path).lastCallID() == 50)
    }

    @Test("an item the database refuses for good is dropped alone and reported; the rest of its batch is written")
    func refusedItemDroppedAlone() throws {
        let scratch = Scratch("refused")
        defer { scratch.remove() }
        let path = scratch.path + "/kefu.db"
        let writer = try StoreWriter(path: path, retryMilliseconds: 20)
        // A recording's end whose start was never stored updates nothing (not
        // an error); a call_data row for an unknown call violates its foreign key.
        var bad = CallDetail(callID: 9, line: 1, arrived: 5)
        bad.data = ["k": "v"]
        let store = try CallStore(path: path)
        try store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON calls WHEN NEW.id = 9 BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")
        writer.enqueue([.callStarted(callID: 1, line: 1, arrived: 1), .callFinished(bad, telemetry: CallTelemetry()),
                        .callStarted(callID: 2, line: 1, arrived: 2)])
        #expect(writer.flush())
        writer.stop()
        #expect(writer.status.written == 2)
        #expect(writer.status.refused == 1)
        #expect(writer.problems.count == 1 && writer.problems[0].contains("refused for the test"))
        #expect(try store.callState(1) == "in-progress" && store.callState(2) == "in-progress" && store.callState(9) == nil)
    }
}
