import Channels
import Telephony

/// The exchange's side of a call Kefu places on an idle line (a callback):
/// dial tone once the line is seized, then, when digits arrive, a second
/// or two of the line's noise (the network connecting) and China's
/// ringback; the called party answers after one to three rings, is busy
/// (busy tone until Kefu hangs up), or lets it ring. Once answered they are
/// a caller like any other: they talk when they hear an agent.
extension SimWorld {
    func seized(_ board: SimBoard, _ line: ChannelNumber, _ caller: Caller) {
        counters.calledBack.add(1, ordering: .relaxed)
        caller.state = .seized(digitsBefore: board.dialledDigits(line).count)
        caller.onHookWhileIdle = false
        caller.isCallee = true
        caller.tonePosition = 0
    }

    func calledOut(_ board: SimBoard, _ line: ChannelNumber, _ caller: Caller, _ tick: Int64) {
        guard board.lineIsOffHook(line) else {
            caller.state = .idle
            return
        }
        switch caller.state {
        case .seized(let before):
            if board.dialledDigits(line).count > before {
                answerOrNot(caller, tick)
                caller.tonePosition = -Int(8000 * (1 + rng.nextUnit()))  // post-dial delay: noise before ringback
            } else {
                play(dialTone, caller, board, line)
            }
        case .ringingBack(_, let answerAt):
            if let answerAt, tick >= answerAt {
                counters.callbacksAnswered.add(1, ordering: .relaxed)
                caller.script = []
                caller.state = .waiting(since: tick, patience: ticks(30))
            } else {
                play(ringbackCycle, caller, board, line)
            }
        default:
            break
        }
    }

    private func answerOrNot(_ caller: Caller, _ tick: Int64) {
        let draw = rng.nextUnit()
        if draw < settings.calleeAnswerChance {
            let rings = 1 + Int(rng.nextUnit() * 3)
            caller.state = .ringingBack(since: tick, answerAt: tick + 100 + Int64(rings) * 250 + Int64(rng.nextUnit() * 100))
        } else if draw < settings.calleeAnswerChance + settings.calleeBusyChance {
            caller.state = .busyTone
            caller.busyPosition = 0
        } else {
            caller.state = .ringingBack(since: tick, answerAt: nil)
        }
    }

    /// One block of a repeating tone, over the line's faint noise (a real
    /// line is never digitally silent; an agent takes 200 ms of digital
    /// silence for the gap of busy tone).
    private func play(_ cycle: [Int16], _ caller: Caller, _ board: SimBoard, _ line: ChannelNumber) {
        for i in 0..<block.count {
            let noise = Int16(rng.nextUnit() * 5 - 2)
            if caller.tonePosition < 0 {
                block[i] = noise
                caller.tonePosition += 1
            } else {
                block[i] = cycle[caller.tonePosition] &+ noise
                caller.tonePosition = (caller.tonePosition + 1) % cycle.count
            }
        }
        send(board, line)
    }
}
