import Telephony

/// Self-healing: every few seconds the owner sends what the lines say
/// (`.reconcile(snapshot)`); the engine compares and repairs ghost states,
/// reporting each repair as `.repaired`. A state younger than the grace
/// period is left alone, so a line event still on its way is not a ghost.
/// Lines missing from the snapshot are not judged.
extension ACDEngine {
    mutating func reconcile(_ snapshot: ChannelSnapshot, now: SampleTime) {
        let grace = configuration.reconcileGrace
        for i in agents.indices {
            guard let channel = agents[i].channel, let line = snapshot.lines[channel] else { continue }
            let settled = now - agents[i].since >= grace
            switch agents[i].status {
            case .onCall(let call) where line != .busy && settled:
                emit(.repaired(.ghostAgentReleased(agents[i].id, call: call)))
                agentHungUp(i, now: now)
            case .ringing(let call) where line == .down:
                emit(.repaired(.offerWithdrawn(call, agent: agents[i].id)))
                withdrawOffer(from: i, call: call, missed: false)
                emit(.repaired(.agentPausedLineDown(agents[i].id, channel: channel)))
                setStatus(i, .paused(reason: Self.lineDown), at: now)
            case .available where line == .down:
                emit(.repaired(.agentPausedLineDown(agents[i].id, channel: channel)))
                setStatus(i, .paused(reason: Self.lineDown), at: now)
            case .paused(let reason) where reason == Self.lineDown && line != .down:
                emit(.repaired(.agentLineRestored(agents[i].id, channel: channel)))
                _ = unpause(i, now: now)
            default: break
            }
        }
        for q in queues.indices {
            var e = 0
            while e < queues[q].waiting.count {
                let caller = queues[q].waiting[e]
                if let channel = caller.channel, let line = snapshot.lines[channel], line != .busy,
                   now - caller.arrivedAt >= grace {
                    emit(.repaired(.ghostCallerRemoved(caller.call, channel: channel)))
                    _ = removeWaiting(queue: q, at: e, now: now)
                    queues[q].stats.lost += 1
                    continue
                }
                e += 1
            }
        }
        for call in connected.keys.sorted() {
            guard let c = connected[call], c.dialling == nil, let channel = c.channel,
                  let line = snapshot.lines[channel], line != .busy, now - c.answeredAt >= grace else { continue }
            emit(.repaired(.ghostCallEnded(call, agent: agents[c.agent].id)))
            endCall(call, now: now, byAgent: false)
        }
    }

    /// The pause reason the reconciler gives, and lifts, for a dead phone line.
    public static let lineDown = "line-down"
}
