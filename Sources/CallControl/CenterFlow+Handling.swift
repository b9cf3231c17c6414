import ACD
import Channels
import DSP
import MediaLoop
import Telephony

/// An agent handling a call from an analog phone: a hook flash holds the
/// caller (music) and gives dial tone; then a colleague's number consults
/// them (ringback, talk, the conference code brings the caller in, hanging
/// up hands the caller over, a flash cancels), a queue's transfer code
/// passes the caller there on hanging up (keeping their place), hanging up
/// with nothing dialled leaves the caller on hold until the phone is lifted
/// (it rings again after the hold reminder). A flash always returns to the
/// caller.
extension CenterFlow {
    /// Phone events in the call-handling states; false: not one of them.
    mutating func handlingEvent(_ phone: ChannelNumber, _ event: ChannelEvent) -> Bool {
        switch (phones[phone] ?? .idle, event) {
        case (.talking(let line), .flash):
            hold(phone, line)
        case (.flashed(let line, _), .flash), (.transferReady(let line, _), .flash), (.flashFailed(let line), .flash):
            resume(phone, line)
        case (.flashed(let line, _), .phoneOnHook), (.flashFailed(let line), .phoneOnHook):
            park(phone, line)
        case (.transferReady(let line, let queue), .phoneOnHook):
            blindTransfer(phone, line, to: queue)
            phoneDone(phone)
        case (.consulting(let line, let colleague, false), .phoneOnHook):
            // Hung up while the colleague's phone rings: the caller goes to them (their own queue).
            let target = self.agent(on: colleague)
            endConsultation(phone, colleague)
            if let target { blindTransfer(phone, line, to: ACDConfigurationMapping.personalQueueID(target.rawValue).rawValue) }
            phoneDone(phone)
        case (.consulting(let line, let colleague, _), .flash):
            endConsultation(phone, colleague)
            resume(phone, line)
        case (.consulting(let line, let colleague, true), .phoneOnHook), (.conference(let line, let colleague), .phoneOnHook):
            handOver(phone, line, to: colleague)
        case (.conference(let line, let colleague), .flash):
            endConsultation(phone, colleague)
            resume(phone, line)
        case (.consulted(let agentPhone, false), .phoneOffHook):
            colleagueAnswered(agentPhone, colleague: phone)
        case (.consulted(let agentPhone, true), .phoneOnHook):
            colleagueLeft(agentPhone, colleague: phone)
        case (.recalling(let line), .phoneOffHook):
            held[phone] = nil
            resume(phone, line)
        case (.idle, .phoneOffHook) where held[phone] != nil:
            let line = held.removeValue(forKey: phone)!.line
            resume(phone, line)
        case (.monitoring, .phoneOnHook):
            stopMonitoring(phone)
        case (.messages, .phoneOnHook):
            endPickup(phone)
            phones[phone] = .idle
        default:
            return false
        }
        return true
    }

    /// Keys on a phone in the call-handling states; false: not one of them.
    mutating func handlingKey(_ phone: ChannelNumber, _ key: DTMFKey) -> Bool {
        switch phones[phone] ?? .idle {
        case .flashed(let line, let digits):
            if digits.isEmpty { media(.stopPlayback(phone)) }  // the dial tone
            if key == .hash { submitTarget(phone, line, digits) } else {
                phones[phone] = .flashed(line: line, digits: digits + String(key.rawValue))
                featureDeadline[phone] = now + plan.featureCodePause
            }
        case .consulting(let line, let colleague, true):
            var keys = (pressed[phone] ?? []) + [key]
            keys = Array(keys.suffix(plan.features.conferenceKeys.count))
            pressed[phone] = keys
            if keys == plan.features.conferenceKeys { conference(phone, line, colleague) }
        case .monitoring:
            monitorKey(phone, key)
        case .messages:
            messageKey(phone, key)
        default:
            return false
        }
        return true
    }

    // MARK: Hold

    /// The flash: the caller hears music, the agent dial tone.
    private mutating func hold(_ phone: ChannelNumber, _ line: ChannelNumber) {
        guard case .talking(let id, phone) = lines[line] ?? .idle else { return }
        endMonitoring(of: phone)
        phones[phone] = .flashed(line: line, digits: "")
        sessions[id]?.heldSince = now
        calls[id]?.holds += 1
        media(.hear(line, .silence))
        media(.hear(phone, .silence))
        media(.play(line, sessions[id]?.music ?? plan.tones.hold, loop: true))
        media(.setDSP(phone, [.dtmf]))
        media(.play(phone, plan.tones.dial, loop: true))
    }

    /// Back to the caller (after a flash, a cancelled consultation, a lifted phone).
    mutating func resume(_ phone: ChannelNumber, _ line: ChannelNumber) {
        guard case .talking(let id, phone) = lines[line] ?? .idle else { return }
        featureDeadline[phone] = nil
        consultDeadline[phone] = nil
        pressed[phone] = nil
        endHold(id)
        phones[phone] = .talking(line: line)
        media(.stopPlayback(phone))
        media(.setDSP(phone, sessions[id]?.demandKeys != nil ? [.dtmf] : []))
        remix(id)
    }

    /// The hold is over: music stops, its time is added to the record.
    private mutating func endHold(_ id: CallID) {
        guard let since = sessions[id]?.heldSince, let line = sessions[id]?.line else { return }
        sessions[id]?.heldSince = nil
        let heldFor = now - since
        calls[id]?.heldFor += heldFor
        media(.stopPlayback(line))
    }

    /// Hung up with the caller on hold: they stay held; lifting the phone
    /// takes them back, and after the hold reminder the phone rings.
    private mutating func park(_ phone: ChannelNumber, _ line: ChannelNumber) {
        guard case .talking(let id, phone) = lines[line] ?? .idle else { return }
        phoneDone(phone)
        held[phone] = HeldCall(line: line, recall: (sessions[id]?.heldSince ?? now) + plan.features.holdReminder)
    }

    /// Rings the phones whose held calls waited past the reminder.
    mutating func recallHeldCalls() {
        for phone in held.keys.sorted() where held[phone]!.recall <= now && phones[phone] == .idle {
            phones[phone] = .recalling(line: held[phone]!.line)
            media(.hook(phone, .ringStart))
        }
    }

    /// The phone leaves the call (idle from now on, silent, no keys).
    private mutating func phoneDone(_ phone: ChannelNumber) {
        phones[phone] = .idle
        featureDeadline[phone] = nil
        pressed[phone] = nil
        media(.stopPlayback(phone))
        media(.setDSP(phone, []))
        media(.unbridge(phone))
    }

    // MARK: Transfers

    /// Digits dialled after the flash: a queue's transfer code, or a colleague.
    mutating func submitTarget(_ phone: ChannelNumber, _ line: ChannelNumber, _ digits: String) {
        featureDeadline[phone] = nil
        let code = digits.filter { $0 != "#" }
        guard case .talking(let id, phone) = lines[line] ?? .idle else { return }
        if let queue = plan.features.queueCodes[code] {
            phones[phone] = .transferReady(line: line, queue: queue)
            media(.play(phone, plan.tones.accepted, loop: false))
            return
        }
        guard plan.agentNames[code] != nil, AgentID(code) != sessions[id]?.agent else {
            note("\(id): '\(code)' dialled after a flash on \(phone) is neither an agent nor a queue's transfer code")
            return flashFailed(phone, line, plan.tones.refused)
        }
        acdStep(.consult(acdCall(id), agent: AgentID(code)))
    }

    /// The ACD's answer to a consultation: ring the colleague, or busy tone.
    mutating func consultAnswer(_ id: CallID, _ agent: AgentID, accepted: Bool) {
        let colleague = self.phone(of: agent)
        if let colleague, case .monitoring = phones[colleague] ?? .idle { return }  // a supervisor kept off offers while monitoring
        guard let phone = sessions[id]?.phone, case .flashed(let line, _) = phones[phone] ?? .idle else {
            if accepted { deferredACD.append(.consultEnded(agent)) }
            return
        }
        guard accepted, let colleague, phones[colleague] == .idle, held[colleague] == nil else {
            if accepted { deferredACD.append(.consultEnded(agent)) }
            return flashFailed(phone, line, plan.tones.busy)
        }
        phones[colleague] = .consulted(by: phone, answered: false)
        media(.hook(colleague, .ringStart))
        phones[phone] = .consulting(line: line, colleague: colleague, answered: false)
        media(.play(phone, plan.tones.ringback, loop: true))
        consultDeadline[phone] = now + plan.features.consultRingTimeout
    }

    /// The colleague's phone rang out: busy tone to the agent.
    mutating func consultRangOut(_ phone: ChannelNumber) {
        consultDeadline[phone] = nil
        guard case .consulting(let line, let colleague, false) = phones[phone] ?? .idle else { return }
        endConsultation(phone, colleague)
        flashFailed(phone, line, plan.tones.busy)
    }

    private mutating func flashFailed(_ phone: ChannelNumber, _ line: ChannelNumber, _ tone: MediaPrompt) {
        phones[phone] = .flashFailed(line: line)
        media(.play(phone, tone, loop: true))
    }

    private mutating func colleagueAnswered(_ phone: ChannelNumber, colleague: ChannelNumber) {
        guard case .consulting(let line, colleague, false) = phones[phone] ?? .idle, let id = lines[line]?.call else { return }
        consultDeadline[phone] = nil
        phones[phone] = .consulting(line: line, colleague: colleague, answered: true)
        phones[colleague] = .consulted(by: phone, answered: true)
        media(.stopPlayback(phone))
        media(.setDSP(phone, [.dtmf]))
        remix(id)
    }

    /// The colleague hung up: a conference goes on between agent and
    /// caller; a consultation leaves the agent with busy tone (a flash
    /// returns to the caller).
    private mutating func colleagueLeft(_ phone: ChannelNumber, colleague: ChannelNumber) {
        phoneDone(colleague)
        consultOver(colleague)
        switch phones[phone] ?? .idle {
        case .consulting(let line, colleague, _): flashFailed(phone, line, plan.tones.busy)
        case .conference(let line, colleague): resume(phone, line)
        default: break
        }
    }

    /// The colleague's phone stops ringing, or they hear busy tone; the ACD frees them.
    mutating func endConsultation(_ phone: ChannelNumber, _ colleague: ChannelNumber) {
        consultDeadline[phone] = nil
        switch phones[colleague] ?? .idle {
        case .consulted(phone, false):
            phones[colleague] = .idle
            media(.hook(colleague, .ringStop))
        case .consulted(phone, true):
            phones[colleague] = .afterCall
            media(.unbridge(colleague))
            media(.play(colleague, plan.tones.busy, loop: true))
        default:
            return
        }
        consultOver(colleague)
    }

    /// The ACD frees the agent on this phone from a consultation (or monitoring).
    mutating func consultOver(_ phone: ChannelNumber) {
        if let agent = agent(on: phone) { tellACD(.consultEnded(agent)) }
    }

    private mutating func conference(_ phone: ChannelNumber, _ line: ChannelNumber, _ colleague: ChannelNumber) {
        guard case .talking(let id, phone) = lines[line] ?? .idle else { return }
        pressed[phone] = nil
        endHold(id)
        phones[phone] = .conference(line: line, colleague: colleague)
        calls[id]?.conferences += 1
        remix(id)
    }

    /// The agent hung up with the colleague on the line: the colleague
    /// takes the call (attended transfer).
    private mutating func handOver(_ phone: ChannelNumber, _ line: ChannelNumber, to colleague: ChannelNumber) {
        guard case .talking(let id, phone) = lines[line] ?? .idle, let target = self.agent(on: colleague) else { return }
        endAgentPart(id, transferredTo: target.rawValue)
        phoneDone(phone)
        endHold(id)
        acdStep(.handOver(acdCall(id), to: target))
        phones[colleague] = .talking(line: line)
        lines[line] = .talking(id, agent: colleague)
        sessions[id]?.phone = colleague
        sessions[id]?.agent = target
        sessions[id]?.connected = now
        calls[id]?.agent = colleague
        calls[id]?.agentID = target.rawValue
        remix(id)
    }

    /// The agent passes the caller to `queue` (a queue, or a colleague's
    /// own queue); the caller keeps the place their arrival gives them.
    mutating func blindTransfer(_ phone: ChannelNumber, _ line: ChannelNumber, to queue: String) {
        guard case .talking(let id, phone) = lines[line] ?? .idle, let agent = sessions[id]?.agent else { return }
        endAgentPart(id, transferredTo: queue)
        endHold(id)
        media(.unbridge(phone))
        lines[line] = .queued(id, queue: sessions[id]?.queue ?? queue)
        sessions[id]?.phone = nil
        sessions[id]?.agent = nil
        sessions[id]?.connected = nil
        acdStep(.agentTransfer(agent, to: QueueID(queue)))
        if calls[id] != nil, !acd.waiting(in: QueueID(queue)).contains(where: { $0.call == acdCall(id) }),
           lines[line] == .queued(id, queue: sessions[id]?.queue ?? queue) {
            note("\(id) could not be passed to \(queue) (the ACD did not take it): the caller is released")
            release(id, .queueRefused)
        }
    }

    /// The agent's part of the call is over (their talk, who took it next).
    private mutating func endAgentPart(_ id: CallID, transferredTo target: String) {
        guard let session = sessions[id], let agent = session.agent else { return }
        endMonitoring(of: session.phone)
        let queue = session.queue ?? ""
        queueEvent(id, queue, .completed(agent: agent.rawValue, talked: now - (session.connected ?? now)))
        queueEvent(id, queue, .transferred(agent: agent.rawValue, to: target))
        calls[id]?.transfers.append(target)
    }

    /// Everything the call's agent was doing with it ends with the call:
    /// hold, a colleague consulted or in conference, a supervisor monitoring.
    mutating func endHandling(_ id: CallID, phone: ChannelNumber) {
        endHold(id)
        endMonitoring(of: phone)
        switch phones[phone] ?? .idle {
        case .consulting(_, let colleague, _), .conference(_, let colleague): endConsultation(phone, colleague)
        default: break
        }
        featureDeadline[phone] = nil
        pressed[phone] = nil
        held[phone] = nil
        if case .recalling = phones[phone] ?? .idle {
            media(.hook(phone, .ringStop))
            phones[phone] = .idle
        }
    }
}
