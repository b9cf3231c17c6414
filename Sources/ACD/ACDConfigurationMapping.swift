import Config
import Telephony

/// The ACD's part of the box's configuration file: queues and agents as the
/// engine takes them. Used by kefud's call flow and by `kefu sim --config`.
public enum ACDConfigurationMapping {
    /// Overflow actions the ACD cannot carry out itself (a menu, voicemail, a
    /// dialled number, one agent) leave the queue with this prompt; the call
    /// flow above the ACD takes the caller on from there.
    public static let handOffPrompt: PromptID = "overflow"

    public static func acdConfiguration(from config: KefuConfig) -> ACDConfiguration {
        var queues: [QueueConfiguration] = []
        for queue in config.queues {
            var q = QueueConfiguration(id: QueueID(queue.name), strategy: queue.strategy.rawValue)
            q.maxWait = milliseconds(queue.maxWait)
            q.maxLength = queue.maxCallers
            q.ringTimeout = milliseconds(queue.ringTimeout)
            q.wrapUp = milliseconds(queue.wrapUp)
            q.serviceLevelThreshold = milliseconds(queue.serviceLevel)
            q.positionAnnouncementInterval = queue.announcePosition ? milliseconds(queue.announceEvery) : nil
            q.music = queue.holdPrompt.first?.value ?? "default"
            q.onTimeout = overflowTarget(queue.overflow?.value)
            q.onFull = q.onTimeout
            applyACDSettings(of: queue, to: &q)
            // A menu's `callback QUEUE` books into the queue: it takes callbacks.
            if q.callback == nil, callbackQueues(config).contains(queue.name) { q.callback = CallbackPolicy() }
            queues.append(q)
        }
        let agents = config.agents.map { agent in
            var a = AgentConfiguration(id: AgentID(agent.id), name: agent.name, homeChannel: agent.phone.map { ChannelID($0.value) },
                                       queues: config.queues.filter { $0.agents.contains { $0.value == agent.id } }.map { QueueID($0.name) },
                                       skills: skillLevels(agent.skills))
            a.wrapUp = agent.wrapUp.map(milliseconds)
            return a
        }
        var configuration = ACDConfiguration(queues: queues, agents: agents)
        applyACDSection(config.acd, to: &configuration)
        let outsideLines = config.lines.filter { $0.signalling.isTrunk && $0.outbound }.reduce(0) { $0 + $1.channels.count }
        configuration.outbound = OutboundLines(lines: outsideLines, maxShare: config.outbound.callbackLineShare)
        return configuration
    }

    /// Queues a `callback QUEUE` action books callbacks into.
    static func callbackQueues(_ config: KefuConfig) -> Set<String> {
        Set(config.actions.compactMap { if case .callback(let q) = $0.value { q } else { nil } })
    }

    static func milliseconds(_ ms: Int) -> SampleTime { SampleTime(milliseconds: Int64(ms)) }
}
