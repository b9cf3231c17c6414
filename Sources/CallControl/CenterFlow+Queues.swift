import ACD
import Channels
import Config
import IVR
import MediaLoop
import Telephony

/// The ACD's side: callers joining queues, and every `ACDAction` carried
/// out — music, offers (ringing phones), bridging and recording, the end of
/// a conversation (then the survey), overflow, agents' states.
extension CenterFlow {
    /// Puts a caller into a queue: the recording notice (if the queue
    /// records), then the ACD takes them.
    mutating func join(_ id: CallID, queue: String) {
        guard let session = sessions[id] else { return }
        lines[session.line] = .queued(id, queue: queue)
        sessions[id]?.ivr = nil
        sessions[id]?.queue = queue
        sessions[id]?.joined = now
        calls[id]?.queued = now
        calls[id]?.queue = queue
        queueEvent(id, queue, .joined)
        if plan.records(queue), !plan.recordingNotice.isEmpty {
            play(id, plan.recordingNotice.map { CenterPlan.file($0, session.language) }, owner: .queueMessage)
        } else {
            stopPlayback(id)
        }
        guard sessions[id] != nil else { return }
        let arrival = CallArrival(call: acdCall(id), queue: QueueID(queue), channel: ChannelID(session.line.rawValue),
                                  callerID: calls[id]?.callerID?.number)
        acdStep(.callArrived(arrival))
    }

    /// Tells the ACD what happened and carries out its answer. Offers it
    /// cancelled while the caller still waits count as missed for the call.
    mutating func acdStep(_ event: ACDEvent) {
        let actions = acd.on(event, now: now)
        acdDepth += 1
        for action in actions { acdAction(action) }
        acdDepth -= 1
        for id in cancelledOffers {
            if let line = calls[id]?.line, case .queued = lines[line] ?? .idle { calls[id]?.missedOffers += 1 }
        }
        cancelledOffers = []
        while !deferredACD.isEmpty { acdStep(deferredACD.removeFirst()) }
    }

    /// Tells the ACD now, or, while one of its answers is being carried
    /// out, right after it (its actions would otherwise interleave).
    mutating func tellACD(_ event: ACDEvent) {
        if acdDepth > 0 { deferredACD.append(event) } else { acdStep(event) }
    }

    private mutating func acdAction(_ action: ACDAction) {
        switch action {
        case .startMusic(let c, let music):
            let id = call(c)
            guard let session = sessions[id] else { return }
            let file = CenterPlan.file(music, session.language)
            sessions[id]?.music = plan.prompts[file]
            if plan.prompts[file] == nil { note("hold music \(file) is not loaded: callers wait in silence") }
            resumeMusic(id)
        case .offer(let c, let agent, let channel, let callback):
            if callback { offerCallback(booking(c), agent, ChannelNumber(channel.rawValue)) } else { offer(call(c), agent, ChannelNumber(channel.rawValue)) }
        case .cancelOffer(let c, let agent):
            if bookings[booking(c)] != nil, legs[booking(c)] == nil { cancelCallbackOffer(booking(c), agent) } else { cancelOffer(call(c), agent) }
        case .connect(let c, let agent):
            connect(call(c), agent)
        case .hangUpCaller(let c):
            agentHungUp(call(c))
        case .releaseAgent(_, let c):
            if let phone = endConversation(call(c)) { agentLeftAlone(phone) }
        case .announcePosition(let c, let position, let estimatedWait):
            announce(call(c), position: position, estimatedWait: estimatedWait)
        case .playMessage(let c, let prompt):
            let id = call(c)
            if let language = sessions[id]?.language { play(id, [CenterPlan.file(prompt.rawValue, language)], owner: .queueMessage) }
        case .collectCallbackNumber(let c, let suggested):
            collectCallbackNumber(call(c), suggested: suggested)
        case .releaseForCallback(let c, let number):
            releaseForCallback(call(c), number: number)
        case .dialCallback(let c, let number, let agent):
            dialCallback(booking(c), number: number, agent: agent)
        case .cancelCallbackDial(let c):
            if let leg = legs[booking(c)] { release(leg, .calleeNotReached) }
        case .callbackGaveUp(let c, let number):
            callbackGaveUp(booking(c), number: number)
        case .moveToQueue(let c, let from, let to):
            let id = call(c)
            guard let line = calls[id]?.line else { return }
            queueEvent(id, from.rawValue, .moved(to: to.rawValue))
            lines[line] = .queued(id, queue: to.rawValue)
            sessions[id]?.queue = to.rawValue
            sessions[id]?.joined = now
        calls[id]?.queued = now
            calls[id]?.queue = to.rawValue
            queueEvent(id, to.rawValue, .joined)
        case .refuse(let c, let reason, let prompt):
            refused(call(c), reason, prompt)
        case .agentStatus(let agent, let status):
            agentStatus(agent, status)
        case .consultAnswer(let c, let agent, let accepted):
            consultAnswer(call(c), agent, accepted: accepted)
        case .featureResult(let channel, let accepted, _):
            let phone = ChannelNumber(channel.rawValue)
            if phones[phone] == .offHook { media(.play(phone, accepted ? plan.tones.accepted : plan.tones.refused, loop: false)) }
        case .repaired(let repair):
            note("repaired: \(repair)")
        }
    }

    // MARK: Offers and conversations

    private mutating func offer(_ id: CallID, _ agent: AgentID, _ phone: ChannelNumber) {
        guard let line = calls[id]?.line, let queue = sessions[id]?.queue else { return }
        offeredPhone[agent] = phone
        queueEvent(id, queue, .offered(agent: agent.rawValue))
        if phones[phone] == .idle { ring(phone, line) } else { pendingRing[phone] = line }
    }

    mutating func ring(_ phone: ChannelNumber, _ line: ChannelNumber) {
        phones[phone] = .ringing(line: line)
        media(.hook(phone, .ringStart))
    }

    private mutating func cancelOffer(_ id: CallID, _ agent: AgentID) {
        guard let phone = offeredPhone.removeValue(forKey: agent) else { return }
        let line = calls[id]?.line
        if let line, phones[phone] == .ringing(line: line) {
            phones[phone] = .idle
            media(.hook(phone, .ringStop))
        }
        if let line, pendingRing[phone] == line { pendingRing[phone] = nil }
        if let queue = sessions[id]?.queue { queueEvent(id, queue, .offerEnded(agent: agent.rawValue)) }
        cancelledOffers.append(id)
    }

    /// The agent answered: bridge, record (caller left, agent right).
    private mutating func connect(_ id: CallID, _ agent: AgentID) {
        guard let session = sessions[id], let queue = session.queue,
              let phone = offeredPhone.removeValue(forKey: agent) ?? self.phone(of: agent)
        else { return }
        let line = session.line
        pendingRing[phone] = nil
        sessions[id]?.entry = nil
        stopPlayback(id)
        media(.stopPlayback(phone))
        media(.bridge(line, phone))
        phones[phone] = .talking(line: line)
        lines[line] = .talking(id, agent: phone)
        calls[id]?.agent = phone
        calls[id]?.agentID = agent.rawValue
        calls[id]?.connected = now
        sessions[id]?.agent = agent
        sessions[id]?.phone = phone
        sessions[id]?.connected = now
        if let booked = legOrigin[id] {
            let waited = now - (bookings.removeValue(forKey: booked)?.joined ?? now)
            queueEvent(booked, queue, .callbackConnected(agent: agent.rawValue, leg: id, waited: waited))
        } else {
            queueEvent(id, queue, .answered(agent: agent.rawValue, waited: now - (session.joined ?? now)))
        }
        switch plan.recordPolicy(queue) {
        case .always: startRecording(id)
        case .onDemand:
            sessions[id]?.demandKeys = []
            media(.setDSP(phone, [.dtmf]))
        case .never: break
        }
    }

    /// Records the conversation from now on: the caller left, what the
    /// caller hears right (the agent, a conference, hold music), so one file
    /// follows the call across transfers.
    mutating func startRecording(_ id: CallID) {
        guard let session = sessions[id], session.phone != nil, session.slot == nil, !freeSlots.isEmpty else { return }
        let slot = freeSlots.removeFirst()  // least recently used: late frames of an old call never land in a new one
        sessions[id]?.slot = slot
        sessions[id]?.demandKeys = nil
        calls[id]?.recording = true
        emit(.recordingStarted(id, slot))
        media(.recordCaller(slot, caller: session.line))
    }

    /// Ends the bridge and the recording of a call; returns the agent's
    /// phone if the call had one.
    mutating func endConversation(_ id: CallID) -> ChannelNumber? {
        guard let session = sessions[id] else { return nil }
        if let slot = session.slot {  // also a call moved to a queue by its agent, recorded since
            media(.stopRecording(slot))
            emit(.recordingStopped(id, slot))
            freeSlots.append(slot)
            sessions[id]?.slot = nil
        }
        guard let phone = session.phone else { return nil }
        endHandling(id, phone: phone)
        media(.unbridge(session.line))
        if let queue = session.queue, let agent = session.agent {
            queueEvent(id, queue, .completed(agent: agent.rawValue, talked: now - (session.connected ?? now)))
        }
        sessions[id]?.phone = nil
        sessions[id]?.slot = nil
        return phone
    }

    /// The caller left an agent who is still on the line: busy tone until they hang up.
    mutating func agentLeftAlone(_ phone: ChannelNumber) {
        guard phones[phone]?.isWithCaller == true else { return }
        phones[phone] = .afterCall
        media(.play(phone, plan.tones.busy, loop: true))
    }

    /// The agent hung up: the survey if the queue has one, else release.
    private mutating func agentHungUp(_ id: CallID) {
        guard let session = sessions[id] else { return }
        _ = endConversation(id)
        calls[id]?.end = .agentHungUp
        guard let queue = session.queue, let name = plan.queues[queue]?.survey?.value, let survey = plan.ivr.surveys[name] else {
            return release(id, .agentHungUp)
        }
        lines[session.line] = .survey(id)
        calls[id]?.surveyAsked = true
        let context = SurveyEngine.Context(call: id.description, agent: session.agent?.rawValue ?? "", queue: queue)
        sessions[id]?.survey = SurveyEngine(survey: survey, context: context, language: session.language)
        feed(id, .start(wallClock))
    }

    /// The queue would not keep the caller: its overflow action, a last
    /// message, or release.
    private mutating func refused(_ id: CallID, _ reason: RefusalReason, _ prompt: ACD.PromptID?) {
        guard let session = sessions[id] else { return }
        let queue = session.queue ?? ""
        queueEvent(id, queue, .refused(reason: reason.rawValue))
        if reason == .queueFull {
            note("queue \(queue) full (max_callers \(plan.queues[queue]?.maxCallers ?? 0)): further callers are turned away to its overflow")
        }
        if prompt == ACDConfigurationMapping.handOffPrompt, let action = plan.queues[queue]?.overflow?.value {
            return perform(id, action)
        }
        if prompt == ACDConfigurationMapping.handOffPrompt, queue.hasPrefix("agent:") {
            return perform(id, .voicemail(String(queue.dropFirst("agent:".count))))  // the agent's own mailbox
        }
        guard let prompt else { return release(id, .queueRefused) }
        lines[session.line] = .leaving(id)
        play(id, [CenterPlan.file(prompt.rawValue, session.language)], owner: .farewell(.queueRefused))
    }

    private mutating func agentStatus(_ agent: AgentID, _ status: AgentStatus) {
        var change = AgentStateChange(agent: agent.rawValue, state: status.name, at: now)
        switch status {
        case .ringing(let c), .onCall(let c): change.call = call(c)
        case .paused(let reason): change.reason = reason
        default: break
        }
        change.phone = phone(of: agent)
        emit(.agentState(change))
    }

    mutating func queueEvent(_ id: CallID, _ queue: String, _ kind: QueueEvent.Kind) {
        emit(.queueEvent(QueueEvent(call: id, queue: queue, kind: kind, at: now)))
    }
}
