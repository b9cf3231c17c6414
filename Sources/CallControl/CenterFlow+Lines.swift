import ACD
import Channels
import DSP
import IVR
import MediaLoop
import Records
import Telephony

/// Lines: ringing (with caller ID between the rings), the answer, keys and
/// hang-up tones on the line, the caller hanging up, and the release.
extension CenterFlow {
    mutating func lineEvent(_ line: ChannelNumber, _ event: ChannelEvent) {
        let state = lines[line] ?? .idle
        if case .callingOut(let leg) = state {
            if case .alarm(let set) = event { alarms[line] = set }
            if case .alarmCleared = event { alarms[line] = nil }
            return callbackProgress(leg, .line(event))
        }
        if case .transferOut(let leg) = state { return transferLineEvent(leg, event) }
        if case .reserved(let booking) = state, event == .ringBegin {
            moveReservation(booking, from: line)  // a caller rings in: they have the line
            return lineEvent(line, event)
        }
        switch (state, event) {
        case (.idle, .ringBegin):
            guard plan.lines[line]?.menu != nil, alarms[line] == nil else { return }  // no menu: not answered
            let id = CallID(nextCall)
            nextCall += 1
            calls[id] = CallRecord(id: id, line: line, arrived: now)
            if let (cid, at) = earlyCallerID.removeValue(forKey: line), now - at <= Self.earlyCallerIDLifetime {
                calls[id]?.callerID = cid
            }
            // A DTMF caller ID still being sent when the ring began goes on.
            if dtmfCallerID[line] == nil { dtmfCallerID[line] = DTMFCallerIDAssembler() }
            lines[line] = .ringing(id, rings: 1, lastRing: now)
            if plan.lineOrder.allSatisfy({ (lines[$0] ?? .idle) != .idle }) {
                note("all \(plan.lineOrder.count) lines busy: further callers hear busy from the exchange")
            }
            if plan.answerOnRing <= 1 { answer(line, id) } else { media(.setDSP(line, [.callerID, .dtmf])) }
        case (.idle, .incomingCall(let offer)):
            offered(line, offer)
        case (_, .farEndCleared(let clearing)):
            if let id = state.call { callerGone(id, .callerCleared, reason: signalReason(.farEndCleared(clearing))) }
        case (.ringing(let id, let rings, _), .ringBegin):
            lines[line] = .ringing(id, rings: rings + 1, lastRing: now)
            if rings + 1 >= plan.answerOnRing { answer(line, id) }
        case (.ringing(let id, let rings, _), .ringEnd):
            lines[line] = .ringing(id, rings: rings, lastRing: now)
        case (_, .lineDisconnect):
            if let id = state.call { callerGone(id, .callerLoopCurrentDrop, reason: signalReason(event)) }
        case (_, .polarityReversal) where state.isAnswered && plan.lines[line]?.polarityHangUp == true:
            if let id = state.call { callerGone(id, .callerPolarityReversal, reason: signalReason(event)) }
        case (_, .alarm(let set)):
            alarms[line] = set
            if let id = state.call { callerGone(id, .lineFailed, reason: signalReason(event)) }
        case (_, .alarmCleared):
            alarms[line] = nil
        default:
            break
        }
    }

    /// An E1 call offered with its numbers: the called number (DNIS) picks
    /// the menu; a number no menu serves is refused (and recorded).
    mutating func offered(_ line: ChannelNumber, _ offer: TrunkCall) {
        let id = CallID(nextCall)
        nextCall += 1
        var record = CallRecord(id: id, line: line, arrived: now)
        if !offer.calling.isEmpty { record.callerID = CallerID(format: .network, number: offer.calling) }
        record.called = offer.called
        record.category = offer.category
        calls[id] = record
        lines[line] = .ringing(id, rings: 1, lastRing: now)
        guard plan.lines[line]?.menu(called: offer.called) != nil, alarms[line] == nil else {
            note("call to \(offer.called) on \(line) refused: no menu serves that number")
            media(.hook(line, .onHook))
            return release(id, .numberNotServed, reason: ReleaseReason(.numberNotServed, detail: offer.called))
        }
        answer(line, id)
    }

    /// Answers, then hands the call to the line's first menu (on an E1, the
    /// one its called number leads to).
    mutating func answer(_ line: ChannelNumber, _ id: CallID) {
        guard let entry = plan.lines[line], let menu = entry.menu(called: calls[id]?.called) else { return }
        lines[line] = .menu(id)
        calls[id]?.answered = now
        calls[id]?.language = entry.language
        emit(.callAnswered(id))
        dtmfCallerID[line] = nil
        media(.hook(line, .offHook))
        if let level = entry.quietBelow {
            media(.setQuietLevel(line, level))
            media(.setDSP(line, DSPFeatures.call.union(.quiet)))
        } else {
            media(.setDSP(line, DSPFeatures.call))
        }
        quietSince[line] = nil
        var session = CallSession(line: line, language: entry.language)
        session.ivr = IVREngine(plan: plan.ivr, entry: menu, language: entry.language)
        sessions[id] = session
        feed(id, .start(wallClock))
    }

    /// DSP findings on a line: caller ID keys while ringing, keys for the
    /// menus, survey and queue, and the exchange's busy or congestion tone.
    mutating func lineSignal(_ line: ChannelNumber, _ event: DSPEvent) {
        let state = lines[line] ?? .idle
        if case .callingOut(let leg) = state, sessions[leg]?.progress != nil { return callbackProgress(leg, .dsp(event)) }
        if case .transferOut(let leg) = state { return transferLineSignal(leg, event) }
        switch event {
        case .toneBegin(let tone, _, _, let figures) where plan.hangUpTones.contains(tone):
            if let id = state.call { callerGone(id, .callerBusyTone, reason: toneReason(tone, figures, line: line)) }
        case .quietBegin(let at, let since):
            quietSince[line] = now - (at - since)
        case .quietEnd:
            quietSince[line] = nil
        case .dtmfBegin(let key, let at):
            switch state {
            case .reserved:
                break
            case .idle:
                // DTMF caller ID sent before the first ring (common in China).
                var assembler = dtmfCallerID[line] ?? DTMFCallerIDAssembler()
                if assembler.add(key, at: at), let cid = try? assembler.take() { earlyCallerID[line] = (cid, now) }
                dtmfCallerID[line] = assembler
            case .ringing(let id, _, _):
                var assembler = dtmfCallerID[line] ?? DTMFCallerIDAssembler()
                if assembler.add(key, at: at), let cid = try? assembler.take() { calls[id]?.callerID = cid }
                dtmfCallerID[line] = assembler
            case .menu(let id), .survey(let id):
                calls[id]?.keys.append(key.rawValue)
                feed(id, .digit(key))
            case .queued(let id, _):
                calls[id]?.keys.append(key.rawValue)
                if sessions[id]?.entry != nil { callbackEntryKey(id, key) } else { acdStep(.callerKey(acdCall(id), key)) }
            case .talking(let id, _), .callingOut(let id), .transferring(let id), .transferOut(let id):
                // Nothing asks for keys while the caller talks to an agent: talk-off (speech
                // taken for a key) or a caller keying by habit. Counted for the DSP's telemetry.
                calls[id]?.keys.append(key.rawValue)
                calls[id]?.keysWhileTalking += 1
            case .takingMessage(let id):
                calls[id]?.keys.append(key.rawValue)
                if key == .hash { finishMessage(id) }
            case .leaving(let id):
                calls[id]?.keys.append(key.rawValue)
            }
        default:
            break
        }
    }

    /// The caller hung up (or the line failed): tell whichever engine has
    /// the call, then release the line (`reason`: what the line signalled,
    /// as measured).
    mutating func callerGone(_ id: CallID, _ end: CallEnd, reason: ReleaseReason? = nil) {
        guard let line = calls[id]?.line else { return }
        switch lines[line] ?? .idle {
        case .menu, .survey:
            feed(id, .callerHungUp)
        case .queued(_, let queue):
            let waited = now - (sessions[id]?.joined ?? now)
            queueEvent(id, queue, .abandoned(waited: waited))
            acdStep(.callerHungUp(acdCall(id)))
        case .talking:
            acdStep(.callerHungUp(acdCall(id)))
        case .takingMessage:
            stopMessage(id)
        case .transferring:
            return callerLeftTransfer(id, end, reason: reason)
        case .idle, .ringing, .leaving, .reserved, .callingOut, .transferOut:
            break
        }
        release(id, end, reason: reason)
    }

    /// Puts the line back on hook and finishes the call's record (keeping an
    /// ending already set, such as the agent's hang-up before a survey).
    /// The release reason is `reason`, else one set on the record before
    /// (a farewell after a timeout), else what `end` means.
    mutating func release(_ id: CallID, _ end: CallEnd, reason: ReleaseReason? = nil) {
        guard let line = calls[id]?.line, lines[line]?.call == id else { return }
        let state = lines[line] ?? .idle
        if let phone = endConversation(id) { agentLeftAlone(phone) }
        if let slot = sessions[id]?.listenSlot {
            media(.stopRecording(slot))
            freeSlots.append(slot)
        }
        if state.isAnswered {
            media(.stopPlayback(line))
            media(.hook(line, .onHook))
        }
        media(.setDSP(line, idleFeatures(line)))
        lines[line] = .idle
        dtmfCallerID[line] = nil
        earlyCallerID[line] = nil
        sessions[id] = nil
        if let booked = legOrigin.removeValue(forKey: id) { legs[booked] = nil }
        if var record = calls.removeValue(forKey: id) {
            record.ended = now
            record.end = record.end ?? end
            record.release = reason ?? record.release ?? Self.releaseReason(for: end)
            emit(.finished(record))
        }
    }

    /// What an idle line listens for: DTMF, for a caller ID sent before the
    /// first ring, on lines whose calls are answered.
    func idleFeatures(_ line: ChannelNumber) -> DSPFeatures {
        plan.lines[line].map { $0.menu != nil && !$0.supervised } == true ? [.dtmf] : []
    }

    /// How long a DTMF caller ID sent before the first ring waits for that ring.
    static let earlyCallerIDLifetime = SampleTime(milliseconds: 10_000)

    /// The ACD's name for a call (a callback leg goes by its booking call).
    func acdCall(_ id: CallID) -> ACD.CallID { ACD.CallID(UInt64((legOrigin[id] ?? id).rawValue)) }
    /// The call flow's call for the ACD's (a callback being dialled or talked on: its leg).
    func call(_ id: ACD.CallID) -> CallID { legs[booking(id)] ?? booking(id) }
    /// The call a callback was booked on, as the ACD names it.
    func booking(_ id: ACD.CallID) -> CallID { CallID(Int(id.rawValue)) }
}
