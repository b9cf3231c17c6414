#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The database's one writer: a thread of its own takes queued `StoreItem`s
/// and writes them in batches, one transaction each. Call control only
/// appends to a list (a short lock, never disk I/O), so a slow disk or a
/// database briefly locked by a reader never stalls calls, let alone the
/// media loop (which never talks to storage at all). When a write fails
/// because the database is busy or the disk is full, the batch stays queued
/// and is tried again; `status` says so for the alarm.
public final class StoreWriter: @unchecked Sendable {
    public struct Status: Sendable, Equatable {
        /// Items waiting to be written.
        public var pending: Int
        public var written: Int
        /// Items dropped because the database refused them for good (a
        /// constraint); each is described in `problems`.
        public var refused: Int
        /// The last write failure still unresolved (nil once a write succeeds).
        public var failing: String?
        /// What kind of failure `failing` is.
        public var trouble: Trouble?
    }

    /// Why writes wait: each is retried until it passes.
    public enum Trouble: String, Sendable, Equatable {
        /// Another connection (another process) holds the database's write lock.
        case busy = "database busy: another connection holds its lock"
        /// The file system holding the database is full.
        case diskFull = "disk full"
        /// Any other failure to open or write the file.
        case writeFailed = "cannot write the database"

        init(_ error: SQLiteError) {
            self = error.isBusy ? .busy : error.isFull ? .diskFull : .writeFailed
        }
    }

    private struct Shared {
        var queue: [StoreItem] = []
        var inFlight = 0
        var written = 0
        var refused = 0
        var failing: String?
        var trouble: Trouble?
        var problems: [String] = []
        var running = true
    }

    public let path: String
    private let shared = Mutex(Shared())
    private var thread: pthread_t?
    /// Pause between retries of a failing write.
    public let retryMilliseconds: Int

    /// Opens the database (creating it and running migrations) on the
    /// calling thread, so a database that cannot be opened is reported at
    /// start, then starts the writing thread.
    public init(path: String, retryMilliseconds: Int = 250) throws(SQLiteError) {
        self.path = path
        self.retryMilliseconds = retryMilliseconds
        _ = try CallStore(path: path)
        let box = Unmanaged.passRetained(self)
        var handle = pthread_t()
        let rc = pthread_create(&handle, nil, { raw in
            let me = Unmanaged<StoreWriter>.fromOpaque(raw!).takeRetainedValue()
            me.body()
            return nil
        }, box.toOpaque())
        guard rc == 0 else {
            box.release()
            throw SQLiteError(code: rc, message: "cannot start the database writer: \(String(cString: strerror(rc)))", context: path)
        }
        thread = handle
    }

    /// Queues an item; returns at once.
    public func enqueue(_ item: StoreItem) {
        shared.withLock { $0.queue.append(item) }
    }

    public func enqueue(_ items: [StoreItem]) {
        guard !items.isEmpty else { return }
        shared.withLock { $0.queue.append(contentsOf: items) }
    }

    public var status: Status {
        shared.withLock { Status(pending: $0.queue.count + $0.inFlight, written: $0.written, refused: $0.refused, failing: $0.failing,
                                      trouble: $0.trouble) }
    }

    /// Items the database refused, and why.
    public var problems: [String] { shared.withLock { $0.problems } }

    /// Waits until everything queued so far is written, up to `timeoutMilliseconds`.
    /// Returns false if items are still pending.
    @discardableResult
    public func flush(timeoutMilliseconds: Int = 5_000) -> Bool {
        var waited = 0
        while status.pending > 0 {
            if waited >= timeoutMilliseconds { return false }
            usleep(5_000)
            waited += 5
        }
        return true
    }

    /// Writes what is queued (waiting up to `timeoutMilliseconds`), then ends the thread.
    public func stop(timeoutMilliseconds: Int = 5_000) {
        flush(timeoutMilliseconds: timeoutMilliseconds)
        shared.withLock { $0.running = false }
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }

    private func body() {
        var store: CallStore?
        while true {
            let batch: [StoreItem] = shared.withLock { s in
                let b = s.queue
                s.queue.removeAll(keepingCapacity: true)
                s.inFlight = b.count
                return b
            }
            if batch.isEmpty {
                if !shared.withLock({ $0.running }) { return }
                usleep(10_000)
                continue
            }
            do {
                if store == nil { store = try CallStore(path: path) }
                try store!.write(batch)
                shared.withLock { s in
                    s.written += batch.count
                    s.inFlight = 0
                    s.failing = nil
                    s.trouble = nil
                }
            } catch where error.isBusy || error.isFull || error.code & 0xFF == 10 /* SQLITE_IOERR */ || store == nil {
                // Transient: put the batch back in front and try again later.
                shared.withLock { s in
                    s.queue.insert(contentsOf: batch, at: 0)
                    s.inFlight = 0
                    s.failing = error.description
                    s.trouble = Trouble(error)
                }
                if store == nil || !error.isBusy { store = nil }
                // Stopping: what could not be written stays counted in `status.pending`.
                if !shared.withLock({ $0.running }) { return }
                usleep(UInt32(retryMilliseconds * 1000))
            } catch {
                // Something in the batch is refused for good: write the items
                // one by one so only the bad ones are dropped.
                var written = 0
                var refused: [String] = []
                for item in batch {
                    do { try store!.write([item]); written += 1 } catch { refused.append("\(error): \(item)") }
                }
                shared.withLock { s in
                    s.written += written
                    s.refused += refused.count
                    s.problems += refused
                    s.inFlight = 0
                }
            }
        }
    }
}
