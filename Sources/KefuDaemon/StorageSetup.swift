#if canImport(Glibc)
import Glibc
#endif
import Accounts
import Config
import Records
import Sealing
import Storage

/// Opens the box's storage at start: the data directory, the database
/// (migrated), the recording key when recordings are sealed, and the repair
/// of whatever a stop without shutdown left open.
enum StorageSetup {
    struct Opened {
        var writer: StoreWriter
        var lastCallID: Int64
        var key: SealingKey?
        var notes: [String]
        var databasePath: String
        var groupID: UInt32?
    }

    /// The id of [recording] file_group.
    static func group(_ name: String) throws(StartupFailure) -> UInt32 {
        guard let id = SystemAccounts.groupID(name) else {
            throw StartupFailure(["[recording] file_group '\(name)' is not a group on this box (create it with groupadd, or remove the key)"])
        }
        return id
    }

    /// The config's retention rules, for the housekeeper.
    static func retention(_ config: KefuConfig, recordingsDirectory: String) throws(StartupFailure) -> RetentionRunner.Settings {
        var queueDays: [String: Int] = [:]
        for q in config.queues { if let d = q.recordingsDays { queueDays[q.name] = d } }
        do {
            let rules = try RetentionRules(days: config.retention.recordingsDays, queueDays: queueDays,
                                           flaggedDays: config.retention.flaggedRecordingsDays,
                                           minFreeBytes: Int64(config.recording.minFreeMB) * 1_048_576,
                                           whenFull: config.retention.whenFull == .deleteOldest ? .deleteOldest : .stopRecording)
            var settings = RetentionRunner.Settings(rules: rules, callsDays: config.retention.callsDays, auditDays: config.retention.auditDays,
                                                    recordingsDirectory: recordingsDirectory)
            settings.messagesDays = config.retention.voicemailDays
            return settings
        } catch {
            throw StartupFailure(["\(config.file): \(error)"])
        }
    }

    static func open(dataDirectory: String, recording: RecordingSection) throws(StartupFailure) -> Opened {
        if mkdir(dataDirectory, 0o750) != 0 && errno != EEXIST {
            throw StartupFailure(["\(dataDirectory): cannot create the data directory: \(String(cString: strerror(errno)))"])
        }
        let groupID = try recording.fileGroup.map { name throws(StartupFailure) in try group(name) }
        var key: SealingKey?
        if recording.encrypt {
            do { key = try SealingKey(contentsOf: recording.keyFile) } catch {
                throw StartupFailure(["[recording] encrypt = true, but the key cannot be used: \(error)"])
            }
        }
        let path = dataDirectory + "/kefu.db"
        do {
            let store = try CallStore(path: path)
            // Members of the recordings' group may read the database (listing); writing stays the daemon's.
            _ = chmod(path, 0o640)
            if let groupID { _ = chown(path, uid_t.max, groupID) }
            let report = try StorageRecovery.recover(store, key: key)
            let last = try store.lastCallID()
            let writer = try StoreWriter(path: path)
            return Opened(writer: writer, lastCallID: last, key: key, notes: report.lines, databasePath: path, groupID: groupID)
        } catch {
            throw StartupFailure(["\(path): \(error)"])
        }
    }
}
