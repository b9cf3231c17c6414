#if canImport(Glibc)
import Glibc
#endif
import Channels
import DAHDIChannels
import DSP
import Telephony

/// How the test exchange behaves on one line: the caller ID it sends and
/// what it does when the far end hangs up.
struct LineBehaviour {
    enum CallerIDSent { case fsk(String), dtmf(String), none }
    enum HangUp { case tone([Double], on: Double, off: Double), loopDrop, nothing }
    var line: Int
    var far: Int
    var callerID: CallerIDSent
    var hangUp: HangUp
    /// What `kefu setup learn` must write: disconnect kind, tone text (or nil), caller ID.
    var expectDisconnect: String
    var expectTone: String?
    var expectCallerID: String

    /// The hang-up signal as audio (tones), looped until the line is released.
    var hangUpAudio: [Int16] {
        var s = SignalSynth()
        if case .tone(let f, let on, let off) = hangUp {
            s.cadence(frequencies: f, level: Level(dBm0: -13), onMilliseconds: on, offMilliseconds: off, totalMilliseconds: (on + off) * 4)
        } else {
            s.silence(milliseconds: 20)
        }
        return s.pcm
    }

    static func talk(seconds: Double, level: Double, seed: UInt64) -> [Int16] {
        var s = SignalSynth()
        s.silence(milliseconds: seconds * 1000)
        s.addNoise(level: Level(dBm0: level), seed: seed)
        return s.pcm
    }

    static func fsk(_ number: String) -> [Int16] { CallerIDGenerator.pcm(CallerID(format: .fskMDMF, number: number)) }
}

/// The exchange side of the box's lines (spans 2 and 4) in real time, one
/// 20 ms block at a time, while `kefu setup learn` runs as its own process
/// on the box's side: it rings the line (DAHDI's China cadence), sends
/// caller ID, talks after the answer, then hangs up its way.
final class LearningExchange {
    let ends: [DAHDIBackend]
    private var sending: [Int: (audio: [Int16], at: Int, loop: Bool)] = [:]
    private let quiet = [Int16](repeating: 0, count: 160)
    private(set) var tick = 0

    init() throws(BenchFailure) {
        do {
            let all = try DAHDIDiscovery.channels()
            ends = try [SpanID(2), SpanID(4)].map { span in
                let backend = try DAHDIBackend(channels: all.filter { $0.span == span && $0.signalling == .fxsPhone })
                for c in backend.channels.map(\.number) { try backend.open(c) }
                try backend.setToneZone("cn")
                return backend
            }
        } catch { throw BenchFailure("exchange set-up: \(error)") }
    }

    func end(_ c: Int) -> DAHDIBackend? { ends.first { $0.isOpen(ChannelNumber(c)) } }

    func send(_ c: Int, _ audio: [Int16], loop: Bool = false) { sending[c] = (audio, 0, loop) }
    func sending(_ c: Int) -> Bool { sending[c] != nil }

    func step() {
        for backend in ends {
            backend.beginTick()
            for c in backend.channels.map(\.number) where backend.isOpen(c) {
                var block = quiet
                if var s = sending[c.rawValue] {
                    if s.at >= s.audio.count, s.loop { s.at = 0 }
                    if s.at < s.audio.count {
                        let part = s.audio[s.at..<min(s.at + 160, s.audio.count)]
                        block.replaceSubrange(0..<part.count, with: part)
                        s.at += 160
                        sending[c.rawValue] = s
                    } else { sending[c.rawValue] = nil }
                }
                block.withUnsafeBufferPointer { try? backend.write(c, $0) }
                var input = quiet
                do { try input.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try backend.read(c, into: p) } } catch {}
                while (try? backend.nextEvent(c)) != nil {}
            }
            backend.endTick()
        }
        tick += 1
    }

    func hook(_ c: Int, _ op: HookOperation) { try? end(c)?.hook(ChannelNumber(c), op) }
    func answered(_ c: Int) -> Bool { (try? end(c)?.farEndOffHook(ChannelNumber(c))) == true }

    /// One test call as the installer makes it, while `done()` is false.
    func testCall(_ b: LineBehaviour, done: () -> Bool) -> [String] {
        switch b.callerID {
        case .dtmf(let number):
            send(b.far, Bench.dtmf("D" + number + "C"))
            while sending(b.far) && !done() { step() }
            for _ in 0..<20 { step() }
        default: break
        }
        hook(b.far, .ringStart)
        let rang = tick
        var answeredAt: Int?
        while answeredAt == nil && !done() {
            if case .fsk(let number) = b.callerID, tick - rang == 80 { send(b.far, LineBehaviour.fsk(number)) }  // 1.6 s: between rings
            step()
            if answered(b.far) { answeredAt = tick }
            if tick - rang > 30 * 50 { return ["line \(b.line): not answered within 30 s of ringing"] }
        }
        hook(b.far, .ringStop)
        if done() && answeredAt == nil { return ["line \(b.line): kefu setup learn ended before answering"] }
        print("  line \(b.line): answered \((tick - rang) * 20) ms after the first ring")
        for _ in 0..<25 { step() }  // the beep
        send(b.far, LineBehaviour.talk(seconds: 2, level: -18, seed: UInt64(b.line)) + LineBehaviour.talk(seconds: 1.5, level: -60, seed: 99))
        while sending(b.far) && !done() { step() }
        switch b.hangUp {
        case .tone: send(b.far, b.hangUpAudio, loop: true)
        case .loopDrop:
            hook(b.far, .offHook)
            for _ in 0..<40 { step() }
            hook(b.far, .onHook)
        case .nothing: break
        }
        let limit = tick + 40 * 50
        while !done() && tick < limit { step() }
        sending[b.far] = nil
        return done() ? [] : ["line \(b.line): kefu setup learn still running 40 s after the hang-up"]
    }

    func close() {
        for backend in ends { for c in backend.channels.map(\.number) where backend.isOpen(c) { try? backend.close(c) } }
    }
}
