#if canImport(Glibc)
import Glibc
#endif

/// Connections accepted whose request has not fully arrived. They are read
/// as bytes come (non-blocking, from one poll), so a client that connects
/// and sends nothing, or sends slowly, delays no one else: each waits at
/// most `requestSeconds`, and at most `capacity` wait at once (a new one
/// pushes out the one waiting longest).
struct ConsoleArrivals {
    struct Arriving {
        var fd: Int32
        var peer: PeerCredentials
        var bytes: [UInt8] = []
        var since: Double
    }

    /// A connection done with: its request (nil: none came in time, the
    /// client went away, or what came is not a console message).
    typealias Done = (arriving: Arriving, request: [UInt8]?)

    static let requestSeconds = 5.0
    static let capacity = 32
    private(set) var waiting: [Arriving] = []

    /// Takes a new connection (made non-blocking); returns one pushed out, if any.
    mutating func add(_ fd: Int32, peer: PeerCredentials, now: Double) -> Arriving? {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        waiting.append(Arriving(fd: fd, peer: peer, since: now))
        return waiting.count > Self.capacity ? waiting.removeFirst() : nil
    }

    /// The descriptors to poll for reading, in `waiting`'s order.
    var descriptors: [pollfd] { waiting.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) } }

    /// Reads what arrived on the connections `readable` marks (by index in
    /// `waiting`); returns those done with, each back in blocking mode for
    /// the answer.
    mutating func collect(readable: [Bool], now: Double) -> [Done] {
        var done: [Done] = []
        var still: [Arriving] = []
        for (i, var a) in waiting.enumerated() {
            if i < readable.count && readable[i], case .done(let request) = Self.read(&a) {
                done.append((a, request))
            } else if now - a.since > Self.requestSeconds {
                done.append((a, nil))
            } else {
                still.append(a)
            }
        }
        waiting = still
        for d in done { _ = fcntl(d.arriving.fd, F_SETFL, fcntl(d.arriving.fd, F_GETFL) & ~O_NONBLOCK) }
        return done
    }

    enum Reading {
        case incomplete
        /// The request, or nil: the client went away, or what came is not a console message.
        case done([UInt8]?)
    }

    /// Reads what is there.
    private static func read(_ a: inout Arriving) -> Reading {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let r = chunk.withUnsafeMutableBytes { Glibc.read(a.fd, $0.baseAddress, $0.count) }
            if r < 0 && errno == EINTR { continue }
            if r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return .incomplete }
            if r <= 0 { return .done(nil) }  // gone, or broken
            a.bytes += chunk[0..<r]
            switch ConsoleWire.frame(in: a.bytes) {
            case .incomplete: continue
            case .complete(let payload): return .done(payload)
            case .tooLarge: return .done(nil)
            }
        }
    }

    static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
