import Telephony

/// Agents: answering, missing offers, hanging up, wrap-up, login, logout
/// and pause (from the console; feature codes come through here too).
extension ACDEngine {
    mutating func agentAnswered(_ i: Int, now: SampleTime) {
        guard case .ringing(let call) = agents[i].status, let q = whereWaiting[call],
              let e = queues[q].position(of: call) else { return }
        let caller = queues[q].waiting.remove(at: e)
        whereWaiting[call] = nil
        stopRinging(caller, except: i, now: now)
        agents[i].consecutiveMisses = 0
        agents[i].callsTaken += 1
        setStatus(i, .onCall(call), at: now)
        if let booking = caller.callback {
            connected[call] = ConnectedCall(queue: q, agent: i, channel: nil, answeredAt: now, dialling: caller, isCallback: true, caller: caller)
            emit(.dialCallback(call, number: booking.number, agent: agents[i].id))
        } else {
            queues[q].stats.countAnswer(wait: now - caller.arrivedAt)
            connected[call] = ConnectedCall(queue: q, agent: i, channel: caller.channel, answeredAt: now, dialling: nil, isCallback: false, caller: caller)
            emit(.connect(call, agent: agents[i].id))
        }
    }

    /// The offer rang out or was refused: the caller keeps their place, the
    /// agent is free again, or paused after too many misses in a row.
    mutating func missedOffer(_ i: Int, now: SampleTime) {
        guard case .ringing(let call) = agents[i].status else { return }
        withdrawOffer(from: i, call: call, missed: true)
        agents[i].consecutiveMisses += 1
        if let limit = configuration.autoPauseAfterMisses, agents[i].consecutiveMisses >= limit {
            setStatus(i, .paused(reason: "auto-pause"), at: now)
        } else {
            setStatus(i, .available, at: now)
        }
    }

    /// Stops agent `i`'s phone ringing for `call` (the caller stays queued).
    /// The caller now rings no one, so a callback gives its line back.
    mutating func withdrawOffer(from i: Int, call: CallID, missed: Bool) {
        emit(.cancelOffer(call, agent: agents[i].id))
        guard let q = whereWaiting[call], let e = queues[q].position(of: call) else { return }
        queues[q].waiting[e].ringing.removeAll { $0 == i }
        if missed { queues[q].waiting[e].missedBy.append(i) }
        if queues[q].waiting[e].ringing.isEmpty, queues[q].waiting[e].callback != nil { callbackLinesInUse -= 1 }
    }

    mutating func agentHungUp(_ i: Int, now: SampleTime) {
        guard case .onCall(let call) = agents[i].status, let c = connected[call] else { return }
        if c.dialling != nil {
            // Hung up before the callback was answered: the booking goes back in place.
            emit(.cancelCallbackDial(call))
            endCallbackAttempt(call, failed: false, now: now)
        } else {
            endCall(call, now: now, byAgent: true)
        }
    }

    /// A talk ends: count it, clear the other side, start wrap-up.
    mutating func endCall(_ call: CallID, now: SampleTime, byAgent: Bool) {
        guard let c = connected.removeValue(forKey: call) else { return }
        countTalk(c, now: now)
        emit(byAgent ? .hangUpCaller(call) : .releaseAgent(agents[c.agent].id, call: call))
        startWrapUp(c, now: now)
    }

    /// The agent's part of a call is over: their talk time, the queue's
    /// handled count and handle-time estimate.
    mutating func countTalk(_ c: ConnectedCall, now: SampleTime) {
        let talk = now - c.answeredAt
        agents[c.agent].talkTime += talk
        queues[c.queue].stats.totalTalk += talk
        queues[c.queue].stats.handled += 1
        if c.isCallback { callbackLinesInUse -= 1 }
        let wrap = agents[c.agent].wrapUp ?? queues[c.queue].setup.config.wrapUp
        let estimate = queues[c.queue].handleTimeEstimate
        queues[c.queue].handleTimeEstimate = SampleTime(samples: (estimate.samples * 9 + (talk + wrap).samples) / 10)
    }

    /// Wrap-up after the agent's part of a call, or free at once.
    mutating func startWrapUp(_ c: ConnectedCall, now: SampleTime) {
        let wrap = agents[c.agent].wrapUp ?? queues[c.queue].setup.config.wrapUp
        if wrap > .zero {
            agents[c.agent].wrapQueue = c.queue
            agents[c.agent].wrapStarted = now
            setStatus(c.agent, .wrapUp(until: now + wrap), at: now)
            timers.add(.wrapUp(agent: c.agent), at: now + wrap)
        } else {
            finishWork(c.agent, now: now)
        }
    }

    mutating func endWrapUp(_ i: Int, at time: SampleTime) {
        guard case .wrapUp = agents[i].status else { return }
        queues[agents[i].wrapQueue].stats.totalWrapUp += time - agents[i].wrapStarted
        finishWork(i, now: time)
    }

    /// After a call (and wrap-up): a pending pause or logout, or free again.
    mutating func finishWork(_ i: Int, now: SampleTime) {
        let after = agents[i].afterCall
        agents[i].afterCall = nil
        switch after {
        case .pause(let reason): setStatus(i, .paused(reason: reason), at: now)
        case .logout: logOut(i, now: now)
        case nil: setStatus(i, .available, at: now, idle: true)
        }
    }

    // MARK: Login, logout, pause

    mutating func console(_ command: AgentCommand, now: SampleTime) {
        switch command {
        case .login(let id, let channel):
            if let i = agentIndex[id], let phone = channel ?? agents[i].homeChannel { _ = logIn(i, on: phone, now: now) }
        case .logout(let id): if let i = agentIndex[id] { _ = requestLogout(i, now: now) }
        case .pause(let id, let reason): if let i = agentIndex[id] { _ = requestPause(i, reason: reason, now: now) }
        case .unpause(let id): if let i = agentIndex[id] { _ = unpause(i, now: now) }
        case .endWrapUp(let id): if let i = agentIndex[id] { endWrapUp(i, at: now) }
        }
    }

    mutating func logIn(_ i: Int, on channel: ChannelID, now: SampleTime) -> Bool {
        if agents[i].status.isLoggedIn { return agents[i].channel == channel }
        if let other = agentOnChannel[channel], other != i { return false }
        agents[i].channel = channel
        agentOnChannel[channel] = i
        agents[i].consecutiveMisses = 0
        setStatus(i, .available, at: now, idle: true)
        return true
    }

    mutating func requestLogout(_ i: Int, now: SampleTime) -> Bool {
        switch agents[i].status {
        case .loggedOut: return false
        case .ringing(let call):
            withdrawOffer(from: i, call: call, missed: false)
            logOut(i, now: now)
        case .onCall, .wrapUp, .consulting: agents[i].afterCall = .logout
        case .available, .paused: logOut(i, now: now)
        }
        return true
    }

    mutating func logOut(_ i: Int, now: SampleTime) {
        if let channel = agents[i].channel { agentOnChannel[channel] = nil }
        agents[i].channel = nil
        setStatus(i, .loggedOut, at: now)
    }

    mutating func requestPause(_ i: Int, reason: String, now: SampleTime) -> Bool {
        switch agents[i].status {
        case .loggedOut: return false
        case .ringing(let call):
            withdrawOffer(from: i, call: call, missed: false)
            setStatus(i, .paused(reason: reason), at: now)
        case .onCall, .wrapUp, .consulting: agents[i].afterCall = .pause(reason)
        case .available, .paused: setStatus(i, .paused(reason: reason), at: now)
        }
        return true
    }

    mutating func unpause(_ i: Int, now: SampleTime) -> Bool {
        switch agents[i].status {
        case .paused:
            agents[i].consecutiveMisses = 0
            setStatus(i, .available, at: now, idle: true)
            return true
        case .onCall, .wrapUp, .consulting:
            guard case .pause = agents[i].afterCall else { return false }
            agents[i].afterCall = nil
            return true
        default: return false
        }
    }
}
