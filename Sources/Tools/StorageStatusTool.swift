import Records
import Storage

/// `kefu storage`: the database's counts, the recordings' disk (free space,
/// the floor, days until full at the last week's pace) and what retention keeps.
public enum StorageStatusTool {
    public static func status(_ c: StorageContext, recordingsDirectory: String?) -> RecordingsTool.Output {
        do {
            let s = try c.store.summary()
            let directory = recordingsDirectory ?? c.config.recording.directory
            let floor = Int64(c.config.recording.minFreeMB) * 1_048_576
            var lines = ["database \(c.dataDirectory)/kefu.db: \(s.calls) call(s), \(s.recordings) recording(s) (\(s.recordingBytes / 1_048_576) MB of audio), \(s.flagged) flagged, \(s.auditEntries) audit entr\(s.auditEntries == 1 ? "y" : "ies")"]
            if s.openRecordings > 0 { lines.append("\(s.openRecordings) recording(s) being written (or left open by a stop; kefud repairs them at start)") }
            if let free = RecordingWriter.freeBytes(directory) {
                let daily = try c.store.dailyRecordedBytes(now: StorageContext.nowMilliseconds())
                let days = DiskForecast.daysUntilFull(dailyBytes: daily, freeBytes: free, floorBytes: floor)
                lines.append("recordings \(directory): \(free / 1_048_576) MB free, floor \(floor / 1_048_576) MB"
                             + (free < floor ? " — BELOW THE FLOOR: recording is stopped" : "")
                             + (days.map { "; full in about \(Int($0.rounded(.down))) day(s) at the recent pace" } ?? "; not filling"))
            } else {
                lines.append("recordings \(directory): not there yet")
            }
            let r = c.config.retention
            lines.append("retention: recordings \(r.recordingsDays) days (flagged \(r.flaggedRecordingsDays)), call records \(r.callsDays), audit \(r.auditDays); when full: \(r.whenFull.rawValue)")
            lines.append("encryption: " + (c.config.recording.encrypt ? (c.key.map { "on, key \($0.keyID)" } ?? "on, but the key \(c.config.recording.keyFile) cannot be read by \(c.who.name)") : "off"))
            return RecordingsTool.Output(lines)
        } catch { return .failed("\(error)") }
    }
}
