import ACD
import Channels
import DSP
import MediaLoop
import Telephony

/// Agents' phones: answering an offer, hanging up, and feature codes
/// dialled on a phone lifted while idle (dial tone, digits ended by '#',
/// a pause or hanging up; then a confirmation or refusal tone). And the
/// reconciler's view of every channel.
extension CenterFlow {
    mutating func phoneEvent(_ phone: ChannelNumber, _ event: ChannelEvent) {
        let state = phones[phone] ?? .idle
        let agent = self.agent(on: phone)
        switch (state, event) {
        case _ where handlingEvent(phone, event):
            break
        case (.ringing, .phoneOffHook):
            phones[phone] = .offHook  // `connect` makes it `.talking`
            if let agent { acdStep(.agentAnswered(agent)) }
        case (.idle, .phoneOffHook):
            phones[phone] = .dialling("")
            media(.setDSP(phone, [.dtmf]))
            media(.play(phone, plan.tones.dial, loop: true))
        case (.talking(let line), .phoneOnHook) where agentLeftCallback(phone, line: line):
            break
        case (.talking(let line), .phoneOnHook):
            phones[phone] = .idle
            if let agent { acdStep(.agentHungUp(agent)) }
            if case .talking(let id, phone) = lines[line] ?? .idle {  // the ACD had no call for this agent
                note("the ACD had no call for the agent on \(phone) when they hung up: the call flow released the caller")
                release(id, .agentHungUp)
            }
        case (.dialling(let digits), .phoneOnHook):
            hangUpIdle(phone)
            if !digits.isEmpty { submitFeatureCode(phone, digits, offHook: false) }
        case (.afterCall, .phoneOnHook), (.offHook, .phoneOnHook):
            hangUpIdle(phone)
        case (_, .alarm(let set)):
            alarms[phone] = set
        case (_, .alarmCleared):
            alarms[phone] = nil
        default:
            break
        }
        if phones[phone] == .idle, let line = pendingRing.removeValue(forKey: phone), offeredPhone.values.contains(phone) {
            switch lines[line] ?? .idle {
            case .queued, .reserved: ring(phone, line)  // a waiting caller, or a callback's held line
            default: break
            }
        }
    }

    private mutating func hangUpIdle(_ phone: ChannelNumber) {
        phones[phone] = .idle
        featureDeadline[phone] = nil
        media(.stopPlayback(phone))
        media(.setDSP(phone, []))
    }

    /// Keys dialled on a phone: feature-code digits while dialling.
    mutating func phoneSignal(_ phone: ChannelNumber, _ event: DSPEvent) {
        if case .dtmfBegin(let key, _) = event, handlingKey(phone, key) { return }
        if case .dtmfBegin(let key, _) = event, case .talking(let line) = phones[phone] ?? .idle {
            return onDemandKey(line, key)
        }
        guard case .dtmfBegin(let key, _) = event, case .dialling(let digits) = phones[phone] ?? .idle else { return }
        if digits.isEmpty { media(.stopPlayback(phone)) }  // the dial tone
        if key == .hash {
            submitFeatureCode(phone, digits + "#", offHook: true)
        } else {
            phones[phone] = .dialling(digits + String(key.rawValue))
            featureDeadline[phone] = now + plan.featureCodePause
        }
    }

    /// A key the agent pressed during an on-demand queue's call: the
    /// configured sequence (`*1`) starts the recording.
    private mutating func onDemandKey(_ line: ChannelNumber, _ key: DTMFKey) {
        guard case .talking(let id, _) = lines[line] ?? .idle, var keys = sessions[id]?.demandKeys else { return }
        keys.append(key)
        if keys.count > plan.onDemandKey.count { keys.removeFirst(keys.count - plan.onDemandKey.count) }
        sessions[id]?.demandKeys = keys
        if keys == plan.onDemandKey { startRecording(id) }
    }

    /// Hands dialled digits to the ACD; a phone still off hook hears whether
    /// they were accepted.
    mutating func submitFeatureCode(_ phone: ChannelNumber, _ digits: String, offHook: Bool) {
        featureDeadline[phone] = nil
        if offHook {
            phones[phone] = .offHook
            media(.setDSP(phone, []))
            if monitorCode(phone, digits) || messageCode(phone, digits) { return }
        }
        acdStep(.featureCode(ChannelID(phone.rawValue), digits: digits))
    }

    /// Tells the ACD what every line and phone is doing, so it can repair
    /// states that disagree (an agent "on call" on an idle phone, a caller
    /// queued on an idle line, a phone in alarm).
    mutating func reconcile() {
        var conditions: [ChannelID: LineCondition] = [:]
        for (line, state) in lines {
            conditions[ChannelID(line.rawValue)] = alarms[line] != nil ? .down : (state.isAnswered ? .busy : .idle)
        }
        for (phone, state) in phones {
            let condition: LineCondition
            switch state {
            case _ where alarms[phone] != nil: condition = .down
            case .idle, .ringing: condition = .idle
            default: condition = .busy
            }
            conditions[ChannelID(phone.rawValue)] = held[phone] != nil ? .busy : condition  // a call on hold is a call
        }
        acdStep(.reconcile(ChannelSnapshot(conditions)))
    }
}
