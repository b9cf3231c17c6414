import Config
import Telephony

/// Everything the ACD needs to know before the first call: queues, agents,
/// feature codes, outside lines for callbacks, and the self-healing grace.
/// Built by the Config module from the box's configuration file, or by hand
/// in tests and simulations.
public struct ACDConfiguration: Sendable {
    public var queues: [QueueConfiguration]
    public var agents: [AgentConfiguration]
    /// Codes agents dial on their phone to log in, log out and pause.
    public var featureCodes: FeatureCodes = .standard
    /// Pause reasons by the digits dialled after the pause code ("*31" →
    /// "break"). A pause code without digits pauses with reason "pause".
    public var pauseReasons: [String: String] = ["1": "break", "2": "lunch", "3": "meeting", "4": "training"]
    /// Pause an agent after this many offers in a row ring out unanswered
    /// (nil: never). The reason given is "auto-pause".
    public var autoPauseAfterMisses: Int? = 3
    /// Outside (FXO) lines and the share of them callbacks may hold at once.
    public var outbound = OutboundLines(lines: 0, maxShare: 0)
    /// The reconciler repairs only states older than this, so a line event
    /// still on its way does not look like a ghost.
    public var reconcileGrace: SampleTime = .seconds(2)

    public init(queues: [QueueConfiguration], agents: [AgentConfiguration]) {
        self.queues = queues
        self.agents = agents
    }
}

/// Outside lines callbacks may use: never more than `maxShare` of `lines` at
/// once, so inbound callers still find a free line.
public struct OutboundLines: Sendable, Equatable {
    public var lines: Int
    public var maxShare: Double
    public init(lines: Int, maxShare: Double) {
        self.lines = lines
        self.maxShare = maxShare
    }
    /// The most callback calls that may hold a line at once.
    public var limit: Int { max(0, Int((Double(lines) * maxShare).rounded(.down))) }
}

/// Skill name → level (an agent's) or minimum level (a queue's requirement).
public typealias SkillLevels = [String: Int]

/// One agent, as configured.
public struct AgentConfiguration: Sendable {
    public var id: AgentID
    public var name: String
    /// The phone the agent usually sits at: dialling the login code there
    /// without a number logs this agent in.
    public var homeChannel: ChannelID?
    /// Queues this agent serves.
    public var queues: [QueueID]
    public var skills: SkillLevels = [:]
    /// Wrap-up after each call, overriding the queue's.
    public var wrapUp: SampleTime?

    public init(id: AgentID, name: String? = nil, homeChannel: ChannelID? = nil, queues: [QueueID], skills: SkillLevels = [:]) {
        self.id = id
        self.name = name ?? id.rawValue
        self.homeChannel = homeChannel
        self.queues = queues
        self.skills = skills
    }
}

/// What an agent can do from their phone's keypad.
public enum FeatureCommand: String, Sendable, CaseIterable {
    /// Digits after the code: the agent number (none: the phone's own agent).
    case login
    case logout
    /// Digits after the code: a pause reason code.
    case pause
    case unpause
    /// Pause if not paused (digits: reason code), otherwise unpause.
    case togglePause = "toggle-pause"
}

/// The feature-code table: a code, then optional digits, then optional '#'.
public struct FeatureCodes: Sendable {
    public struct Code: Sendable, Equatable {
        public var code: String
        public var command: FeatureCommand
        public init(_ code: String, _ command: FeatureCommand) {
            self.code = code
            self.command = command
        }
    }

    public var codes: [Code]
    public init(_ codes: [Code]) { self.codes = codes }

    /// *1 log in (*1 1001 as agent 1001), *2 log out, *3 pause or unpause
    /// (*32: pause for reason 2).
    public static let standard = FeatureCodes([Code("*1", .login), Code("*2", .logout), Code("*3", .togglePause)])

    /// The command whose code is the longest prefix of `digits`, and the
    /// digits after it (without a trailing '#').
    public func match(_ digits: String) -> (command: FeatureCommand, argument: String)? {
        var best: Code?
        for code in codes where digits.hasPrefix(code.code) {
            if best == nil || code.code.count > best!.code.count { best = code }
        }
        guard let best else { return nil }
        var argument = String(digits.dropFirst(best.code.count))
        if argument.hasSuffix("#") { argument.removeLast() }
        return (best.command, argument)
    }
}

/// A configuration the engine cannot run, with every reason.
public struct ACDConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Each reason in English and in Chinese.
    public var problems: [Bilingual]
    public var description: String { problems.map(\.english).joined(separator: "; ") }
}

extension ACDConfiguration {
    /// Every problem, in English and in Chinese: duplicate names, unknown
    /// strategies, queues named but not configured, phones claimed by two
    /// agents. An English problem starts with the queue or agent it is about.
    public func problems() -> [Bilingual] {
        var problems: [Bilingual] = []
        func add(_ english: String, _ chinese: String) { problems.append(Bilingual(english, chinese)) }
        let queueIDs = Set(queues.map(\.id))
        if queueIDs.count != queues.count { add("two queues have the same name", "有两个队列同名") }
        if Set(agents.map(\.id)).count != agents.count { add("two agents have the same id", "有两个坐席工号相同") }
        func checkQueue(_ id: QueueID, _ context: Bilingual) {
            if !queueIDs.contains(id) { add("\(context.english): no queue named '\(id)'", "\(context.chinese)：没有名为 '\(id)' 的队列") }
        }
        for queue in queues {
            let context = Bilingual("queue '\(queue.id)'", "队列 '\(queue.id)'")
            func about(_ english: String, _ chinese: String) { problems.append(context + Bilingual(": " + english, "：" + chinese)) }
            if RoutingStrategies.named(queue.strategy) == nil {
                let known = RoutingStrategies.names.joined(separator: ", ")
                about("unknown strategy '\(queue.strategy)' (known: \(known))", "未知的策略 '\(queue.strategy)'（可用：\(known)）")
            }
            if queue.ringTimeout <= .zero { about("ring timeout must be positive", "振铃超时必须大于零") }
            if queue.wrapUp < .zero { about("wrap-up cannot be negative", "话后整理时间不能为负数") }
            if let n = queue.maxLength, n < 0 { about("max length cannot be negative", "队列最大长度不能为负数") }
            for rule in queue.escalation {
                for other in rule.alsoQueues { checkQueue(other, context + Bilingual(" escalation", " 的升级步骤")) }
            }
            for target in [queue.onTimeout, queue.onFull, queue.whenNoAgents.refusal].compactMap({ $0 }) {
                if case .queue(let other) = target {
                    checkQueue(other, context + Bilingual(" overflow", " 的溢出"))
                    if other == queue.id { about("overflows into itself", "溢出到了自己") }
                }
                if case .callback = target, queue.callback == nil {
                    about("overflow to callback needs a callback policy", "溢出到回拨需要设置回拨策略")
                }
            }
            if let interval = queue.positionAnnouncementInterval, interval <= .zero {
                about("announcement interval must be positive", "报位间隔必须大于零")
            }
            if let interval = queue.periodicMessageInterval, interval <= .zero {
                about("periodic message interval must be positive", "定时提示的间隔必须大于零")
            }
        }
        var phones: [ChannelID: AgentID] = [:]
        for agent in agents {
            for queue in agent.queues { checkQueue(queue, Bilingual("agent '\(agent.id)'", "坐席 '\(agent.id)'")) }
            if let phone = agent.homeChannel {
                if let other = phones[phone] {
                    add("agents '\(other)' and '\(agent.id)' share \(phone)", "坐席 '\(other)' 和 '\(agent.id)' 共用通道 \(phone.rawValue)")
                }
                phones[phone] = agent.id
            }
        }
        if let n = autoPauseAfterMisses, n < 1 { add("auto-pause needs at least one missed offer", "自动示忙至少要在漏接 1 次后才能触发") }
        if outbound.maxShare < 0 || outbound.maxShare > 1 { add("callback line share must be between 0 and 1", "回拨占用外线的比例必须在 0 到 1 之间") }
        return problems
    }
}
