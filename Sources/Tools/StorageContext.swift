#if canImport(Glibc)
import Glibc
#endif
import Accounts
import Config
import Records
import Sealing
import Storage

/// What the storage commands work on: the config (for the data directory,
/// time zone, groups, retention and the recording key), the database and
/// the operator running the command.
public struct StorageContext {
    public var config: KefuConfig
    public var dataDirectory: String
    public var store: CallStore
    public var key: SealingKey?
    public var who: Operator

    public init(config: KefuConfig, dataDirectory: String, store: CallStore, key: SealingKey?, who: Operator) {
        self.config = config
        self.dataDirectory = dataDirectory
        self.store = store
        self.key = key
        self.who = who
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads the config (a missing file is an error unless `dataDirectory`
    /// is given; then the defaults apply) and opens the database.
    public static func open(configPath: String, dataDirectory: String?, who: Operator? = nil) throws(Failure) -> StorageContext {
        var config = KefuConfig(file: configPath)
        if access(configPath, F_OK) == 0 || dataDirectory == nil {
            let bytes: [UInt8]
            do { bytes = try FileIO.read(configPath) } catch { throw Failure(description: "\(error)") }
            let loaded = ConfigLoader.load(String(decoding: bytes, as: UTF8.self), file: configPath)
            guard loaded.isValid else {
                throw Failure(description: loaded.diagnostics.errors.map(\.description).joined(separator: "\n") + "\n(run kefu config check \(configPath))")
            }
            config = loaded.config
        }
        let directory = dataDirectory ?? config.system.dataDirectory
        let path = directory + "/kefu.db"
        guard access(path, F_OK) == 0 else { throw Failure(description: "\(path): no database here (is the data directory right? kefud makes it at first start)") }
        let store: CallStore
        do { store = try CallStore(path: path, busyTimeoutMilliseconds: 2_000) } catch { throw Failure(description: "\(error)") }
        var key: SealingKey?
        if config.recording.encrypt {
            key = try? SealingKey(contentsOf: config.recording.keyFile)
        }
        return StorageContext(config: config, dataDirectory: directory, store: store, key: key,
                              who: who ?? OperatorIdentity.current(security: config.security))
    }

    public var vault: RecordingVault {
        RecordingVault(store: store, key: key, listenRole: config.security.recordingsAccess == "admin" ? .admin : .supervisor,
                       clock: StorageContext.nowMilliseconds)
    }

    public static func nowMilliseconds() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) * 1000 + Int64(t.tv_nsec) / 1_000_000
    }

    /// [from, to) in Unix ms for local dates "YYYY-MM-DD" (to inclusive: the day's end).
    public func range(from: String?, to: String?) throws(Failure) -> (Int64, Int64) {
        let zone = config.system.timeZone
        func day(_ text: String, _ what: String) throws(Failure) -> CivilDate {
            guard let date = CivilDate(text) else { throw Failure(description: "--\(what) '\(text)' is not a date YYYY-MM-DD") }
            return date
        }
        let start = try from.map { text throws(Failure) in zone.instant(try day(text, "from"), hour: 0).seconds * 1000 } ?? 0
        let end = try to.map { text throws(Failure) in zone.instant(try day(text, "to"), hour: 0).seconds * 1000 + 86_400_000 } ?? Int64.max
        guard start < end else { throw Failure(description: "--from is after --to") }
        return (start, end)
    }

    /// "YYYY-MM-DD HH:MM:SS" in the box's time zone.
    public func local(_ milliseconds: Int64) -> String {
        LocalTimestamp(unixMilliseconds: milliseconds, utcOffsetSeconds: config.system.timeZone.seconds).description
    }
}
