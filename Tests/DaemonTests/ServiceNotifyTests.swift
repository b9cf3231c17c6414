import Foundation
import KefuDaemon
import Testing

/// kefud under systemd: `READY=1`, `STATUS=`, `WATCHDOG=1` and `STOPPING=1`
/// on the notify socket, and a watchdog fed only while the media loop runs.
@Suite struct ServiceNotifyTests {
    @Test("the watchdog is fed every half interval while the media loop ticks, withheld once it stands still over 2 s, fed again when it moves")
    func watchdogFollowsTheMediaLoop() {
        var gate = WatchdogGate(watchdogMicroseconds: 1_000_000)  // pings due every 500 ms
        var pings: [Int64] = []
        var ticks: Int64 = 0
        for now in stride(from: Int64(0), through: 10_000, by: 10) {
            // The media loop runs for 3 s, stands still for 4 s, runs again.
            if now < 3000 || now >= 7000 { ticks += 1 }
            if gate.shouldPing(mediaTicks: ticks, now: now) { pings.append(now) }
        }
        #expect(pings.filter { $0 < 3000 } == [0, 500, 1000, 1500, 2000, 2500])
        // Stalled from 2990: still fed up to 2 s of standing still, then not.
        #expect(pings.filter { $0 >= 3000 && $0 < 7000 } == [3000, 3500, 4000, 4500])
        #expect(pings.filter { $0 >= 7000 } == [7000, 7500, 8000, 8500, 9000, 9500, 10_000])
        #expect(gate.stalled(now: 10_000) == 0)
    }

    @Test("a media loop that never moves is fed only for the first 2 s after it is first seen")
    func stalledFromTheStartIsNotFed() {
        var gate = WatchdogGate(watchdogMicroseconds: 200_000)
        var fed = 0
        for now in stride(from: Int64(0), through: 5000, by: 10) where gate.shouldPing(mediaTicks: 0, now: now) { fed += 1 }
        // The first look counts as movement (the loop was started); 2 s later the pings stop.
        #expect(fed == 21)
        #expect(gate.stalled(now: 5000) == 5000)
    }

    @Test("messages reach a notify socket named by a path and one in the abstract namespace; without NOTIFY_SOCKET nothing is sent")
    func notifierDelivers() throws {
        let path = "/tmp/kefu-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        let listener = try NotifyListener(path)
        defer { listener.close() }
        #expect(ServiceNotifier(socketPath: path, watchdogMicroseconds: nil).send("READY=1\nSTATUS=up"))
        #expect(listener.receive(timeoutMilliseconds: 1000) == "READY=1\nSTATUS=up")

        let abstract = "@kefu-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let hidden = try NotifyListener(abstract)
        defer { hidden.close() }
        #expect(ServiceNotifier(socketPath: abstract, watchdogMicroseconds: nil).send("WATCHDOG=1"))
        #expect(hidden.receive(timeoutMilliseconds: 1000) == "WATCHDOG=1")

        let none = ServiceNotifier(socketPath: nil, watchdogMicroseconds: 5_000_000)
        #expect(!none.send("READY=1"))
        #expect(ServiceNotifier(socketPath: "", watchdogMicroseconds: 0).socketPath == nil)
        #expect(ServiceNotifier(socketPath: path, watchdogMicroseconds: 0).watchdogMicroseconds == nil)
    }

    @Test("kefud sends READY=1 with a STATUS= line once it serves, WATCHDOG=1 every half interval while it runs, STOPPING=1 when stopped")
    func kefudTalksToSystemd() throws {
        let dir = "/tmp/kefu-sd-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/prompts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DaemonProcess.config(lines: 4, agents: 2).write(toFile: dir + "/kefu.toml", atomically: true, encoding: .utf8)
        let listener = try NotifyListener(dir + "/notify.sock")
        defer { listener.close() }
        let kefud = try DaemonProcess.start(dir: dir, callsPerMinute: 30, talkSeconds: 10, log: dir + "/kefud.log",
                                            environment: ["NOTIFY_SOCKET": dir + "/notify.sock", "WATCHDOG_USEC": "400000"])
        var messages: [String] = []
        let began = Date()
        while Date().timeIntervalSince(began) < 3, let m = listener.receive(timeoutMilliseconds: 1000) { messages.append(m) }
        let stopped = kefud.stop()
        while let m = listener.receive(timeoutMilliseconds: 500) { messages.append(m) }
        #expect(stopped)

        let first = try #require(messages.first)
        #expect(first.hasPrefix("READY=1\nSTATUS="), "first message: \(first)")
        #expect(first.contains("agents logged in"), "first message: \(first)")
        #expect(messages.filter { $0 == "READY=1" || $0.hasPrefix("READY=1\n") }.count == 1)
        // 3 s at a ping every 200 ms: about 15 (the machine may be busy).
        let pings = messages.filter { $0 == "WATCHDOG=1" }.count
        #expect(pings >= 8, "\(pings) pings in 3 s: \(messages)")
        #expect(messages.last?.hasPrefix("STOPPING=1") == true, "last message: \(messages.last ?? "none")")
    }
}

/// A datagram socket standing in for systemd's notify socket.
final class NotifyListener {
    let fd: Int32
    let path: String

    init(_ path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var name = Array(path.utf8)
        if name.first == UInt8(ascii: "@") { name[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in for (i, b) in name.enumerated() { raw[i] = b } }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count + (name.first == 0 ? 0 : 1))
        let bound = withUnsafePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard fd >= 0, bound == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// The next datagram, or nil after the timeout.
    func receive(timeoutMilliseconds: Int32) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : nil
    }

    func close() {
        Glibc.close(fd)
        if !path.hasPrefix("@") { unlink(path) }
    }
}
