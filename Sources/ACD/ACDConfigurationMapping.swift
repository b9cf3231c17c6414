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
        // Every agent has a personal queue: `agent ID` actions and console transfers ring them alone.
        let direct = Set(config.agents.map(\.id))
        for agent in config.agents where direct.contains(agent.id) {
            queues.append(personalQueue(agent.id, music: config.queues.first { $0.agents.contains { $0.value == agent.id } }?.holdPrompt.first?.value))
        }
        let agents = config.agents.map { agent in
            var served = config.queues.filter { $0.agents.contains { $0.value == agent.id } }.map { QueueID($0.name) }
            if direct.contains(agent.id) { served.append(personalQueueID(agent.id)) }
            var a = AgentConfiguration(id: AgentID(agent.id), name: agent.name, homeChannel: agent.phone.map { ChannelID($0.value) },
                                       queues: served, skills: skillLevels(agent.skills))
            a.wrapUp = agent.wrapUp.map(milliseconds)
            return a
        }
        var configuration = ACDConfiguration(queues: queues, agents: agents)
        applyACDSection(config.acd, to: &configuration)
        let outsideLines = config.lines.filter { $0.signalling.isTrunk && $0.outbound }.reduce(0) { $0 + $1.channels.count }
        configuration.outbound = OutboundLines(lines: outsideLines, maxShare: config.outbound.callbackLineShare)
        return configuration
    }

    /// Agents an `agent ID` action rings directly.
    static func directAgents(_ config: KefuConfig) -> Set<String> {
        Set(config.actions.compactMap { if case .agent(let id) = $0.value { id } else { nil } })
    }

    /// The queue that holds callers for one agent (`agent:8001`; config
    /// names cannot hold ':'): only that agent answers; after a minute, or at
    /// once when the agent is not logged in, the call flow takes the caller
    /// to the agent's mailbox.
    public static func personalQueueID(_ agent: String) -> QueueID { QueueID("agent:" + agent) }

    static func personalQueue(_ agent: String, music: String?) -> QueueConfiguration {
        var q = QueueConfiguration(id: personalQueueID(agent), strategy: "linear")
        q.maxWait = .seconds(60)
        q.onTimeout = .message(handOffPrompt)
        q.onFull = .message(handOffPrompt)
        q.whenNoAgents = .refuse(.message(handOffPrompt))
        q.music = music ?? "default"
        return q
    }

    /// Queues a `callback QUEUE` action books callbacks into.
    static func callbackQueues(_ config: KefuConfig) -> Set<String> {
        Set(config.actions.compactMap { if case .callback(let q) = $0.value { q } else { nil } })
    }

    static func milliseconds(_ ms: Int) -> SampleTime { SampleTime(milliseconds: Int64(ms)) }
}
