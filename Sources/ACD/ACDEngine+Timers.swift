import Telephony

/// Everything timed: ring timeouts, wrap-up ends, maximum waits, position
/// announcements, periodic messages, escalation steps and callback retries,
/// kept in `timers`; and the next time to be woken.
extension ACDEngine {
    /// Fires every deadline at or before `now`, in time order, each at its own time.
    mutating func runTimers(now: SampleTime) {
        while let entry = timers.first, entry.time <= now {
            timers.removeFirst()
            switch entry.timer {
            case .ring(let i):
                if case .ringing = agents[i].status, agents[i].ringDeadline == entry.time { missedOffer(i, now: entry.time) }
            case .wrapUp(let i):
                if case .wrapUp(let until) = agents[i].status, until == entry.time { endWrapUp(i, at: until) }
            case .caller(let call):
                callerTimers(call, now: now)
            }
        }
    }

    /// Registers a waiting caller's deadlines (from `place`).
    mutating func scheduleCallerTimers(_ caller: WaitingCaller, queue q: Int) {
        let setup = queues[q].setup
        if let maxWait = setup.config.maxWait { timers.add(.caller(caller.call), at: caller.arrivedAt + maxWait) }
        if let next = caller.nextAnnouncement { timers.add(.caller(caller.call), at: next) }
        if let next = caller.nextMessage { timers.add(.caller(caller.call), at: next) }
        for rule in setup.config.escalation { timers.add(.caller(caller.call), at: caller.arrivedAt + rule.after) }
    }

    /// Maximum wait, announcements and messages of one caller, if due.
    mutating func callerTimers(_ call: CallID, now: SampleTime) {
        guard let q = whereWaiting[call], let e = queues[q].position(of: call) else { return }
        let setup = queues[q].setup
        let caller = queues[q].waiting[e]
        guard caller.callback == nil else { return }  // a retry is due: dispatch will see it
        if !caller.timedOut, let maxWait = setup.config.maxWait, caller.arrivedAt + maxWait <= now {
            if timeOut(queue: q, at: e, now: now) { return }
        }
        if let next = caller.nextAnnouncement, next <= now, let interval = setup.config.positionAnnouncementInterval {
            if caller.ringing.isEmpty {
                emit(.announcePosition(call, position: e + 1, estimatedWait: estimatedWait(queue: q, position: e + 1)))
            }
            let following = Self.following(next, every: interval, after: now)
            queues[q].waiting[e].nextAnnouncement = following
            timers.add(.caller(call), at: following)
        }
        if let next = caller.nextMessage, next <= now, let interval = setup.config.periodicMessageInterval {
            if caller.ringing.isEmpty {
                let messages = setup.config.periodicMessages
                emit(.playMessage(call, messages[caller.messageIndex % messages.count]))
                queues[q].waiting[e].messageIndex += 1
            }
            let following = Self.following(next, every: interval, after: now)
            queues[q].waiting[e].nextMessage = following
            timers.add(.caller(call), at: following)
        }
    }

    static func following(_ time: SampleTime, every interval: SampleTime, after now: SampleTime) -> SampleTime {
        var next = time
        while next <= now { next += interval }
        return next
    }

    /// The caller has waited the maximum: returns true if they left the queue.
    mutating func timeOut(queue q: Int, at e: Int, now: SampleTime) -> Bool {
        let target = queues[q].setup.config.onTimeout
        if case .callback = target {
            queues[q].waiting[e].timedOut = true
            emit(.collectCallbackNumber(queues[q].waiting[e].call, suggested: queues[q].waiting[e].callerID))
            return false
        }
        let caller = removeWaiting(queue: q, at: e, now: now)
        queues[q].stats.timedOut += 1
        overflow(caller, from: q, reason: .maxWait, to: target, now: now)
        return true
    }

    /// The earliest live deadline: when the owner should send `.tick`.
    /// Drops stale entries from the top of the timer queue on the way.
    mutating func earliestDeadline() -> SampleTime? {
        while let entry = timers.first {
            let live: Bool
            switch entry.timer {
            case .ring(let i):
                if case .ringing = agents[i].status { live = agents[i].ringDeadline == entry.time } else { live = false }
            case .wrapUp(let i):
                if case .wrapUp(let until) = agents[i].status { live = until == entry.time } else { live = false }
            case .caller(let call):
                live = whereWaiting[call] != nil
            }
            if live { return entry.time }
            timers.removeFirst()
        }
        return nil
    }
}
