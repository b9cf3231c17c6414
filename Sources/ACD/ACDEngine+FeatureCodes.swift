import Telephony

/// Digits dialled on an agent's phone: log in, log out, pause, unpause.
extension ACDEngine {
    mutating func featureCode(_ channel: ChannelID, digits: String, now: SampleTime) {
        guard let (command, argument) = configuration.featureCodes.match(digits) else {
            emit(.featureResult(channel, accepted: false, agent: nil))
            return
        }
        var agent: Int? = agentOnChannel[channel]
        var accepted = false
        switch command {
        case .login:
            agent = argument.isEmpty ? agents.firstIndex { $0.homeChannel == channel } : agentIndex[AgentID(argument)]
            if let i = agent { accepted = logIn(i, on: channel, now: now) }
        case .logout:
            if let i = agent { accepted = requestLogout(i, now: now) }
        case .pause:
            if let i = agent, let reason = pauseReason(argument) { accepted = requestPause(i, reason: reason, now: now) }
        case .unpause:
            if let i = agent { accepted = unpause(i, now: now) }
        case .togglePause:
            if let i = agent {
                if case .paused = agents[i].status, argument.isEmpty {
                    accepted = unpause(i, now: now)
                } else if let reason = pauseReason(argument) {
                    accepted = requestPause(i, reason: reason, now: now)
                }
            }
        }
        emit(.featureResult(channel, accepted: accepted, agent: agent.map { agents[$0].id }))
    }

    /// "" → "pause"; a configured code → its reason; anything else → nil.
    func pauseReason(_ code: String) -> String? {
        code.isEmpty ? "pause" : configuration.pauseReasons[code]
    }
}
