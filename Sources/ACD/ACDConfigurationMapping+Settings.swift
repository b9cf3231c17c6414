import Config
import Telephony

/// The config's ACD settings as the engine takes them: skills, VIP rules,
/// escalation, refusals, messages, callbacks, and the [acd] section.
extension ACDConfigurationMapping {
    /// What a queue's overflow (or no-agents) action becomes inside the ACD.
    static func overflowTarget(_ action: MenuAction?) -> OverflowTarget {
        switch action {
        case nil, .hangup?: .hangUp
        case .queue(let other)?: .queue(QueueID(other))
        case .callback?: .callback
        default: .message(handOffPrompt)
        }
    }

    static func skillLevels(_ skills: [Located<SkillLevel>]) -> SkillLevels {
        Dictionary(skills.map { ($0.value.skill, $0.value.level) }, uniquingKeysWith: max)
    }

    static func applyACDSettings(of queue: Queue, to q: inout QueueConfiguration) {
        q.requiredSkills = skillLevels(queue.skills)
        // The engine applies only the latest rule reached; in the config the
        // steps add up: a step keeps the queues of those before it, and
        // their skills unless it gives its own.
        var skills = q.requiredSkills
        var also: [QueueID] = []
        q.escalation = queue.escalation.sorted { $0.after < $1.after }.map { step in
            if let given = step.skills { skills = skillLevels(given) }
            for name in step.queues.map({ QueueID($0.value) }) where !also.contains(name) { also.append(name) }
            return EscalationRule(after: milliseconds(step.after), requiredSkills: skills, alsoQueues: also)
        }
        let vips = Set(queue.vipCallers.map(\.value) + queue.vipListNumbers)
        if !vips.isEmpty { q.priorities = [PriorityRule(callerIDs: vips, headStart: milliseconds(queue.vipHeadStart))] }
        q.weight = queue.weight
        q.whenNoAgents = queue.whenNoAgents.map { .refuse(overflowTarget($0.value)) } ?? .join
        q.shortAbandonThreshold = milliseconds(queue.shortAbandon)
        q.announcePositionOnJoin = queue.announceOnJoin
        q.periodicMessages = queue.periodicPrompt.map { PromptID($0.value) }
        q.periodicMessageInterval = queue.periodicPrompt.isEmpty ? nil : milliseconds(queue.periodicEvery)
        q.expectedHandleTime = milliseconds(queue.expectedHandleTime)
        // An overflow or refusal to a callback needs a policy even when the
        // config asks for one another way (the engine refuses it otherwise).
        if queue.offersCallback || q.onTimeout == .callback || q.whenNoAgents == .refuse(.callback) {
            let s = queue.callbackSettings
            q.callback = CallbackPolicy(key: s.key, maxAttempts: s.attempts, retryDelay: milliseconds(s.retry),
                                        maxRetryDelay: milliseconds(s.retryMax))
        }
    }

    static func applyACDSection(_ section: ACDSection, to configuration: inout ACDConfiguration) {
        configuration.autoPauseAfterMisses = section.autoPauseAfter == 0 ? nil : section.autoPauseAfter
        configuration.pauseReasons = Dictionary(section.pauseReasons.map { ($0.value.code, $0.value.reason) }, uniquingKeysWith: { a, _ in a })
        configuration.featureCodes = FeatureCodes([
            .init(section.loginCode.value, .login),
            .init(section.logoutCode.value, .logout),
            .init(section.pauseCode.value, .togglePause),
        ])
    }
}
