import Telephony

/// Who rings: callers in order, each offered to the agents its queue's
/// strategy picks among the free agents who may take it.
extension ACDEngine {
    mutating func dispatch(now: SampleTime) {
        guard freeAgents > 0, !whereWaiting.isEmpty else { return }
        var queuesWithCallers = 0
        var only = 0
        if queues.count == 1 {
            queuesWithCallers = 1
        } else {
            for q in queues.indices where !queues[q].waiting.isEmpty {
                queuesWithCallers += 1
                only = q
            }
        }
        if queuesWithCallers == 0 { return }
        if queuesWithCallers == 1 {
            // Offers never remove callers, so indices stay valid.
            let count = queues[only].waiting.count
            var e = 0
            while e < count, freeAgents > 0 {
                tryOffer(queue: only, entry: e, now: now)
                e += 1
            }
            return
        }
        var order: [(q: Int, e: Int)] = []
        for q in queues.indices { for e in queues[q].waiting.indices { order.append((q, e)) } }
        order.sort { a, b in
            let wa = queues[a.q].setup.config.weight, wb = queues[b.q].setup.config.weight
            if wa != wb { return wa > wb }
            return queues[a.q].waiting[a.e].precedes(queues[b.q].waiting[b.e])
        }
        for (q, e) in order where freeAgents > 0 { tryOffer(queue: q, entry: e, now: now) }
    }

    /// The skills required, and the extra queues whose agents may help, for
    /// a caller of queue `q` who has waited `wait`.
    func reach(queue q: Int, waited wait: SampleTime) -> (skills: SkillLevels, alsoQueues: [Int]) {
        var skills = queues[q].setup.config.requiredSkills
        var also: [Int] = []
        var applied: SampleTime?
        for (r, rule) in queues[q].setup.config.escalation.enumerated() where rule.after <= wait {
            if applied == nil || rule.after >= applied! {
                applied = rule.after
                skills = rule.requiredSkills
                also = queues[q].setup.escalationQueues[r]
            }
        }
        return (skills, also)
    }

    mutating func tryOffer(queue q: Int, entry e: Int, now: SampleTime) {
        let caller = queues[q].waiting[e]
        guard caller.ringing.isEmpty else { return }
        if let booking = caller.callback {
            guard booking.notBefore <= now, callbackLinesInUse < configuration.outbound.limit else { return }
        }
        let (skills, also) = reach(queue: q, waited: now - caller.arrivedAt)
        let base = queues[q].setup.config.requiredSkills
        var fresh: [Int] = [], missed: [Int] = []
        var candidates: [RoutingCandidate] = [], missedCandidates: [RoutingCandidate] = []
        for i in freeList {
            let agent = agents[i]
            guard agent.serves[q] || also.contains(where: { agent.serves[$0] }), skills.isEmpty || agent.meets(skills) else { continue }
            let candidate = RoutingCandidate(id: agent.id, order: agent.order, idleSince: agent.idleSince,
                                             callsTaken: agent.callsTaken, talkTime: agent.talkTime,
                                             skillScore: base.isEmpty ? 0 : agent.score(in: base))
            if !caller.missedBy.isEmpty, caller.missedBy.contains(i) {
                missed.append(i)
                missedCandidates.append(candidate)
            } else {
                fresh.append(i)
                candidates.append(candidate)
            }
        }
        if fresh.isEmpty {
            // Everyone left has let this caller ring out: try them again.
            fresh = missed
            candidates = missedCandidates
            queues[q].waiting[e].missedBy = []
        }
        guard !fresh.isEmpty else { return }
        var context = RoutingContext(now: now, random: random, lastOffered: queues[q].lastOffered)
        let picks = queues[q].setup.strategy.choose(from: candidates, context: &context)
        random = context.random
        guard !picks.isEmpty else { return }
        if caller.callback != nil { callbackLinesInUse += 1 }
        let ringTimeout = queues[q].setup.config.ringTimeout
        for p in picks {
            let i = fresh[p]
            setStatus(i, .ringing(caller.call), at: now)
            agents[i].ringDeadline = now + ringTimeout
            timers.add(.ring(agent: i), at: now + ringTimeout)
            queues[q].waiting[e].ringing.append(i)
            emit(.offer(caller.call, agent: agents[i].id, channel: agents[i].channel!, callback: caller.callback != nil))
        }
        queues[q].lastOffered = candidates[picks[picks.count - 1]].order
    }

    /// Position × handle time ÷ staffed agents of the queue.
    func estimatedWait(queue q: Int, position: Int) -> SampleTime {
        let staffed = agents.reduce(0) { $0 + ($1.serves[q] && $1.status.isStaffed ? 1 : 0) }
        return SampleTime(samples: Int64(position) * queues[q].handleTimeEstimate.samples / Int64(max(1, staffed)))
    }
}
