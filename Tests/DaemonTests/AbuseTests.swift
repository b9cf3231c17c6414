import Accounts
import Channels
import Console
import Foundation
import KefuDaemon
import SimChannels
import Telephony
import Testing

/// Far ends that misbehave on top of the simulated callers and agents of
/// the example center: a DTMF flood (a new key every 40 ms, no gaps) on
/// line 1, full-scale noise on line 2, a clipped square wave on line 3,
/// ringing switched on and off every block on line 4, and agent 8004's
/// phone (channel 12) put down and lifted every 60 ms.
final class AbusiveFarEnds: SimWorldDriver {
    let inner: SimWorldDriver?
    var random = SeededRandom(seed: 99)
    var block = [Int16](repeating: 0, count: 160)

    init(inner: SimWorldDriver?) { self.inner = inner }

    func beforeTick(board: SimBoard, tick: Int64) {
        inner?.beforeTick(board: board, tick: tick)
        let keys = DTMFKey.allCases
        let key = keys[Int(tick / 2) % keys.count]
        for i in 0..<160 {
            let t = Double(tick * 160 + Int64(i)) / 8000
            block[i] = Int16(8_000 * (sin(2 * .pi * key.rowFrequency * t) + sin(2 * .pi * key.columnFrequency * t)))
        }
        send(board, 1)
        for i in 0..<160 { block[i] = Int16(truncatingIfNeeded: Int(random.next() & 0xFFFF)) }
        send(board, 2)
        for i in 0..<160 { block[i] = (tick * 160 + Int64(i)) % 16 < 8 ? .max : .min }
        send(board, 3)
        board.farRing(ChannelNumber(4), tick % 2 == 0)
        if tick % 3 == 0 { board.farPhoneHook(ChannelNumber(12), offHook: tick % 6 == 0) }
    }

    func afterTick(board: SimBoard, tick: Int64) { inner?.afterTick(board: board, tick: tick) }

    private func send(_ board: SimBoard, _ line: Int) {
        block.withUnsafeBufferPointer { board.farSend(ChannelNumber(line), $0) }
    }
}

/// KEFU_ABUSE_LONG=1 runs an hour of it instead of three minutes.
@Suite struct AbuseTests {
    @Test("three simulated minutes of DTMF floods, noise, clipped audio, ring and hook flapping beside normal traffic: nothing crashes, other callers still reach agents, the console answers, storage keeps up")
    func misbehavingFarEndsDoNotStopTheCenter() throws {
        let options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig, callsPerMinute: 8)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 0)
        let board = try #require(center.simBoard)
        board.world = AbusiveFarEnds(inner: board.world)
        let service = try ConsoleService(center: center)
        let viewer = Operator(name: "guest", role: .viewer)
        var slowest = 0.0
        let steps = ProcessInfo.processInfo.environment["KEFU_ABUSE_LONG"] == "1" ? 360 : 18
        for _ in 0..<steps {
            let started = Date()
            center.runVirtual(seconds: 10)
            slowest = max(slowest, Date().timeIntervalSince(started))
            let status = service.run(ConsoleRequest(arguments: ["status"]), as: viewer)
            #expect(status.status == 0 && !status.lines.isEmpty)
        }
        let counts = try #require(center.world).counts
        #expect(counts.reachedAgent >= steps / 3, "callers on the other lines still reach agents: \(counts)")
        #expect(center.store.flush())
        #expect(center.store.status.failing == nil && center.store.problems.isEmpty, "\(center.store.problems)")
        #expect(slowest < 10, "10 simulated seconds took \(slowest) s")
        print("abuse: \(counts.arrived) arrivals, \(counts.reachedAgent) reached an agent; slowest 10 simulated seconds took \(String(format: "%.2f", slowest)) s")
    }
}
