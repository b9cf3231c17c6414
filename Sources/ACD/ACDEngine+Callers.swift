import Telephony

/// Callers: joining, overflowing, hanging up, asking for a callback.
extension ACDEngine {
    /// Overflow hops before a caller is refused (a guard against A → B → A).
    static let maxOverflowHops = 4

    mutating func arrive(_ arrival: CallArrival, now: SampleTime) {
        guard whereWaiting[arrival.call] == nil, connected[arrival.call] == nil else { return }
        guard let q = queueIndex[arrival.queue] else {
            emit(.refuse(arrival.call, reason: .noAgents, prompt: nil))
            return
        }
        sequence += 1
        let caller = WaitingCaller(call: arrival.call, channel: arrival.channel, callerID: arrival.callerID,
                                   dialled: arrival.dialled, arrivedAt: now, orderKey: now, sequence: sequence)
        enter(caller, queue: q, now: now)
    }

    /// A caller arrives at queue `q` (first time or by overflow): refused,
    /// overflowed or placed in order.
    mutating func enter(_ caller: WaitingCaller, queue q: Int, now: SampleTime) {
        queues[q].stats.offered += 1
        let setup = queues[q].setup
        if case .refuse(let target) = setup.config.whenNoAgents, !hasLoggedInAgent(queue: q) {
            queues[q].stats.rejectedNoAgents += 1
            overflow(caller, from: q, reason: .noAgents, to: target, now: now)
            return
        }
        if let limit = setup.config.maxLength, queues[q].waiting.count >= limit {
            queues[q].stats.rejectedFull += 1
            overflow(caller, from: q, reason: .queueFull, to: setup.config.onFull, now: now)
            return
        }
        let e = place(caller, queue: q, now: now)
        dispatch(now: now)  // offers only add to `ringing`: the caller is still at `e`
        if queues[q].waiting[e].ringing.isEmpty { queues[q].stats.queuedOnArrival += 1 }
    }

    /// Puts a caller in queue order, starts music and their announcements;
    /// returns their index.
    @discardableResult
    mutating func place(_ caller: WaitingCaller, queue q: Int, now: SampleTime, keepOrder: Bool = false) -> Int {
        let setup = queues[q].setup
        var caller = caller
        caller.arrivedAt = now
        var headStart = SampleTime.zero
        for rule in setup.config.priorities where rule.headStart > headStart && rule.matches(callerID: caller.callerID, dialled: caller.dialled) {
            headStart = rule.headStart
        }
        caller.orderKey = keepOrder ? min(caller.orderKey, now - headStart) : now - headStart
        caller.ringing = []
        caller.missedBy = []
        caller.timedOut = false
        caller.nextAnnouncement = setup.config.positionAnnouncementInterval.map { now + $0 }
        caller.nextMessage = setup.config.periodicMessages.isEmpty ? nil : setup.config.periodicMessageInterval.map { now + $0 }
        caller.messageIndex = 0
        let e = queues[q].insertionIndex(for: caller)
        queues[q].waiting.insert(caller, at: e)
        whereWaiting[caller.call] = q
        scheduleCallerTimers(caller, queue: q)
        emit(.startMusic(caller.call, music: setup.config.music))
        if setup.config.announcePositionOnJoin {
            emit(.announcePosition(caller.call, position: e + 1, estimatedWait: estimatedWait(queue: q, position: e + 1)))
        }
        return e
    }

    /// Moves a waiting caller (not a callback booking) to another queue,
    /// keeping the order their first arrival gave them; no-op otherwise.
    mutating func transferCaller(_ call: CallID, to target: QueueID, now: SampleTime) {
        guard let t = queueIndex[target], let q = whereWaiting[call], q != t, let e = queues[q].position(of: call),
              queues[q].waiting[e].callback == nil else { return }
        let caller = removeWaiting(queue: q, at: e, now: now)
        queues[q].stats.transferredOut += 1
        emit(.moveToQueue(call, from: queues[q].setup.config.id, to: target))
        queues[t].stats.offered += 1
        place(caller, queue: t, now: now, keepOrder: true)
        dispatch(now: now)
    }

    /// Sends a caller the queue would not keep to `target`.
    mutating func overflow(_ caller: WaitingCaller, from q: Int, reason: RefusalReason, to target: OverflowTarget, now: SampleTime) {
        switch target {
        case .hangUp:
            emit(.refuse(caller.call, reason: reason, prompt: nil))
        case .message(let prompt):
            emit(.refuse(caller.call, reason: reason, prompt: prompt))
        case .queue(let id):
            guard let next = queueIndex[id], caller.hops < Self.maxOverflowHops else {
                emit(.refuse(caller.call, reason: .overflowLoop, prompt: nil))
                return
            }
            var moved = caller
            moved.hops += 1
            emit(.moveToQueue(caller.call, from: queues[q].setup.config.id, to: id))
            enter(moved, queue: next, now: now)
        case .callback:
            // Offered a callback; meanwhile the caller waits at the back.
            if whereWaiting[caller.call] == nil { place(caller, queue: q, now: now) }
            if let e = queues[q].position(of: caller.call) { queues[q].waiting[e].timedOut = true }
            emit(.collectCallbackNumber(caller.call, suggested: caller.callerID))
        }
    }

    func hasLoggedInAgent(queue q: Int) -> Bool {
        agents.contains { $0.serves[q] && $0.status.isLoggedIn }
    }

    /// Takes a caller out of their queue, stopping any phones ringing for them
    /// (those agents are free again; the offer does not count as missed).
    mutating func removeWaiting(queue q: Int, at e: Int, now: SampleTime) -> WaitingCaller {
        let caller = queues[q].waiting.remove(at: e)
        whereWaiting[caller.call] = nil
        stopRinging(caller, except: nil, now: now)
        return caller
    }

    mutating func stopRinging(_ caller: WaitingCaller, except answering: Int?, now: SampleTime) {
        for i in caller.ringing where i != answering {
            emit(.cancelOffer(caller.call, agent: agents[i].id))
            setStatus(i, .available, at: now)
        }
        if !caller.ringing.isEmpty, caller.callback != nil, answering == nil { callbackLinesInUse -= 1 }
    }

    mutating func callerHungUp(_ call: CallID, now: SampleTime) {
        if let q = whereWaiting[call], let e = queues[q].position(of: call) {
            guard queues[q].waiting[e].callback == nil else { return }  // not on the line any more
            let caller = removeWaiting(queue: q, at: e, now: now)
            queues[q].stats.countAbandon(wait: now - caller.arrivedAt)
        } else if let c = connected[call] {
            if c.dialling != nil { callbackFailed(call, now: now) } else { endCall(call, now: now, byAgent: false) }
        }
    }

    mutating func callerKey(_ call: CallID, _ key: DTMFKey, now: SampleTime) {
        guard let q = whereWaiting[call], let e = queues[q].position(of: call),
              let policy = queues[q].setup.config.callback, key == policy.key,
              queues[q].waiting[e].callback == nil else { return }
        emit(.collectCallbackNumber(call, suggested: queues[q].waiting[e].callerID))
    }

    /// The caller has chosen a callback: they hang up and keep their place.
    mutating func bookCallback(_ call: CallID, number: String, now: SampleTime) {
        guard let q = whereWaiting[call], let e = queues[q].position(of: call),
              queues[q].setup.config.callback != nil, queues[q].waiting[e].callback == nil else { return }
        let typed = number.filter { $0 != "#" }
        let chosen = typed.isEmpty ? (queues[q].waiting[e].callerID ?? "") : typed
        guard !chosen.isEmpty else {
            emit(.collectCallbackNumber(call, suggested: nil))
            return
        }
        let caller = queues[q].waiting[e]
        stopRinging(caller, except: nil, now: now)
        queues[q].waiting[e].ringing = []
        queues[q].waiting[e].channel = nil
        queues[q].waiting[e].nextAnnouncement = nil
        queues[q].waiting[e].nextMessage = nil
        queues[q].waiting[e].callback = CallbackBooking(number: chosen, notBefore: now)
        queues[q].stats.callbacksRequested += 1
        emit(.releaseForCallback(call, number: chosen))
    }
}
