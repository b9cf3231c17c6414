#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A span's signalling thread: started once, asked to stop by a flag its
/// loop checks (`isRunning`), and joined.
final class SignallingThread: @unchecked Sendable {
    private let running = Atomic<Bool>(false)
    private var thread: pthread_t?

    /// Whether the loop should go on.
    var isRunning: Bool { running.load(ordering: .relaxed) }

    /// Runs `body` on a new thread unless one was started; the reason when
    /// the thread could not be created, nil otherwise.
    func start(_ body: @escaping @Sendable () -> Void) -> String? {
        guard !running.exchange(true, ordering: .relaxed) else { return nil }
        final class Work { let body: @Sendable () -> Void; init(_ b: @escaping @Sendable () -> Void) { body = b } }
        let box = Unmanaged.passRetained(Work(body))
        var handle = pthread_t()
        guard pthread_create(&handle, nil, { raw in
            Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, box.toOpaque()) == 0 else {
            box.release()
            running.store(false, ordering: .relaxed)
            return String(cString: strerror(errno))
        }
        thread = handle
        return nil
    }

    /// Asks the loop to end and waits for it.
    func stop() {
        running.store(false, ordering: .relaxed)
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }
}
