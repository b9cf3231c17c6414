/// Checks across sections for the ACD's settings: skills nobody has,
/// escalation to queues that do not exist, refusals that loop.
extension ConfigValidator {
    /// A queue's overflow and no-agents actions may not send callers back
    /// into the queue, nor book them for another queue's callbacks.
    func refusals(_ queue: Queue) {
        let path = "[queues.\(queue.name)]"
        for (key, action) in [("overflow", queue.overflow), ("when_no_agents", queue.whenNoAgents)] {
            guard let action else { continue }
            switch action.value {
            case .queue(let target) where target == queue.name:
                sink.error(action.line, "\(path) \(key) sends callers back into the same queue", "\(path) 的 \(key) 把来电者送回同一个队列")
            case .callback(let target) where target != queue.name:
                sink.error(action.line, "\(path) \(key): a queue calls back its own callers, keeping their place; write 'callback \(queue.name)' (or 'queue \(target)' to move them)",
                           "\(path) 的 \(key)：队列只回拨自己的来电者（保留其排队位置）；请写 'callback \(queue.name)'（或用 'queue \(target)' 把来电者转过去）")
            default:
                break
            }
        }
    }

    /// What an agent dials after a flash names one queue or one agent: no
    /// two queues share a transfer code, and none is an agent's number.
    func transferCodes() {
        var seen: [String: String] = [:]
        for queue in config.queues {
            guard let code = queue.transferCode else { continue }
            if let other = seen[code.value] {
                sink.error(code.line, "[queues.\(queue.name)] transfer_code '\(code.value)' is already queue '\(other)''s",
                           "[queues.\(queue.name)] 的 transfer_code '\(code.value)' 已经被队列 '\(other)' 使用")
            } else if config.agent(code.value) != nil {
                sink.error(code.line, "[queues.\(queue.name)] transfer_code '\(code.value)' is agent \(code.value)'s number: an agent dialling it after a flash would reach either",
                           "[queues.\(queue.name)] 的 transfer_code '\(code.value)' 与坐席 \(code.value) 的工号相同：坐席拍叉簧后拨这个号码，可能转到其中任何一个")
            }
            seen[code.value] = queue.name
        }
    }

    /// Every skill a queue or an escalation step asks for must be some
    /// agent's; a queue none of whose agents qualifies is worth a warning.
    func skills() {
        let known = Set(config.agents.flatMap { $0.skills.map(\.value.skill) })
        func check(_ skills: [Located<SkillLevel>], _ place: Bilingual) {
            for s in skills where !known.contains(s.value.skill) {
                missing(Located(s.value.skill, line: s.line), Bilingual("agent with skill", "具备该技能的坐席"), place, Array(known))
            }
        }
        for queue in config.queues {
            let path = "[queues.\(queue.name)]"
            check(queue.skills, at(path, "skills"))
            for step in queue.escalation { check(step.skills ?? [], at(path, "escalate skills")) }
            if queue.strategy == .skillsWeighted, queue.skills.isEmpty {
                sink.warning(queue.line, "\(path) strategy skills-weighted ranks agents by the queue's skills, but it has no 'skills': it acts as longest-idle",
                             "\(path) 的策略 skills-weighted 按队列要求的技能给坐席排序，但该队列没有 'skills'：实际效果等同于 longest-idle")
            }
            guard !queue.skills.isEmpty, queue.skills.allSatisfy({ known.contains($0.value.skill) }) else { continue }
            let members = queue.agents.compactMap { config.agent($0.value) }
            let able = members.filter { agent in
                queue.skills.allSatisfy { need in agent.skills.contains { $0.value.skill == need.value.skill && $0.value.level >= need.value.level } }
            }
            if !members.isEmpty, able.isEmpty {
                let needs = queue.skills.map { "\($0.value.skill):\($0.value.level)" }.joined(separator: ", ")
                sink.warning(queue.skills[0].line, "no agent of \(path) has the skills it requires (\(needs)): its callers wait for an escalation step or overflow",
                             "\(path) 的坐席都不具备它要求的技能（\(needs)）：来电者只能等待升级步骤或溢出")
            }
        }
    }

    func escalations() {
        for queue in config.queues {
            let path = "[queues.\(queue.name)]"
            for step in queue.escalation {
                for target in step.queues {
                    if target.value == queue.name {
                        sink.error(target.line, "\(path) escalate queues: '\(target.value)' is this queue itself",
                                   "\(path) 的 escalate queues：'\(target.value)' 就是本队列")
                    } else if config.queue(target.value) == nil {
                        missing(target, .queue, at(path, "escalate queues"), config.queues.map(\.name))
                    }
                }
                if step.after >= queue.maxWait {
                    let after = format(Double(step.after) / 1000), maxWait = format(Double(queue.maxWait) / 1000)
                    sink.warning(step.line, "\(path) escalate after \(after) s never applies: callers overflow at max_wait (\(maxWait) s) first",
                                 "\(path) 的 escalate after \(after) 秒永远不会生效：来电者会先在 max_wait（\(maxWait) 秒）时溢出")
                }
            }
        }
    }
}
