import Foundation
import Testing

/// A running kefud with far more callers than lines and agents (24 lines,
/// 4 agents, 10 callers a second, a queue of at most 6) while four console
/// clients ask `status` and `calls --json` as fast as they are answered
/// and two more hold connections open without asking anything.
/// KEFU_OVERLOAD_LONG=1 keeps it up for ten minutes instead of 25 s.
@Suite(.serialized) struct LiveOverloadTests {
    static let lines = 24, agents = 4, maxCallers = 6

    @Test("sustained overload and a console flood: the console answers within a second, media ticks keep time (overruns under 1 %, no events dropped), memory and CPU stay bounded, status and the log say the lines are all busy and the queue is full, callers still reach agents")
    func boxStaysResponsiveUnderOverloadAndAConsoleFlood() throws {
        let long = ProcessInfo.processInfo.environment["KEFU_OVERLOAD_LONG"] == "1"
        let seconds = long ? 600.0 : 25
        let dir = "/tmp/kefu-overload-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/prompts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DaemonProcess.config(lines: Self.lines, agents: Self.agents, queue: "max_callers = \(Self.maxCallers)\nmax_wait = 30")
            .write(toFile: dir + "/kefu.toml", atomically: true, encoding: .utf8)
        let kefud = try DaemonProcess.start(dir: dir, callsPerMinute: 600, talkSeconds: 10, log: dir + "/kefud.log")

        // The overload takes hold: every line busy, the queue full.
        var alarms: Set<String> = []
        let warming = Date()
        while alarms.count < 2 && Date().timeIntervalSince(warming) < 30 {
            usleep(250_000)
            alarms.formUnion(try kefud.status().filter { $0.hasPrefix("ALARM") })
        }
        #expect(alarms.contains("ALARM: all \(Self.lines) lines busy: further callers hear busy from the exchange"), "\(alarms)")
        #expect(alarms.contains("ALARM: queue sales full (\(Self.maxCallers) waiting): further callers are turned away to its overflow"), "\(alarms)")

        let before = try kefud.status()
        let rssBefore = kefud.residentKilobytes, cpuBefore = kefud.cpuSeconds, began = Date()
        let flood = ConsoleFlood(socket: kefud.socket, asking: 4, silent: 2)
        var watch = CallWatch()
        var slowest = 0.0, rssMost = rssBefore
        while Date().timeIntervalSince(began) < seconds {
            usleep(1_000_000)
            try watch.look(kefud)
            slowest = max(slowest, try kefud.timed(["status"]).seconds)
            rssMost = max(rssMost, kefud.residentKilobytes)
        }
        let tally = flood.stop()
        let after = try kefud.status()
        let wall = Date().timeIntervalSince(began)
        let rssAfter = kefud.residentKilobytes, cpu = (kefud.cpuSeconds - cpuBefore) / wall
        #expect(kefud.stop(), "kefud did not stop on SIGINT within 10 s")
        #expect(kefud.process.terminationReason == .exit && kefud.process.terminationStatus == 0)
        let log = kefud.logText

        // The console kept answering, every request, each within a second.
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(5))")
        #expect(tally.answered >= Int(seconds) * 10, "only \(tally.answered) requests answered in \(wall) s")
        #expect(tally.slowest < 1 && slowest < 1, "slowest answer: flood \(tally.slowest) s, status \(slowest) s")
        #expect(tally.silentConnections >= 2)
        // The media loop kept time: 50 ticks a second, under 1 % of them late, no events dropped.
        func number(_ label: String, _ lines: [String]) -> Int { DaemonProcess.number(after: label, in: lines) ?? -1 }
        let ticks = Double(number("ticks", after) - number("ticks", before)) / wall
        #expect(abs(ticks - 50) < 2.5, "\(ticks) media ticks a second")
        let overruns = number("overruns", after) - number("overruns", before)
        #expect(Double(overruns) <= ticks * wall / 100, "\(overruns) overruns in \(wall) s")
        #expect(number("events dropped", after) == 0)
        // Bounded: memory grows by at most a tenth, CPU stays under three quarters of a core.
        let growth = Double(rssAfter) / Double(rssBefore)
        #expect(growth < 1.1 && Double(rssMost) / Double(rssBefore) < 1.1, "RSS \(rssBefore) → \(rssAfter) kB (most \(rssMost))")
        #expect(cpu < 0.75, "kefud used \(cpu) of a core")
        // Callers are still served, the others turned away, and the log says why.
        let served = watch.reachedAgent(from: began)
        #expect(served.count >= Int(seconds) / 10, "\(served.count) callers reached an agent in \(wall) s")
        #expect(log.contains("all \(Self.lines) lines busy: further callers hear busy from the exchange"))
        #expect(log.contains("queue sales full (max_callers \(Self.maxCallers)): further callers are turned away to its overflow"))
        let arrivals = number("SIMULATION arrivals", [log]), busy = number("all lines busy", [log])
        #expect(busy > 0 && arrivals > busy, "arrivals \(arrivals), all lines busy \(busy)")
        print("overload: \(String(format: "%.0f", wall)) s, \(arrivals) callers (\(busy) found every line busy), \(served.count) reached agents; console \(tally.answered) answers (\(String(format: "%.0f", Double(tally.answered) / wall)) a second), slowest \(String(format: "%.3f", tally.slowest)) s, mean \(String(format: "%.4f", tally.total / Double(max(1, tally.answered)))) s, \(tally.silentConnections) silent connections; \(String(format: "%.2f", ticks)) ticks/s, \(overruns) overruns; RSS \(rssBefore) → \(rssAfter) kB (most \(rssMost)); CPU \(String(format: "%.0f", cpu * 100)) %")
    }
}
