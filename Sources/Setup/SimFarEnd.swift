#if canImport(Glibc)
import Glibc
#endif
import Channels
import DSP
import SimChannels
import Telephony

/// The far ends of the simulated board for `kefu setup --board sim`: an
/// exchange that gives dial tone to a line taken off hook, and agents who
/// pick up a ringing phone after a second and hang up once it stops.
/// Either can be switched off to see the failures (no dial tone, nobody answers).
public final class SimFarEnd: SimWorldDriver {
    public var dialTone: Bool
    public var answerPhones: Bool
    let level: Level
    let hertz: Double
    private var phase = 0.0
    private var ringingSince: [Int: Int64] = [:]
    private var block: [Int16]

    public init(plan: TonePlan, dialTone: Bool = true, answerPhones: Bool = true, level: Level = Level(dBm0: -13), blockSize: Int = 160) {
        self.dialTone = dialTone
        self.answerPhones = answerPhones
        self.level = level
        hertz = Double(plan.tones.first { $0.name == "dialtone" }?.frequencies.first ?? 450)
        block = [Int16](repeating: 0, count: blockSize)
    }

    public func beforeTick(board: SimBoard, tick: Int64) {
        // One tone for every line off hook: each line's far end hears the same dial tone.
        let step = 2 * Double.pi * hertz / 8000
        let peak = level.sinePeak
        for i in block.indices {
            block[i] = Int16((peak * sin(phase)).rounded())
            phase += step
        }
        if phase > 2 * Double.pi * 1000 { phase = phase.truncatingRemainder(dividingBy: 2 * Double.pi) }
        for info in board.channels {
            let c = info.number
            switch info.signalling {
            case .fxoLine where dialTone && board.lineIsOffHook(c):
                block.withUnsafeBufferPointer { board.farSend(c, $0) }
            case .fxsPhone:
                if board.phoneIsRinging(c) {
                    let since = ringingSince[c.rawValue] ?? tick
                    ringingSince[c.rawValue] = since
                    if answerPhones && tick - since >= 50 { board.farPhoneHook(c, offHook: true) }
                } else {
                    ringingSince[c.rawValue] = nil
                    if board.phoneIsOffHook(c) && !board.isOpen(c) { board.farPhoneHook(c, offHook: false) }
                }
            default: break
            }
        }
    }

    public func afterTick(board: SimBoard, tick: Int64) {}
}
