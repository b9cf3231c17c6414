#if canImport(Glibc)
import Glibc
#endif
import CLinuxRT
import Synchronization

/// Runs a media loop's `tick()` on its own thread until stopped: SCHED_FIFO
/// and locked memory when the system permits (otherwise it runs as a normal
/// thread and `warnings` says why, so the installer knows latency is not
/// guaranteed).
public final class MediaLoopThread: @unchecked Sendable {
    public let loop: MediaLoop
    public let priority: Int32
    private let running = Atomic<Bool>(false)
    private var thread: pthread_t?
    /// Why real-time operation was not obtained (empty when it was).
    public private(set) var warnings: [String] = []
    private let started = Atomic<Bool>(false)

    public init(loop: MediaLoop, priority: Int32 = 50) {
        self.loop = loop
        self.priority = priority
    }

    public func start() {
        running.store(true, ordering: .releasing)
        let box = Unmanaged.passRetained(self)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        var handle = pthread_t()
        let rc = pthread_create(&handle, &attributes, { raw in
            let me = Unmanaged<MediaLoopThread>.fromOpaque(raw!).takeRetainedValue()
            me.body()
            return nil
        }, box.toOpaque())
        pthread_attr_destroy(&attributes)
        if rc != 0 {
            box.release()
            warnings.append("could not start the media thread: \(String(cString: strerror(rc)))")
            running.store(false, ordering: .releasing)
            return
        }
        thread = handle
        while !started.load(ordering: .acquiring) { sched_yield() }
    }

    private func body() {
        let fifo = clinuxrt_set_fifo(priority)
        if fifo != 0 {
            warnings.append("real-time scheduling refused (\(String(cString: strerror(fifo)))): media runs as a normal thread")
        }
        let lock = clinuxrt_lock_memory()
        if lock != 0 {
            warnings.append("memory lock refused (\(String(cString: strerror(lock)))): pages may be swapped")
        }
        started.store(true, ordering: .releasing)
        while running.load(ordering: .acquiring) {
            loop.tick()
        }
    }

    /// Stops after the current tick and waits for the thread to end.
    public func stop() {
        running.store(false, ordering: .releasing)
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }

    public var isRunning: Bool { running.load(ordering: .acquiring) }
}
