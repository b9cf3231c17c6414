import ArgumentParser
import Tools

struct SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Simulate a queue through the real ACD engine on a virtual clock.",
        discussion: """
        Poisson arrivals into one queue; talk time and patience as distributions:
          exp:MEAN (or just MEAN)  fixed:S  uniform:MIN:MAX  lognormal:MEAN:CV  inf
        Prints service level, ASA, AHT, abandon rate and occupancy, and what Erlang C
        (patience inf) or Erlang A (other patience) predicts for the same traffic.
        With --config, queues and agents come from the box's configuration file (every
        agent logged in all day) and callers join --queue (default: the first queue).
        Example: kefu sim --rate 300 --aht exp:180 --agents 20 --hours 8
                 kefu sim --config kefu.toml --queue sales --rate 60 --patience exp:120
        """)

    @Option(help: "The box's configuration file (queues and agents).") var config: String?
    @Option(help: "With --config: the queue callers join.") var queue: String?

    @Option(help: "Calls per hour.") var rate: Double = 300
    @Option(help: "Talk time distribution, seconds.") var aht: String = "exp:180"
    @Option(help: "Agents logged in all day.") var agents: Int = 20
    @Option(help: ArgumentHelp("Routing strategy: \(SimTool.strategies.joined(separator: ", ")).")) var strategy: String = "longest-idle"
    @Option(help: "How long callers wait before hanging up.") var patience: String = "inf"
    @Option(help: "Hours measured.") var hours: Double = 8
    @Option(help: "Hours simulated first and not measured.") var warmUp: Double = 0
    @Option(help: "Wrap-up after each call, seconds.") var wrapUp: Double = 0
    @Option(help: "Ring timeout per offer, seconds.") var ringTimeout: Double = 15
    @Option(help: "Time agents take to pick up, distribution in seconds.") var answerDelay: String = "fixed:0"
    @Option(help: "Chance an agent lets an offer ring out.") var missRate: Double = 0
    @Option(help: "Service-level threshold, seconds.") var threshold: Double = 20
    @Option(help: "Maximum wait, seconds (callers are then turned away).") var maxWait: Double?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func run() throws {
        var options = SimOptions()
        let report: SimReport
        do {
            options.callsPerHour = rate
            options.talkTime = try SimDistribution.parse(aht, option: "--aht")
            options.agents = agents
            options.strategy = strategy
            options.patience = try SimDistribution.parse(patience, option: "--patience")
            options.hours = hours
            options.warmUpHours = warmUp
            options.wrapUp = wrapUp
            options.ringTimeout = ringTimeout
            options.answerDelay = try SimDistribution.parse(answerDelay, option: "--answer-delay")
            options.missProbability = missRate
            options.threshold = threshold
            options.maxWait = maxWait
            options.seed = seed
            if let config {
                options.configuration = (String(decoding: try FileIO.read(config), as: UTF8.self), config)
            }
            options.queue = queue
            report = try SimTool.run(options)
        } catch let error as UsageError {
            throw ValidationError(error.message)
        } catch {
            throw ValidationError("\(error)")
        }
        if json { print(report.json) } else { report.text.forEach { print($0) } }
    }
}
