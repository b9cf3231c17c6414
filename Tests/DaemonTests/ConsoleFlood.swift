import Foundation
import Synchronization
@testable import Console

/// Console clients hammering a running kefud from threads of their own:
/// `asking` clients send `status` and `calls --json` in turn as fast as
/// they are answered; `silent` clients connect and send nothing, holding
/// the connection until kefud closes it, then connect again. Runs until
/// `stop`.
final class ConsoleFlood: Sendable {
    struct Tally: Sendable {
        var answered = 0
        var failures: [String] = []
        var slowest = 0.0
        var total = 0.0
        /// Connections the silent clients made (kefud closed each one before the next).
        var silentConnections = 0
    }

    let socket: String
    private let tally = Mutex(Tally())
    private let running = Atomic<Bool>(true)
    private let ended = Atomic<Int>(0)
    private let clients: Int

    init(socket: String, asking: Int, silent: Int) {
        self.socket = socket
        clients = asking + silent
        for n in 0..<asking { Thread { [self] in ask(n) }.start() }
        for _ in 0..<silent { Thread { [self] in holdSilent() }.start() }
    }

    /// Stops every client (waiting for them) and returns what they saw.
    func stop() -> Tally {
        running.store(false, ordering: .relaxed)
        while ended.load(ordering: .relaxed) < clients { usleep(10_000) }
        return tally.withLock { $0 }
    }

    private func ask(_ n: Int) {
        defer { ended.add(1, ordering: .relaxed) }
        var i = n
        while running.load(ordering: .relaxed) {
            let request = i % 2 == 0 ? ConsoleRequest(arguments: ["status"]) : ConsoleRequest(arguments: ["calls"], json: true)
            i += 1
            let started = Date()
            do {
                let output = try ConsoleClient.send(request, to: socket)
                let took = Date().timeIntervalSince(started)
                tally.withLock { t in
                    if output.status == 0 { t.answered += 1 } else { t.failures.append("\(request.arguments): \(output.errors)") }
                    t.slowest = max(t.slowest, took)
                    t.total += took
                }
            } catch {
                tally.withLock { $0.failures.append("\(request.arguments): \(error)") }
            }
        }
    }

    private func holdSilent() {
        defer { ended.add(1, ordering: .relaxed) }
        while running.load(ordering: .relaxed) {
            let s = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            if (try? ConsoleWire.withAddress(socket) { connect(s, $0, $1) }) == 0 {
                tally.withLock { $0.silentConnections += 1 }
                // Wait, sending nothing, until kefud closes the connection (or the flood ends).
                var byte: UInt8 = 0
                var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
                setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                while running.load(ordering: .relaxed) {
                    let r = read(s, &byte, 1)
                    if r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR) { break }
                }
            } else {
                usleep(10_000)
            }
            close(s)
        }
    }
}
