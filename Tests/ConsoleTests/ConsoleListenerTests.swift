import Accounts
import Foundation
import Synchronization
import Testing
@testable import Console

/// The console socket's listener alone, on a real unix socket: what a
/// client that connects and sends nothing does to the others.
@Suite struct ConsoleListenerTests {
    final class Answer: Sendable {
        let output = Mutex<ConsoleOutput?>(nil)
    }

    /// A connection to `path` that sends nothing.
    static func silentConnection(_ path: String) throws -> Int32 {
        let s = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(try ConsoleWire.withAddress(path) { connect(s, $0, $1) } == 0)
        return s
    }

    @Test("connections that send nothing hold up no one: a request behind three of them is taken at once and answered, and they are closed once their 5 s are up")
    func silentConnectionsHoldUpNoOne() throws {
        let path = "/tmp/kefu-listener-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        let listener = try ConsoleListener(path: path) { _ in .success(Operator(name: "root", role: .admin)) }
        defer { listener.stop() }
        let silent = try (0..<3).map { _ in try Self.silentConnection(path) }
        defer { silent.forEach { close($0) } }

        let answer = Answer()
        let asked = Date()
        Thread { answer.output.withLock { $0 = try? ConsoleClient.send(ConsoleRequest(arguments: ["status"]), to: path, timeoutSeconds: 3) } }.start()
        var job: ConsoleJob?
        while job == nil && Date().timeIntervalSince(asked) < 3 {
            job = listener.take().first
            usleep(5_000)
        }
        let taken = Date().timeIntervalSince(asked)
        let request = try #require(job, "the request behind three silent connections was not taken within 3 s")
        #expect(request.request.arguments == ["status"])
        #expect(taken < 0.5, "taken after \(taken) s")
        ConsoleListener.answer(request, ConsoleOutput(["ok"]))
        while answer.output.withLock({ $0 }) == nil && Date().timeIntervalSince(asked) < 3 { usleep(5_000) }
        #expect(answer.output.withLock { $0?.lines } == ["ok"])

        // Each silent connection is told it sent no request and closed, 5 s after it came.
        for s in silent {
            var timeout = timeval(tv_sec: 8, tv_usec: 0)
            setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var frames: [[UInt8]] = []
            while let frame = try? ConsoleWire.receive(s) { frames.append(frame) }
            #expect(frames.contains { ConsoleAnswer.decode($0) == .error("not a console request (is kefu the same version as kefud?)") }, "\(frames.count) frames")
        }
        let closed = Date().timeIntervalSince(asked)
        #expect(closed > 4.5 && closed < 7, "closed after \(closed) s")
    }
}
