import Channels
import DSP
import Records
import Telephony

/// Why each call's line is released (`CallRecord.release`): the signal the
/// caller's line gave, with what the board and the tone detector measured;
/// the agent hanging up first; or the box's own decision — its menus, a
/// timeout, the line's longest call, an operator, an alarm.
extension CenterFlow {
    /// What an ending means when nothing more precise is known.
    static func releaseReason(for end: CallEnd) -> ReleaseReason {
        switch end {
        case .callerLoopCurrentDrop: ReleaseReason(.loopDrop)
        case .callerBusyTone, .calleeBusy: ReleaseReason(.busyTone, detail: "busy")
        case .callerPolarityReversal: ReleaseReason(.polarityReversal)
        case .callerQuiet: ReleaseReason(.quietLine)
        case .callerCleared: ReleaseReason(.networkClear)
        case .numberNotServed: ReleaseReason(.numberNotServed)
        case .maxLength: ReleaseReason(.maxLength)
        case .agentHungUp: ReleaseReason(.agentHungUp)
        case .abandonedRinging: ReleaseReason(.ringingStopped)
        case .lineFailed: ReleaseReason(.lineError)
        case .menuHangUp: ReleaseReason(.menuEnded)
        case .routeNotSupported: ReleaseReason(.menuEnded, detail: end.rawValue)
        case .queueRefused: ReleaseReason(.queueRefused)
        case .operatorHangUp: ReleaseReason(.operatorHangUp)
        case .callbackBooked: ReleaseReason(.callbackBooked)
        case .calleeNoAnswer, .calleeNotReached, .outboundRefused, .glare: ReleaseReason(.callFailed, detail: end.rawValue)
        case .messageLeft: ReleaseReason(.messageEnded)
        case .transferred: ReleaseReason(.transferredOut)
        case .otherSideHungUp: ReleaseReason(.otherCallEnded)
        }
    }

    /// The reason a line event gives, with what the board measured (nil:
    /// the event does not end a call).
    func signalReason(_ event: ChannelEvent) -> ReleaseReason? {
        switch event {
        case .lineDisconnect(let drop):
            ReleaseReason(.loopDrop, detail: drop.milliseconds == nil ? nil : drop.restored ? "restored" : "still-lost",
                          milliseconds: drop.milliseconds)
        case .alarm(let set): ReleaseReason(.spanAlarm, detail: set.names.joined(separator: ","))
        case .polarityReversal: ReleaseReason(.polarityReversal)
        case .farEndCleared(let clearing): ReleaseReason(.networkClear, detail: clearing.text, count: clearing.cause)
        default: nil
        }
    }

    /// A line that failed: a span in alarm (the read found it before the
    /// alarm event), or another error.
    func failureReason(_ error: ChannelError) -> ReleaseReason {
        if case .inAlarm(_, let set) = error { return ReleaseReason(.spanAlarm, detail: set.names.joined(separator: ",")) }
        return ReleaseReason(.lineError, detail: error.description)
    }

    /// A hang-up tone as the detector measured it. The detector's frequency
    /// figure means nothing for a two-frequency tone learned on `line`, so
    /// that one is left out.
    func toneReason(_ tone: ToneIndex, _ f: ToneFigures, line: ChannelNumber? = nil) -> ReleaseReason {
        let name = plan.toneNames[tone] ?? "busy"
        let dual = name == "disconnect" && (line.flatMap { plan.lines[$0]?.learnedToneFrequencies.count } ?? 0) > 1
        return .tone(name, hertz: dual ? 0 : Int(f.hertz), on: Int(f.onMilliseconds), off: Int(f.offMilliseconds), cycles: Int(f.cycles))
    }

    /// The reason a progress input gives when a placed call fails on it.
    func progressReason(_ input: CallbackProgress.Input) -> ReleaseReason? {
        switch input {
        case .line(let event): signalReason(event)
        case .dsp(.toneBegin(let tone, _, _, let figures)) where plan.hangUpTones.contains(tone): toneReason(tone, figures)
        default: nil
        }
    }

    /// The menus or the survey hung up: having waited in vain for the
    /// caller, or as they were told to.
    func engineReason(_ id: CallID) -> ReleaseReason {
        let session = sessions[id]
        if let survey = session?.survey {
            guard let gave = survey.gaveUpWaiting else { return ReleaseReason(.surveyEnded) }
            return ReleaseReason(.timeout, detail: "survey", milliseconds: gave.waitMilliseconds, count: gave.waits)
        }
        if let gave = session?.ivr?.gaveUpWaiting {
            return ReleaseReason(.timeout, detail: "menu:\(gave.stage)", milliseconds: gave.waitMilliseconds, count: gave.waits)
        }
        return ReleaseReason(.menuEnded, detail: session?.ivr?.currentMenu)
    }

    /// Releases calls that reached their line's longest call (`max_call`):
    /// a hang-up the box did not hear. The box's own calls out have their
    /// own timers.
    /// Releases calls on lines that send no hang-up signal once the line has
    /// been quiet for its `silence_hangup`: in the menus, the queue, the
    /// survey or a message (with an agent on the call, the agent decides).
    mutating func releaseQuietLines() {
        for (line, since) in quietSince {
            guard let limit = plan.lines[line]?.silenceHangUp, now - since >= limit, let state = lines[line], let id = state.call else { continue }
            switch state {
            case .menu, .queued, .survey, .takingMessage, .leaving:
                quietSince[line] = nil
                callerGone(id, .callerQuiet, reason: ReleaseReason(.quietLine, milliseconds: Int((now - since).milliseconds)))
            default: continue
            }
        }
    }

    mutating func releaseLongCalls() {
        for line in plan.lineOrder {
            guard let limit = plan.lines[line]?.maxCall, let state = lines[line], state.isAnswered, let id = state.call,
                  let answered = calls[id]?.answered, now - answered >= limit else { continue }
            switch state {
            case .callingOut, .transferOut: continue
            default: callerGone(id, .maxLength, reason: ReleaseReason(.maxLength, milliseconds: Int(limit.milliseconds)))
            }
        }
    }
}
