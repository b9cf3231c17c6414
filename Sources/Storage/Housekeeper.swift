#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Runs retention on a thread of its own: at start, then every `interval`
/// seconds. Deleting files and old rows never holds up call control; the
/// latest result (and any failure) is there for the live view and alarms.
public final class Housekeeper: @unchecked Sendable {
    private struct Shared {
        var last: RetentionRunner.Result?
        var failure: String?
        var runs = 0
        var running = true
    }

    public let databasePath: String
    public let settings: RetentionRunner.Settings
    public let intervalSeconds: Int
    private let shared = Mutex(Shared())
    private var thread: pthread_t?

    public init(databasePath: String, settings: RetentionRunner.Settings, intervalSeconds: Int = 3600) {
        self.databasePath = databasePath
        self.settings = settings
        self.intervalSeconds = intervalSeconds
        let box = Unmanaged.passRetained(self)
        var handle = pthread_t()
        if pthread_create(&handle, nil, { raw in
            let me = Unmanaged<Housekeeper>.fromOpaque(raw!).takeRetainedValue()
            me.body()
            return nil
        }, box.toOpaque()) == 0 {
            thread = handle
        } else {
            box.release()
            shared.withLock { $0.failure = "retention thread not started: \(String(cString: strerror(errno)))" }
        }
    }

    public var last: RetentionRunner.Result? { shared.withLock { $0.last } }
    public var failure: String? { shared.withLock { $0.failure } }
    public var runs: Int { shared.withLock { $0.runs } }

    public func stop() {
        shared.withLock { $0.running = false }
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    private func body() {
        var store: CallStore?
        var waited = intervalSeconds * 10
        while shared.withLock({ $0.running }) {
            if waited >= intervalSeconds * 10 {
                waited = 0
                do {
                    if store == nil { store = try CallStore(path: databasePath, busyTimeoutMilliseconds: 2_000) }
                    var now = timespec()
                    clock_gettime(CLOCK_REALTIME, &now)
                    let result = try RetentionRunner.run(store!, settings, now: Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000)
                    shared.withLock { $0.last = result; $0.failure = nil; $0.runs += 1 }
                } catch {
                    store = nil
                    shared.withLock { $0.failure = "retention: \(error)"; $0.runs += 1 }
                }
            }
            usleep(100_000)
            waited += 1
        }
    }
}
