#if canImport(Glibc)
import Glibc
#endif
import Channels
import DSP
import Telephony

/// What one port's test found.
public struct PortTestResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// FXO line: dial tone heard, its frequency (Hz) and level (dBm0).
        case dialTone(hertz: Int, dBm0: Double)
        /// FXO line: nothing like dial tone within the time.
        case noDialTone(seconds: Int)
        /// FXS port: it rang; whether the phone was picked up.
        case rang(answered: Bool)
        /// FXS port: the phone was off hook before the test, so it could not ring.
        case phoneOffHook
        /// The channel is open elsewhere (kefud).
        case busy
        /// Something else failed: the board's reason.
        case failed(String)
    }

    public var channel: Int
    public var role: PortKind
    public var outcome: Outcome

    /// Dial tone heard, or the phone rang (answered or not: a phone nobody lifted still rang).
    public var passed: Bool {
        switch outcome {
        case .dialTone, .rang: return true
        default: return false
        }
    }

    public func text(chinese: Bool) -> String {
        let w = Words(chinese: chinese)
        let port = (role == .line ? w("line \(channel)", "外线 \(channel)") : w("phone port \(channel)", "话机端口 \(channel)")) + w(": ", "：")
        switch outcome {
        case .dialTone(let hz, let level):
            let l = (level * 10).rounded() / 10
            return port + w("dial tone \(hz) Hz at \(l) dBm0", "拨号音 \(hz) Hz，电平 \(l) dBm0")
        case .noDialTone(let s):
            return port + w("no dial tone in \(s) s (line not connected?)", "\(s) 秒内没有拨号音（外线没有接好？）")
        case .rang(let answered):
            return port + (answered ? w("rang and was answered", "振铃，已摘机接听") : w("rang; nobody picked up", "振铃，无人摘机"))
        case .phoneOffHook:
            return port + w("the phone is off hook; hang it up and test again", "话机处于摘机状态；请挂机后重新测试")
        case .busy:
            return port + w("kefud is using the board; stop it first (systemctl stop kefud)", "kefud 正在使用板卡；请先停止它（systemctl stop kefud）")
        case .failed(let why):
            return port + w("test failed: \(why)", "测试失败：\(why)")
        }
    }
}

/// Tests ports on any board (DAHDI or the simulated one), counting time in
/// 20 ms blocks as the board delivers them: an FXO line goes off hook and
/// listens for the country's dial tone with Kefu's tone detector; an FXS
/// port rings its phone and watches for it to be picked up.
public final class PortTester {
    let backend: ChannelBackend
    let plan: TonePlan
    /// Whether the phone on a port is off hook now, when the board can say.
    let phoneIsOffHook: (Int) -> Bool?

    public init(backend: ChannelBackend, plan: TonePlan, phoneIsOffHook: @escaping (Int) -> Bool?) {
        self.backend = backend
        self.plan = plan
        self.phoneIsOffHook = phoneIsOffHook
    }

    var blocksPerSecond: Int { 8000 / backend.blockSize }

    static func outcome(for error: ChannelError) -> PortTestResult.Outcome {
        if case .system(_, _, let e, _) = error, e == EBUSY { return .busy }
        return .failed(error.description)
    }

    /// Off hook, up to `seconds` listening for dial tone, on hook.
    public func testLine(_ channel: Int, seconds: Int = 3) -> PortTestResult {
        let c = ChannelNumber(channel)
        func result(_ o: PortTestResult.Outcome) -> PortTestResult { PortTestResult(channel: channel, role: .line, outcome: o) }
        do { try backend.open(c) } catch { return result(Self.outcome(for: error)) }
        defer { try? backend.hook(c, .onHook); try? backend.close(c) }
        do { try backend.hook(c, .offHook) } catch { return result(Self.outcome(for: error)) }
        let detector = ToneDetector(plan: plan)
        let events = DSPEventBuffer(capacity: 16)
        let dialTone = plan.tones.firstIndex { $0.name == "dialtone" }
        var block = [Int16](repeating: 0, count: backend.blockSize)
        var energy: [Double] = []
        for _ in 0..<(seconds * blocksPerSecond) {
            backend.beginTick()
            defer { backend.endTick() }
            while let event = try? backend.nextEvent(c) {
                if case .alarm(let a) = event { return result(.failed(ChannelError.inAlarm(c, a).description)) }
            }
            let failure: ChannelError? = block.withUnsafeMutableBufferPointer { (buffer) -> ChannelError? in
                do throws(ChannelError) { try backend.read(c, into: buffer); return nil } catch { return error }
            }
            if let failure {
                if case .wouldBlock = failure { continue }
                return result(Self.outcome(for: failure))
            }
            energy.append(block.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(block.count))
            if energy.count > blocksPerSecond { energy.removeFirst() }
            events.removeAll()
            block.withUnsafeBufferPointer { detector.process($0, into: events) }
            for e in events.events {
                if case .toneBegin(let index, _, _, let figures) = e, index.rawValue == dialTone {
                    let rms = (energy.reduce(0, +) / Double(energy.count)).squareRoot()
                    let hz = figures.hertz > 0 ? Int(figures.hertz) : plan.tones[index.rawValue].frequencies.first ?? 0
                    return result(.dialTone(hertz: hz, dBm0: Level(rms: max(rms, 1)).dBm0))
                }
            }
        }
        return result(.noDialTone(seconds: seconds))
    }

    /// Rings the phone for up to `seconds`, or until it is picked up.
    public func testPhone(_ channel: Int, seconds: Int = 6) -> PortTestResult {
        let c = ChannelNumber(channel)
        func result(_ o: PortTestResult.Outcome) -> PortTestResult { PortTestResult(channel: channel, role: .phone, outcome: o) }
        do { try backend.open(c) } catch { return result(Self.outcome(for: error)) }
        defer { try? backend.hook(c, .ringStop); try? backend.hook(c, .onHook); try? backend.close(c) }
        if phoneIsOffHook(channel) == true { return result(.phoneOffHook) }
        do { try backend.hook(c, .ringStart) } catch { return result(Self.outcome(for: error)) }
        var block = [Int16](repeating: 0, count: backend.blockSize)
        for _ in 0..<(seconds * blocksPerSecond) {
            backend.beginTick()
            defer { backend.endTick() }
            while let event = try? backend.nextEvent(c) {
                switch event {
                case .phoneOffHook: return result(.rang(answered: true))
                case .alarm(let a): return result(.failed(ChannelError.inAlarm(c, a).description))
                default: break
                }
            }
            // Keep the channel's audio moving, as the media loop would.
            block.withUnsafeMutableBufferPointer { buffer in _ = try? backend.read(c, into: buffer) }
        }
        return result(.rang(answered: false))
    }
}
