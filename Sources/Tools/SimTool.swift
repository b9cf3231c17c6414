import ACD
import Config
import Reports
import Telephony

/// `kefu sim`: one queue, simulated callers and agents, the real ACD engine
/// on a virtual clock; prints service level, ASA, abandon rate, occupancy
/// and what Erlang C (callers never give up) or Erlang A (exponential
/// patience) predicts for the same traffic.
public struct SimOptions: Sendable {
    public var callsPerHour = 300.0
    /// Talk time per call (wrap-up is added to make the handle time).
    public var talkTime: SimDistribution = .exponential(mean: 180)
    public var agents = 20
    public var strategy = "longest-idle"
    public var patience: SimDistribution = .infinite
    public var hours = 8.0
    public var warmUpHours = 0.0
    /// Seconds of wrap-up after each call.
    public var wrapUp = 0.0
    public var ringTimeout = 15.0
    public var answerDelay: SimDistribution = .fixed(0)
    public var missProbability = 0.0
    /// Service-level threshold, seconds.
    public var threshold = 20.0
    /// Maximum wait in seconds before the caller is turned away (nil: none).
    public var maxWait: Double?
    public var seed: UInt64 = 1
    /// Text of the box's configuration file, and its name for messages:
    /// queues and agents (all logged in) come from it; `agents`, `strategy`,
    /// `wrapUp`, `ringTimeout`, `threshold` and `maxWait` are then ignored.
    public var configuration: (text: String, file: String)?
    /// The queue simulated callers join (default: the first configured).
    public var queue: String?
    public init() {}
}

/// What was simulated: one queue, as configured or from the options.
public struct SimSetup: Sendable, Equatable {
    public var queue: String
    public var strategy: String
    public var agents: Int
    public var wrapUp: Double
    public var threshold: Double
    public init(queue: String, strategy: String, agents: Int, wrapUp: Double, threshold: Double) {
        self.queue = queue
        self.strategy = strategy
        self.agents = agents
        self.wrapUp = wrapUp
        self.threshold = threshold
    }
}

/// A model's prediction for the simulated traffic.
public struct SimPrediction: Sendable, Equatable {
    /// "erlang-c" or "erlang-a".
    public var model: String
    public var serviceLevel: Double
    public var probabilityOfWaiting: Double
    /// ASA (Erlang C) or mean wait of all callers (Erlang A), seconds.
    public var averageWait: Double
    public var abandonRate: Double
    public var occupancy: Double
}

public enum SimTool {
    static let queue: QueueID = "sim"

    /// The routing strategies `--strategy` accepts.
    public static var strategies: [String] { RoutingStrategies.names }

    public static func scenario(_ o: SimOptions) throws(UsageError) -> SimScenario {
        try build(o).scenario
    }

    static func build(_ o: SimOptions) throws(UsageError) -> (scenario: SimScenario, setup: SimSetup) {
        guard o.callsPerHour > 0, o.callsPerHour <= 100_000 else { throw UsageError(message: "--rate: calls per hour must be between 0 and 100000") }
        guard o.agents >= 1, o.agents <= 2000 else { throw UsageError(message: "--agents: between 1 and 2000") }
        guard o.hours > 0, o.hours <= 100_000, o.warmUpHours >= 0, o.warmUpHours <= 100_000 else {
            throw UsageError(message: "--hours: a positive number of hours (at most 100000)")
        }
        guard RoutingStrategies.named(o.strategy) != nil else {
            throw UsageError(message: "--strategy: unknown '\(o.strategy)' (\(RoutingStrategies.names.joined(separator: ", ")))")
        }
        guard o.wrapUp >= 0, o.ringTimeout > 0, o.threshold >= 0, (0...1).contains(o.missProbability) else {
            throw UsageError(message: "--wrap-up, --threshold: not negative; --ring-timeout: positive; --miss-rate: 0 to 1")
        }
        guard o.talkTime != .infinite, o.talkTime.mean > 0 else { throw UsageError(message: "--aht: talk time must be finite and positive") }
        guard o.answerDelay != .infinite else { throw UsageError(message: "--answer-delay: must be finite") }
        let configuration: ACDConfiguration
        let queueID: QueueID
        if let (text, file) = o.configuration {
            let loaded = ConfigLoader.load(text, file: file)
            guard loaded.isValid else {
                throw UsageError(message: "--config: " + loaded.diagnostics.errors.map { "\($0)" }.joined(separator: "; "))
            }
            configuration = ACDConfigurationMapping.acdConfiguration(from: loaded.config)
            guard let first = configuration.queues.first else { throw UsageError(message: "--config: \(file) has no queues") }
            queueID = o.queue.map { QueueID($0) } ?? first.id
            guard configuration.queues.contains(where: { $0.id == queueID }) else {
                throw UsageError(message: "--queue: \(file) has no queue '\(queueID)' (\(loaded.config.queues.map(\.name).joined(separator: ", ")))")
            }
        } else {
            (configuration, queueID) = try flagConfiguration(o)
        }
        var stream = SimCallerStream(queue: queueID, callsPerHour: o.callsPerHour, talkTime: o.talkTime)
        stream.patience = o.patience
        var scenario = SimScenario(configuration: configuration, streams: [stream], duration: .seconds(o.hours * 3600))
        scenario.warmUp = .seconds(o.warmUpHours * 3600)
        scenario.agents.answerDelay = o.answerDelay
        scenario.agents.missProbability = o.missProbability
        scenario.seed = o.seed
        let queue = configuration.queues.first { $0.id == queueID }!
        let setup = SimSetup(queue: queueID.rawValue, strategy: queue.strategy,
                             agents: configuration.agents.filter { $0.queues.contains(queueID) }.count,
                             wrapUp: queue.wrapUp.seconds, threshold: queue.serviceLevelThreshold.seconds)
        return (scenario, setup)
    }

    /// One queue and its agents from the command-line options.
    static func flagConfiguration(_ o: SimOptions) throws(UsageError) -> (ACDConfiguration, QueueID) {
        var queue = QueueConfiguration(id: queue, strategy: o.strategy)
        queue.wrapUp = .seconds(o.wrapUp)
        queue.ringTimeout = .seconds(o.ringTimeout)
        queue.serviceLevelThreshold = .seconds(o.threshold)
        queue.maxWait = o.maxWait.map { .seconds($0) }
        let width = String(o.agents).count
        let agents = (1...o.agents).map { n in
            let number = String(n)
            return AgentConfiguration(id: AgentID("a" + String(repeating: "0", count: max(0, width - number.count)) + number),
                                      homeChannel: ChannelID(n), queues: [Self.queue])
        }
        return (ACDConfiguration(queues: [queue], agents: agents), Self.queue)
    }

    /// Erlang C when callers never give up, Erlang A when they do.
    public static func prediction(_ o: SimOptions, _ setup: SimSetup) -> SimPrediction? {
        let traffic = Traffic(callsPerHour: o.callsPerHour, handleTime: o.talkTime.mean + setup.wrapUp)
        guard traffic.handleTime > 0, o.missProbability == 0, setup.agents > 0 else { return nil }
        let row = Staffing.row(traffic: traffic, agents: setup.agents, patience: o.patience == .infinite ? nil : o.patience.mean,
                               target: StaffingTarget(serviceLevel: 0, threshold: setup.threshold))
        return SimPrediction(model: o.patience == .infinite ? "erlang-c" : "erlang-a", serviceLevel: row.serviceLevel,
                             probabilityOfWaiting: row.probabilityOfWaiting, averageWait: row.averageWait,
                             abandonRate: row.abandonRate, occupancy: row.occupancy)
    }

    public static func run(_ options: SimOptions) throws(UsageError) -> SimReport {
        let (scenario, setup) = try build(options)
        let result: SimResult
        do { result = try CallCenterSimulation.run(scenario) } catch { throw UsageError(message: error.description) }
        return SimReport(options: options, setup: setup, result: result, prediction: prediction(options, setup))
    }
}

/// The figures of one `kefu sim` run, as text or JSON.
public struct SimReport: Sendable {
    public var options: SimOptions
    public var setup: SimSetup
    public var result: SimResult
    public var prediction: SimPrediction?

    /// The figures of the simulated queue.
    public var statistics: QueueStatistics { result.queues.first { $0.queue.rawValue == setup.queue }!.statistics }

    public var text: [String] {
        let o = options, s = statistics, q = setup
        var lines = [
            "kefu sim: \(Format.fixed(o.hours, 1)) h simulated" + (o.warmUpHours > 0 ? " after \(Format.fixed(o.warmUpHours, 1)) h warm-up" : "")
                + ", seed \(o.seed), \(result.events) events",
            "queue \(q.queue): \(q.strategy), \(q.agents) agents, \(Format.fixed(o.callsPerHour, 0)) calls/h, talk \(o.talkTime) s, wrap-up \(Format.fixed(q.wrapUp, 0)) s, patience \(o.patience)",
            "  offered \(s.offered), answered \(s.answered), abandoned \(s.abandoned) (short \(s.shortAbandons)), timed out \(s.timedOut)",
            "  service level \(Format.percent(s.serviceLevel)) within \(Format.fixed(q.threshold, 0)) s, ASA \(Format.seconds(s.averageSpeedOfAnswer)), "
                + "AHT \(Format.seconds(s.averageHandleTime)), abandon rate \(Format.percent(s.abandonRate)), occupancy \(Format.percent(s.occupancy))",
            "  waited \(Format.percent(s.probabilityOfWaiting)), longest wait \(Format.fixed(s.longestWait.seconds, 0)) s"
                + (result.autoPauses > 0 ? ", auto-pauses \(result.autoPauses)" : ""),
        ]
        if let p = prediction {
            let name = p.model == "erlang-c" ? "Erlang C" : "Erlang A"
            lines.append("  \(name): service level \(Format.percent(p.serviceLevel)), waited \(Format.percent(p.probabilityOfWaiting)), "
                + (p.model == "erlang-c" ? "ASA" : "mean wait") + " \(Format.fixed(p.averageWait, 1)) s, "
                + (p.model == "erlang-a" ? "abandon rate \(Format.percent(p.abandonRate)), " : "")
                + "occupancy \(Format.percent(p.occupancy))")
        }
        return lines
    }

    public var json: String {
        let o = options, s = statistics, q = setup
        var queue = JSONObject()
        queue.add("queue", .string(q.queue))
        queue.add("strategy", .string(q.strategy))
        queue.add("agents", .int(q.agents))
        queue.add("calls_per_hour", .number(o.callsPerHour))
        queue.add("talk", .string(o.talkTime.description))
        queue.add("wrap_up_s", .number(q.wrapUp))
        queue.add("patience", .string(o.patience.description))
        queue.add("threshold_s", .number(q.threshold))
        queue.add("offered", .int(s.offered))
        queue.add("answered", .int(s.answered))
        queue.add("answered_within_threshold", .int(s.answeredWithinThreshold))
        queue.add("abandoned", .int(s.abandoned))
        queue.add("short_abandons", .int(s.shortAbandons))
        queue.add("timed_out", .int(s.timedOut))
        queue.add("service_level", .optional(s.serviceLevel))
        queue.add("asa_s", .optional(s.averageSpeedOfAnswer?.seconds))
        queue.add("aht_s", .optional(s.averageHandleTime?.seconds))
        queue.add("abandon_rate", .optional(s.abandonRate))
        queue.add("occupancy", .optional(s.occupancy))
        queue.add("probability_of_waiting", .optional(s.probabilityOfWaiting))
        queue.add("longest_wait_s", .number(s.longestWait.seconds))
        var top = JSONObject()
        top.add("hours", .number(o.hours))
        top.add("warm_up_hours", .number(o.warmUpHours))
        top.add("seed", .int(Int(truncatingIfNeeded: o.seed)))
        top.add("events", .int(result.events))
        top.add("auto_pauses", .int(result.autoPauses))
        top.add("queue", .object(queue))
        if let p = prediction {
            var model = JSONObject()
            model.add("model", .string(p.model))
            model.add("service_level", .number(p.serviceLevel))
            model.add("probability_of_waiting", .number(p.probabilityOfWaiting))
            model.add(p.model == "erlang-c" ? "asa_s" : "mean_wait_s", .number(p.averageWait))
            model.add("abandon_rate", .number(p.abandonRate))
            model.add("occupancy", .number(p.occupancy))
            top.add("prediction", .object(model))
        } else {
            top.add("prediction", .null)
        }
        return top.text
    }
}
