import Telephony

/// Callbacks being dialled: the agent answered the offer, the box dials the
/// caller on an outside line.
extension ACDEngine {
    mutating func callbackConnected(_ call: CallID, line: ChannelID, now: SampleTime) {
        guard var c = connected[call], c.dialling != nil else { return }
        c.dialling = nil
        c.channel = line
        c.answeredAt = now
        connected[call] = c
        queues[c.queue].stats.callbacksConnected += 1
        emit(.connect(call, agent: agents[c.agent].id))
    }

    mutating func callbackFailed(_ call: CallID, now: SampleTime) {
        guard let c = connected[call], c.dialling != nil else { return }
        endCallbackAttempt(call, failed: true, now: now)
    }

    /// Frees the agent and the line; the booking goes back to its place,
    /// to be retried after a growing delay, or is given up.
    mutating func endCallbackAttempt(_ call: CallID, failed: Bool, now: SampleTime) {
        guard let c = connected.removeValue(forKey: call), var caller = c.dialling,
              var booking = caller.callback else { return }
        callbackLinesInUse -= 1
        finishWork(c.agent, now: now)
        let policy = queues[c.queue].setup.config.callback ?? CallbackPolicy()
        if failed { booking.failures += 1 }
        if booking.failures >= policy.maxAttempts {
            queues[c.queue].stats.callbacksGivenUp += 1
            emit(.callbackGaveUp(call, number: booking.number))
            return
        }
        booking.notBefore = now + policy.delay(afterFailures: max(1, booking.failures))
        caller.callback = booking
        caller.ringing = []
        caller.missedBy = []
        queues[c.queue].waiting.insert(caller, at: queues[c.queue].insertionIndex(for: caller))
        whereWaiting[call] = c.queue
        timers.add(.caller(call), at: booking.notBefore)
    }

    /// Puts back a booking from before a restart, in the order its caller's
    /// arrival gives it (no music, no announcements: nobody is on the line).
    mutating func restoreCallback(_ arrival: CallArrival, number: String, since: SampleTime, now: SampleTime) {
        guard let q = queueIndex[arrival.queue], whereWaiting[arrival.call] == nil, connected[arrival.call] == nil else { return }
        sequence += 1
        var caller = WaitingCaller(call: arrival.call, channel: nil, callerID: arrival.callerID, dialled: arrival.dialled,
                                   arrivedAt: since, orderKey: since, sequence: sequence)
        caller.timedOut = true
        caller.callback = CallbackBooking(number: number, notBefore: now)
        queues[q].waiting.insert(caller, at: queues[q].insertionIndex(for: caller))
        whereWaiting[caller.call] = q
    }

    /// How long a booking waits when no outside line was free for it.
    static let lineWait = SampleTime.seconds(30)

    mutating func callbackLineUnavailable(_ call: CallID, now: SampleTime) {
        if connected[call]?.dialling != nil {
            // The agent answered but the call could not be placed: not an attempt.
            return endCallbackAttempt(call, failed: false, now: now)
        }
        guard let q = whereWaiting[call], let e = queues[q].position(of: call), var booking = queues[q].waiting[e].callback,
              !queues[q].waiting[e].ringing.isEmpty else { return }
        for i in queues[q].waiting[e].ringing {
            emit(.cancelOffer(call, agent: agents[i].id))
            setStatus(i, .available, at: now)
        }
        queues[q].waiting[e].ringing = []
        callbackLinesInUse -= 1
        booking.notBefore = now + Self.lineWait
        queues[q].waiting[e].callback = booking
        timers.add(.caller(call), at: booking.notBefore)
    }
}
