#if canImport(Glibc)
import Glibc
#endif
import Accounts
import Synchronization

/// A request that passed the door: the connection, what was asked, and who
/// asked (from the kernel's peer credentials).
public struct ConsoleJob: Sendable {
    public var fd: Int32
    public var request: ConsoleRequest
    public var who: Operator
    public var peer: PeerCredentials
}

/// kefud's console socket. A thread of its own accepts connections, reads
/// each request (with a timeout), asks `admit` for the peer's role and
/// refuses peers without one; admitted requests wait in a queue until the
/// control thread takes them (`take`) and answers them (`answer`), so
/// commands see and change the center between two steps of call control,
/// never during one.
public final class ConsoleListener: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    private let admit: @Sendable (PeerCredentials) -> Result<Operator, ConsoleRefusal>
    private let shared = Mutex<(jobs: [ConsoleJob], running: Bool, refused: [ConsoleRefusal])>(([], true, []))
    private var thread: pthread_t?

    /// Binds the socket at `path` (replacing a stale one), mode 0666: the
    /// kernel's peer credentials, not the file mode, decide who may do what.
    public init(path: String, admit: @escaping @Sendable (PeerCredentials) -> Result<Operator, ConsoleRefusal>) throws(ConsoleWire.Failure) {
        self.path = path
        self.admit = admit
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !directory.isEmpty { _ = mkdir(directory, 0o755) }
        let s = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard s >= 0 else { throw ConsoleWire.Failure("\(path): cannot make a socket: \(String(cString: strerror(errno)))") }
        unlink(path)
        let bound: Int32
        do { bound = try ConsoleWire.withAddress(path) { bind(s, $0, $1) } } catch {
            close(s)
            throw error
        }
        guard bound == 0, chmod(path, 0o666) == 0, listen(s, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(s)
            throw ConsoleWire.Failure("\(path): cannot listen: \(reason)")
        }
        fd = s
        let box = Unmanaged.passRetained(self)
        var handle = pthread_t()
        guard pthread_create(&handle, nil, { raw in
            let me = Unmanaged<ConsoleListener>.fromOpaque(raw!).takeRetainedValue()
            me.acceptLoop()
            return nil
        }, box.toOpaque()) == 0 else {
            box.release()
            close(s)
            throw ConsoleWire.Failure("\(path): cannot start the console thread")
        }
        thread = handle
    }

    /// Admitted requests waiting for the control thread, oldest first.
    public func take() -> [ConsoleJob] {
        shared.withLock { s in
            let jobs = s.jobs
            s.jobs.removeAll()
            return jobs
        }
    }

    /// Peers refused at the door since the last call (for the audit).
    public func takeRefusals() -> [ConsoleRefusal] {
        shared.withLock { s in
            let r = s.refused
            s.refused.removeAll()
            return r
        }
    }

    /// Sends the answer and closes the connection.
    public static func answer(_ job: ConsoleJob, _ output: ConsoleOutput) {
        for message in output.answers {
            do { try ConsoleWire.send(job.fd, message.encoded) } catch { break }
        }
        close(job.fd)
    }

    public func stop() {
        shared.withLock { $0.running = false }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        if let thread { pthread_join(thread, nil) }
        thread = nil
        unlink(path)
        for job in take() { close(job.fd) }
    }

    /// Accepts connections and reads their requests as they arrive
    /// (`ConsoleArrivals`: a silent or slow client holds up no one).
    private func acceptLoop() {
        var arrivals = ConsoleArrivals()
        while shared.withLock({ $0.running }) {
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)] + arrivals.descriptors
            _ = poll(&fds, nfds_t(fds.count), 200)
            let now = ConsoleArrivals.monotonicSeconds()
            for done in arrivals.collect(readable: fds.dropFirst().map { $0.revents != 0 }, now: now) { handle(done) }
            guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let client = accept(fd, nil, nil)
            if client < 0 { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            guard let peer = PeerCredentials.of(client) else { close(client); continue }
            if let pushedOut = arrivals.add(client, peer: peer, now: now) { close(pushedOut.fd) }
        }
        for waiting in arrivals.waiting { close(waiting.fd) }
    }

    /// A request that arrived (or did not): refused peers are answered and
    /// noted, requests of admitted ones wait for the control thread.
    private func handle(_ done: ConsoleArrivals.Done) {
        let (client, peer) = (done.arriving.fd, done.arriving.peer)
        switch admit(peer) {
        case .failure(let refusal):
            ConsoleListener.answer(ConsoleJob(fd: client, request: ConsoleRequest(arguments: []), who: Operator(name: refusal.user, role: .viewer), peer: peer),
                                   .failed(refusal.description, status: 3))
            shared.withLock { $0.refused.append(refusal) }
        case .success(let who):
            guard let bytes = done.request, let request = ConsoleRequest.decode(bytes) else {
                ConsoleListener.answer(ConsoleJob(fd: client, request: ConsoleRequest(arguments: []), who: who, peer: peer),
                                       .failed("not a console request (is kefu the same version as kefud?)", status: 2))
                return
            }
            shared.withLock { $0.jobs.append(ConsoleJob(fd: client, request: request, who: who, peer: peer)) }
        }
    }
}

/// A peer the console turned away, and why.
public struct ConsoleRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var uid: UInt32
    public var reason: String
    public init(user: String, uid: UInt32, reason: String) {
        self.user = user
        self.uid = uid
        self.reason = reason
    }
    public var description: String { "refused: \(reason)" }
}
