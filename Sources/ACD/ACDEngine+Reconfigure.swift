import Config
import Telephony

/// A new configuration while calls run: queues and agents are changed and
/// added in place — callers keep their places, agents their states, calls
/// and wrap-ups go on. Removing a queue or an agent is refused (their
/// callers and calls would have nowhere to go); a restart does that.
extension ACDEngine {
    /// Why `new` cannot replace the running configuration now (empty: it can).
    public func reconfigurationProblems(_ new: ACDConfiguration) -> [Bilingual] {
        var problems = new.problems()
        let newQueues = Set(new.queues.map(\.id)), newAgents = Set(new.agents.map(\.id))
        for queue in configuration.queues where !newQueues.contains(queue.id) {
            problems.append(Bilingual("queue '\(queue.id)' is removed: removing a queue needs a restart", "队列 '\(queue.id)' 被删除了：删除队列需要重启 kefud"))
        }
        for agent in configuration.agents where !newAgents.contains(agent.id) {
            problems.append(Bilingual("agent '\(agent.id)' is removed: removing an agent needs a restart", "坐席 '\(agent.id)' 被删除了：删除坐席需要重启 kefud"))
        }
        return problems
    }

    /// Takes `new` in; existing queues and agents keep their places in the
    /// engine, new ones are added after them.
    public mutating func reconfigure(_ new: ACDConfiguration) throws(ACDConfigurationError) {
        let problems = reconfigurationProblems(new)
        guard problems.isEmpty else { throw ACDConfigurationError(problems: problems) }
        for queue in new.queues where queueIndex[queue.id] == nil { queueIndex[queue.id] = queueIndex.count }
        for agent in new.agents where agentIndex[agent.id] == nil { agentIndex[agent.id] = agentIndex.count }
        let queueConfigs = Dictionary(uniqueKeysWithValues: new.queues.map { ($0.id, $0) })
        let byIndex = queueIndex.sorted { $0.value < $1.value }.map(\.key)
        for (i, id) in byIndex.enumerated() {
            let config = queueConfigs[id]!
            if i < queues.count {
                queues[i].setup = QueueSetup(config, queueIndex: queueIndex)
            } else {
                queues.append(QueueRuntime(setup: QueueSetup(config, queueIndex: queueIndex), stats: QueueStatistics(),
                                           handleTimeEstimate: config.expectedHandleTime))
            }
            queues[i].stats.threshold = config.serviceLevelThreshold
            queues[i].stats.shortAbandonThreshold = config.shortAbandonThreshold
        }
        for config in new.agents {
            let i = agentIndex[config.id]!
            let serves = byIndex.map { config.queues.contains($0) }
            if i < agents.count {
                agents[i].serves = serves
                agents[i].skills = config.skills
                agents[i].wrapUp = config.wrapUp
                agents[i].homeChannel = config.homeChannel
            } else {
                agents.append(AgentRuntime(id: config.id, order: i, serves: serves, skills: config.skills,
                                           wrapUp: config.wrapUp, homeChannel: config.homeChannel))
            }
        }
        configuration = new
    }
}
