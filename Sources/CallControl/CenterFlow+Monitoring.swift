import ACD
import Channels
import DSP
import MediaLoop
import Telephony

/// Supervisors on their phones: a monitoring code and an agent's number
/// (`*51 8001 #`) listens to that agent's call; `*52` whispers to the
/// agent, `*53` joins the call. While monitoring, 4, 5 and 6 switch between
/// listen, whisper and barge. Only agents marked `supervisor` may; every
/// use, and every refusal, goes to the audit log.
extension CenterFlow {
    /// Digits dialled on an idle phone that start with a monitoring code;
    /// false: not a monitoring code.
    mutating func monitorCode(_ phone: ChannelNumber, _ digits: String) -> Bool {
        let f = plan.features
        let modes: [(code: String, mode: MonitorMode)] = [(f.listenCode, .listen), (f.whisperCode, .whisper), (f.bargeCode, .barge)]
        guard let (code, mode) = modes.first(where: { digits.hasPrefix($0.code) }) else { return false }
        let target = String(digits.dropFirst(code.count).filter { $0 != "#" })
        let user = self.user(on: phone)
        let who = user.map { "agent \($0)" } ?? "phone \(phone.rawValue)"
        func refuse(_ why: String) -> Bool {
            audit(who, "\(mode.rawValue)-refused", "agent \(target)", why)
            media(.play(phone, plan.tones.refused, loop: false))
            return true
        }
        guard let user, f.supervisors.contains(user) else { return refuse("not a supervisor") }
        guard let agentPhone = self.phone(of: AgentID(target)), agentPhone != phone,
              case .talking(let line) = phones[agentPhone] ?? .idle, case .talking(let id, agentPhone) = lines[line] ?? .idle
        else { return refuse("agent \(target) is not talking to a caller") }
        guard monitors[agentPhone] == nil else { return refuse("another supervisor is monitoring agent \(target)") }
        phones[phone] = .monitoring(agent: agentPhone, mode: mode)
        monitors[agentPhone] = phone
        media(.setDSP(phone, [.dtmf]))
        audit(who, mode.rawValue, id.description, "agent \(target) on \(agentPhone)")
        remix(id)
        if let me = agent(on: phone) { tellACD(.consult(acdCall(id), agent: me)) }  // no offers meanwhile
        return true
    }

    /// 4 listen, 5 whisper, 6 barge, while monitoring.
    mutating func monitorKey(_ phone: ChannelNumber, _ key: DTMFKey) {
        guard case .monitoring(let agentPhone, let old) = phones[phone] ?? .idle else { return }
        let modes: [DTMFKey: MonitorMode] = [.four: .listen, .five: .whisper, .six: .barge]
        guard let mode = modes[key], mode != old, case .talking(let line) = phones[agentPhone] ?? .idle,
              let id = lines[line]?.call else { return }
        phones[phone] = .monitoring(agent: agentPhone, mode: mode)
        let who = user(on: phone).map { "agent \($0)" } ?? "phone \(phone.rawValue)"
        audit(who, mode.rawValue, id.description, "switched from \(old.rawValue)")
        remix(id)
    }

    /// The supervisor hung up.
    mutating func stopMonitoring(_ phone: ChannelNumber) {
        guard case .monitoring(let agentPhone, _) = phones[phone] ?? .idle else { return }
        monitors[agentPhone] = nil
        phones[phone] = .idle
        media(.setDSP(phone, []))
        media(.unbridge(phone))
        consultOver(phone)
    }

    /// The agent's call changed (hold, transfer, end): the supervisor hears busy tone.
    mutating func endMonitoring(of agentPhone: ChannelNumber?) {
        guard let agentPhone, let phone = monitors.removeValue(forKey: agentPhone) else { return }
        phones[phone] = .afterCall
        media(.setDSP(phone, []))
        media(.unbridge(phone))
        media(.play(phone, plan.tones.busy, loop: true))
        consultOver(phone)
    }

    /// Who uses a phone: the agent logged in on it, or the one whose home phone it is.
    func user(on phone: ChannelNumber) -> String? {
        if let agent = self.agent(on: phone) { return agent.rawValue }
        return plan.acd.agents.first { $0.homeChannel == ChannelID(phone.rawValue) }?.id.rawValue
    }

    mutating func audit(_ user: String, _ action: String, _ object: String, _ detail: String?) {
        emit(.audit(user: user, action: action, object: object, detail: detail))
    }

    /// Who hears whom on a call with an agent, from the phones' states:
    /// caller and agent; a colleague consulted (the caller held) or in
    /// conference; a supervisor listening, whispering or barging in.
    mutating func remix(_ id: CallID) {
        guard let session = sessions[id], let agent = session.phone else { return }
        let line = session.line
        var callerHears: [ChannelNumber] = []
        var agentHears: [ChannelNumber] = []
        switch phones[agent] ?? .idle {
        case .talking(line):
            callerHears = [agent]
            agentHears = [line]
            if let supervisor = monitors[agent], case .monitoring(_, let mode) = phones[supervisor] ?? .idle {
                if mode != .listen { agentHears.append(supervisor) }
                if mode == .barge { callerHears.append(supervisor) }
                media(.hear(supervisor, MixSources([line, agent])))
            }
        case .conference(line, let colleague):
            callerHears = [agent, colleague]
            agentHears = [line, colleague]
            media(.hear(colleague, MixSources([line, agent])))
        case .consulting(line, let colleague, true):
            agentHears = [colleague]
            media(.hear(colleague, MixSources([agent])))
        default:
            break
        }
        media(.hear(line, MixSources(callerHears)))
        media(.hear(agent, MixSources(agentHears)))
    }
}
