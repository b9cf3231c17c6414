#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Storage

/// Tells systemd how kefud is (`sd_notify`'s protocol, spoken directly: one
/// datagram per message to the socket named by `NOTIFY_SOCKET`, a path or,
/// starting with `@`, an abstract name). Without `NOTIFY_SOCKET` (not run
/// by systemd, or not `Type=notify`) every send does nothing.
public struct ServiceNotifier: Sendable {
    /// Where messages go; nil: nowhere.
    public let socketPath: String?
    /// `WatchdogSec=` as systemd passes it (`WATCHDOG_USEC`, for this
    /// process when `WATCHDOG_PID` names it); nil: no watchdog.
    public let watchdogMicroseconds: Int64?

    public init(socketPath: String?, watchdogMicroseconds: Int64?) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
        self.watchdogMicroseconds = watchdogMicroseconds.flatMap { $0 > 0 ? $0 : nil }
    }

    /// From the environment systemd gives a service.
    public static func fromEnvironment() -> ServiceNotifier {
        func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        var watchdog = env("WATCHDOG_USEC").flatMap { Int64($0) }
        if let pid = env("WATCHDOG_PID").flatMap({ Int32($0) }), pid != getpid() { watchdog = nil }
        return ServiceNotifier(socketPath: env("NOTIFY_SOCKET"), watchdogMicroseconds: watchdog)
    }

    /// Sends `READY=1`, `STATUS=…`, `WATCHDOG=1`, `STOPPING=1` (lines joined
    /// by newlines). Returns false when there is no socket or it failed.
    @discardableResult
    public func send(_ message: String) -> Bool {
        guard let socketPath else { return false }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var name = Array(socketPath.utf8)
        if name.first == UInt8(ascii: "@") { name[0] = 0 }  // abstract namespace
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard name.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in name.enumerated() { raw[i] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count + (name.first == 0 ? 0 : 1))
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sa, length) }
            }
        }
        return sent == bytes.count
    }
}

/// When kefud may tell the watchdog it is alive: only while the media loop
/// keeps ticking. The control loop asks it every pass with the media loop's
/// tick count and the time (milliseconds, any monotonic origin); a ping is
/// due every half watchdog interval, and withheld once the ticks have stood
/// still longer than `stallMilliseconds` (a wedged card, a stuck RT thread),
/// so systemd restarts kefud. A dead control loop never asks at all.
public struct WatchdogGate: Sendable, Equatable {
    public let intervalMilliseconds: Int64
    public let stallMilliseconds: Int64
    private var lastTicks: Int64 = -1
    private var ticksMovedAt: Int64 = 0
    private var lastPing: Int64?

    public init(watchdogMicroseconds: Int64, stallMilliseconds: Int64 = 2000) {
        intervalMilliseconds = max(1, watchdogMicroseconds / 2000)
        self.stallMilliseconds = stallMilliseconds
    }

    /// The media loop has stood still this long (0 while it moves).
    public func stalled(now: Int64) -> Int64 { lastTicks < 0 ? 0 : max(0, now - ticksMovedAt) }

    /// True when a `WATCHDOG=1` is due now.
    public mutating func shouldPing(mediaTicks: Int64, now: Int64) -> Bool {
        if mediaTicks != lastTicks {
            lastTicks = mediaTicks
            ticksMovedAt = now
        }
        guard now - ticksMovedAt <= stallMilliseconds else { return false }
        if let last = lastPing, now - last < intervalMilliseconds { return false }
        lastPing = now
        return true
    }
}

extension ServiceNotifier {
    /// kefud's one-line state for `systemctl status` (`STATUS=`).
    static func statusLine(_ control: CallController, overruns: Int, store: StoreWriter.Status) -> String {
        let flow = control.flow
        let calls = flow.lines.values.filter { $0 != .idle }.count
        let agents = flow.acd.agentSnapshots.filter { $0.status != .loggedOut }.count
        let waiting = flow.plan.acd.queues.reduce(0) { $0 + flow.acd.waiting(in: $1.id).count }
        let alarms = flow.alarms.values.filter { !$0.isEmpty }.count
        var line = "\(calls) call\(calls == 1 ? "" : "s"), \(agents) agent\(agents == 1 ? "" : "s") logged in, \(waiting) waiting"
        if alarms > 0 { line += "; \(alarms) channel\(alarms == 1 ? "" : "s") in alarm" }
        if let failing = store.failing { line += "; database: \(store.pending) waiting (\(failing))" }
        if overruns > 0 { line += "; media overruns \(overruns)" }
        return line
    }
}

/// What the control loop tells systemd, pass by pass: `READY=1` once the
/// media loop runs on the open channels and the database is usable,
/// `STATUS=` when the state line changes (at most every 2 s), `WATCHDOG=1`
/// while `WatchdogGate` allows, `STOPPING=1` at the end.
struct ServiceReport {
    let notifier: ServiceNotifier
    private var gate: WatchdogGate?
    private(set) var ready = false
    private var lastStatus = ""
    private var lastStatusAt: Int64 = .min
    private var saidStalled = false

    init(notifier: ServiceNotifier) {
        self.notifier = notifier
        gate = notifier.watchdogMicroseconds.map { WatchdogGate(watchdogMicroseconds: $0) }
    }

    static func monotonicMilliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    /// One control-loop pass; returns a note for the log when the watchdog
    /// stops (or starts again) being fed.
    mutating func step(_ center: SimulatedCenter, overruns: Int) -> String? {
        guard notifier.socketPath != nil else { return nil }
        let now = Self.monotonicMilliseconds()
        let ticks = center.media.statistics.ticks
        let store = center.store.status
        if !ready {
            guard ticks > 0, store.failing == nil else { return nil }
            ready = true
            lastStatus = ServiceNotifier.statusLine(center.control, overruns: overruns, store: store)
            lastStatusAt = now
            notifier.send("READY=1\nSTATUS=\(lastStatus)")
        } else if now - lastStatusAt >= 2000 {
            let status = ServiceNotifier.statusLine(center.control, overruns: overruns, store: store)
            if status != lastStatus { notifier.send("STATUS=\(status)") }
            lastStatus = status
            lastStatusAt = now
        }
        guard var g = gate else { return nil }
        defer { gate = g }
        if g.shouldPing(mediaTicks: ticks, now: now) {
            notifier.send("WATCHDOG=1")
            if saidStalled { saidStalled = false; return "the media loop runs again: the watchdog is fed again" }
        } else if !saidStalled, g.stalled(now: now) > g.stallMilliseconds {
            saidStalled = true
            notifier.send("STATUS=media loop stalled for \(g.stalled(now: now) / 1000) s")
            return "the media loop has stood still for \(g.stalled(now: now)) ms: the watchdog is no longer fed, systemd will restart kefud"
        }
        return nil
    }

    func stopping() { notifier.send("STOPPING=1\nSTATUS=stopping") }
}
