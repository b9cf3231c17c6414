import Records
import Sealing

/// At start-up, before any call: recordings the database still shows as
/// being written (the box crashed or lost power) are repaired and their
/// rows completed; calls still shown in progress are marked interrupted.
public enum StorageRecovery {
    public struct Report: Sendable, Equatable {
        public var repairedRecordings: [Int64] = []
        /// Recordings whose file could not be repaired, and why.
        public var failed: [String] = []
        public var interruptedCalls: [Int64] = []

        public var lines: [String] {
            var out: [String] = []
            if !repairedRecordings.isEmpty { out.append("repaired \(repairedRecordings.count) recording(s) left open by a stop without shutdown") }
            if !interruptedCalls.isEmpty { out.append("\(interruptedCalls.count) call(s) were in progress at the stop; marked interrupted") }
            out += failed
            return out
        }
    }

    public static func recover(_ store: CallStore, key: SealingKey?) throws(SQLiteError) -> Report {
        var report = Report()
        let open = try store.db.statement("SELECT call_id, path, started_ms FROM recordings WHERE state = 'recording' ORDER BY call_id")
            .rows { ($0.int64(0), $0.string(1), $0.int64(2)) }
        var ends: [Int64: Int64] = [:]
        for (callID, path, started) in open {
            do {
                let bytes = try RecordingRepair.repair(path: path, key: key)
                let ended = started + bytes / 32
                ends[callID] = ended
                try store.apply(.recordingFinished(RecordingEnd(callID: callID, ended: ended, bytes: bytes, state: .repaired,
                                                                note: "the box stopped during the call; kept up to the cut")))
                report.repairedRecordings.append(callID)
            } catch {
                try store.apply(.recordingFinished(RecordingEnd(callID: callID, ended: started, bytes: 0, state: .cutShort,
                                                                note: "not repaired: \(error)")))
                report.failed.append("recording \(callID) not repaired: \(error)")
            }
        }
        let interrupted = try store.db.statement("SELECT id FROM calls WHERE state = 'in-progress' ORDER BY id").rows { $0.int64(0) }
        for id in interrupted {
            try store.markInterrupted(id, ended: ends[id])
        }
        report.interruptedCalls = interrupted
        return report
    }
}
