import Channels
import DSP
import MediaLoop
import Records
import Telephony

/// A menu's (or a queue overflow's) `dial LINES NUMBER`: the caller is put
/// through to an outside number on a free line of the group. The box seizes
/// the line, bridges the caller to it at once (they hear the network's
/// tones, as on any phone), dials after `OutboundGate`'s checks, and judges
/// the answer like a callback (`CallbackProgress`). The outside call is its
/// own record (direction `transfer`, `origin` the caller's call); the
/// caller's call ends `transferred` once the other side answered. Either
/// side hanging up ends both.
extension CenterFlow {
    mutating func transferOut(_ id: CallID, group: String, number: String) {
        guard let session = sessions[id] else { return }
        guard let out = (plan.groupLines[group] ?? []).first(where: { lines[$0] == .idle && alarms[$0] == nil }) else {
            note("dial \(group) \(number): no free line in [lines.\(group)]: the caller is released")
            return release(id, .outboundRefused)
        }
        if let refusal = gate.admit(number, now: now) {
            note("dial \(group) \(number) not placed: \(refusal)")
            return release(id, .outboundRefused)
        }
        let leg = placeCall(.transfer, for: id, on: out, to: number, language: session.language)
        lines[out] = .transferOut(leg)
        lines[session.line] = .transferring(id)
        sessions[id]?.ivr = nil
        sessions[id]?.transfer = leg
        stopPlayback(id)
        if plan.lines[out]?.supervised != true { media(.hook(out, .offHook)) }  // E1: the dial places the call
        media(.setDSP(out, [.tones]))
        media(.bridge(session.line, out))
    }

    /// Line events on the outside line of a transfer: progress before the
    /// answer, the other side hanging up after.
    mutating func transferLineEvent(_ leg: CallID, _ event: ChannelEvent) {
        if sessions[leg]?.progress != nil { return transferVerdict(leg, progressStep(leg, .line(event))) }
        switch event {
        case .lineDisconnect: endTransfer(leg: leg, by: .callerLoopCurrentDrop, reason: signalReason(event))
        case .farEndCleared: endTransfer(leg: leg, by: .callerCleared, reason: signalReason(event))
        case .alarm: endTransfer(leg: leg, by: .lineFailed, reason: signalReason(event))
        default: break
        }
    }

    /// Tones on the outside line: progress before the answer, the other
    /// side hanging up (busy or congestion) after.
    mutating func transferLineSignal(_ leg: CallID, _ event: DSPEvent) {
        if sessions[leg]?.progress != nil { return transferVerdict(leg, progressStep(leg, .dsp(event))) }
        if case .toneBegin(let tone, _, _, let figures) = event, plan.hangUpTones.contains(tone) {
            endTransfer(leg: leg, by: .callerBusyTone, reason: toneReason(tone, figures))
        }
    }

    mutating func transferTimer(_ leg: CallID) {
        transferVerdict(leg, progressStep(leg, .timer))
    }

    private mutating func transferVerdict(_ leg: CallID, _ verdict: LegResult?) {
        guard let verdict, let caller = legOrigin[leg] else { return }
        switch verdict {
        case .answered:
            calls[leg]?.connected = now
            calls[caller]?.connected = now
            calls[caller]?.end = .transferred
        case .failed(let end, let reason):
            endTransfer(leg: leg, by: end, reason: reason)
        }
    }

    /// The caller left a transfer: the outside line goes too.
    mutating func callerLeftTransfer(_ id: CallID, _ end: CallEnd, reason: ReleaseReason? = nil) {
        guard let leg = sessions[id]?.transfer else { return release(id, end, reason: reason) }
        if let line = sessions[leg]?.line { media(.unbridge(line)) }
        release(leg, .otherSideHungUp, reason: ReleaseReason(.otherCallEnded, detail: id.description))
        release(id, end, reason: reason)
    }

    /// The outside side ended (`end`: hung up, busy, no answer; `reason`:
    /// what its line signalled): both go.
    private mutating func endTransfer(leg: CallID, by end: CallEnd, reason: ReleaseReason? = nil) {
        guard let caller = legOrigin[leg] else { return }
        if let line = sessions[leg]?.line { media(.unbridge(line)) }
        let answered = calls[leg]?.connected != nil
        release(leg, end, reason: reason)
        release(caller, answered ? .transferred : end,
                reason: ReleaseReason(answered ? .transferredOut : .callFailed, detail: answered ? leg.description : end.rawValue))
    }
}
