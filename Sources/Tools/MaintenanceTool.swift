#if canImport(Glibc)
import Glibc
#endif
import Storage

/// `kefu maintenance`: what the box's daily timer runs (systemd/kefu-maintenance.timer)
/// beside kefud, which keeps running. Retention is kefud's own hourly job;
/// this checks what nothing else checks while the box is up:
///   1. the database's structure (`PRAGMA quick_check`: every page and index
///      entry readable and consistent; a damaged disk shows here first);
///   2. the write-ahead log folded back into kefu.db (`wal_checkpoint(TRUNCATE)`;
///      kefud's own checkpoints never shrink the file);
///   3. `PRAGMA optimize` (query statistics for the report queries);
///   4. the disk: the database's size and the free space of its partition,
///      then `kefu storage`'s lines (recordings, floor, days until full).
/// Status 1 when the database fails its check or the recordings' disk is
/// below its floor, so the unit fails and `systemctl --failed` shows it.
public enum MaintenanceTool {
    public static func run(_ c: StorageContext, recordingsDirectory: String?) -> RecordingsTool.Output {
        let db = c.store.db
        var lines: [String] = []
        var status: Int32 = 0
        let path = c.dataDirectory + "/kefu.db"

        do {
            let problems = try db.statement("PRAGMA quick_check(20)").rows { $0.string(0) }
            if problems == ["ok"] {
                lines.append("check \(path): ok")
            } else {
                status = 1
                lines.append("check \(path): DAMAGED, \(problems.count) problem(s) (first 20 shown); copy the data off and restore from a backup")
                lines += problems.map { "  " + $0 }
            }
        } catch {
            status = 1
            lines.append("check \(path): could not be read: \(error)")
        }

        do {
            let result = try db.statement("PRAGMA wal_checkpoint(TRUNCATE)").rows { ($0.int(0), $0.int(1), $0.int(2)) }
            if let (busy, logPages, moved) = result.first {
                lines.append(busy != 0
                    ? "write-ahead log: \(moved) of \(logPages) page(s) copied; not truncated, kefud was writing (next run)"
                    : "write-ahead log: folded into the database and truncated")
            }
        } catch {
            lines.append("write-ahead log: checkpoint failed: \(error)")
        }

        do {
            try db.execute("PRAGMA optimize")
            lines.append("optimize: done")
        } catch {
            lines.append("optimize: failed: \(error)")
        }

        let size = fileBytes(path) + fileBytes(path + "-wal")
        let free = RecordingWriter.freeBytes(c.dataDirectory)
        lines.append("disk \(c.dataDirectory): database \(size / 1_048_576) MB"
                     + (free.map { ", \($0 / 1_048_576) MB free on its partition" } ?? ", free space unknown"))

        let storage = StorageStatusTool.status(c, recordingsDirectory: recordingsDirectory)
        if storage.status != 0 { status = 1 }
        lines += storage.lines
        if lines.contains(where: { $0.contains("BELOW THE FLOOR") }) { status = 1 }
        lines.append(status == 0 ? "maintenance: ok" : "maintenance: PROBLEMS (above)")
        return RecordingsTool.Output(lines, status: status)
    }

    static func fileBytes(_ path: String) -> Int64 {
        var s = stat()
        return stat(path, &s) == 0 ? Int64(s.st_size) : 0
    }
}
