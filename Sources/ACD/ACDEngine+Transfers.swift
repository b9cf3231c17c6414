import Telephony

/// Calls an agent passes on from the phone: to a queue (blind transfer,
/// keeping the caller's place), or to a colleague they consulted first
/// (attended transfer, conference). The colleague is taken out of the
/// offers while consulted.
extension ACDEngine {
    /// Agent `i` hands their caller to queue `target`: their part ends
    /// (wrap-up follows), the caller waits there in the place their first
    /// arrival gives them. A callback caller waits like any caller on a line.
    mutating func agentTransfer(_ i: Int, to target: QueueID, now: SampleTime) {
        guard case .onCall(let call) = agents[i].status, let c = connected[call], c.dialling == nil,
              let t = queueIndex[target], let channel = c.channel else { return }
        connected[call] = nil
        countTalk(c, now: now)
        queues[c.queue].stats.transferredOut += 1
        emit(.moveToQueue(call, from: queues[c.queue].setup.config.id, to: target))
        var caller = c.caller
        caller.channel = channel
        caller.callback = nil
        queues[t].stats.offered += 1
        place(caller, queue: t, now: now, keepOrder: true)
        startWrapUp(c, now: now)
    }

    /// Agent `i` is asked by a colleague about `call`: taken out of the
    /// offers (a free or paused agent) or refused (busy, ringing, in
    /// wrap-up, logged out). The answer comes as `.consultAnswer`.
    mutating func consult(_ call: CallID, agent i: Int, now: SampleTime) {
        var accepted = connected[call].map { $0.agent != i && $0.dialling == nil } ?? false
        switch agents[i].status {
        case .available: break
        case .paused(let reason): agents[i].afterCall = .pause(reason)  // back to the pause after
        default: accepted = false
        }
        if accepted { setStatus(i, .consulting(call), at: now) }
        emit(.consultAnswer(call, agent: agents[i].id, accepted: accepted))
    }

    /// The consultation is over without taking the call: back to free, or
    /// to the pause it interrupted (or one asked for meanwhile).
    mutating func consultEnded(_ i: Int, now: SampleTime) {
        guard case .consulting = agents[i].status else { return }
        finishWork(i, now: now)
    }

    /// The consulted agent `i` takes the call (attended transfer): the
    /// first agent's part ends (wrap-up follows), `i` talks from now on.
    mutating func handOver(_ call: CallID, to i: Int, now: SampleTime) {
        guard case .consulting(call) = agents[i].status, var c = connected[call] else { return }
        countTalk(c, now: now)
        queues[c.queue].stats.transferredOut += 1
        let first = c
        c.agent = i
        c.answeredAt = now
        c.isCallback = false
        connected[call] = c
        agents[i].callsTaken += 1
        setStatus(i, .onCall(call), at: now)
        startWrapUp(first, now: now)
    }
}
