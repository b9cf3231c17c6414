#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import ACD
import Telephony
import Config
import Tools

/// Erlang C written out from the textbook, independently of the Reports
/// module: C = (Aᴺ/N!)·N/(N−A) ÷ (Σₖ₌₀ᴺ⁻¹ Aᵏ/k! + (Aᴺ/N!)·N/(N−A)) and
/// SL(t) = 1 − C·e^(−(N−A)·t/AHT).
enum Textbook {
    static func erlangC(agents n: Int, erlangs a: Double) -> Double {
        func term(_ k: Int) -> Double { exp(Double(k) * log(a) - lgamma(Double(k + 1))) }
        let waiting = term(n) * Double(n) / (Double(n) - a)
        return waiting / ((0..<n).reduce(0.0) { $0 + term($1) } + waiting)
    }

    static func serviceLevel(agents n: Int, erlangs a: Double, handleTime: Double, within t: Double) -> Double {
        1 - erlangC(agents: n, erlangs: a) * exp(-(Double(n) - a) * t / handleTime)
    }

    /// The fewest agents that answer `target` of calls within `t`.
    static func agents(erlangs a: Double, handleTime: Double, target: Double, within t: Double) -> Int {
        var n = Int(a) + 1
        while serviceLevel(agents: n, erlangs: a, handleTime: handleTime, within: t) < target { n += 1 }
        return n
    }
}

struct ErlangScenario: Sendable, CustomTestStringConvertible {
    var callsPerHour: Double
    var handleTime: Double
    /// Hours measured: 40 000 to 80 000 calls, enough for a standard error
    /// of about half a point (over 20 seeds: mean difference under 0.1 pp,
    /// σ 0.35–0.6 pp, worst 1.4 pp).
    var hours: Double
    var testDescription: String { "\(Int(callsPerHour)) calls/h, AHT \(Int(handleTime)) s" }
}

@Suite struct SimToolTests {
    @Test func eightHourDayWithTwentyAgentsRunsInACoupleOfSeconds() throws {
        var options = SimOptions()
        options.callsPerHour = 300
        options.agents = 20
        options.hours = 8
        let clock = ContinuousClock()
        let start = clock.now
        let report = try SimTool.run(options)
        let elapsed = clock.now - start
        // About 0.15 s alone in a debug build; the bound leaves room for a
        // busy machine running other tests at the same time.
        #expect(elapsed < .seconds(3), "took \(elapsed)")
        #expect(abs(report.statistics.offered - 2400) < 200)
        #expect(report.statistics.answered + 20 >= report.statistics.offered)
    }

    /// Poisson arrivals, exponential talk, callers who never give up, the
    /// agent count Erlang C says reaches 90 % in 10 s: over hundreds of
    /// simulated hours the engine's probability of waiting and service level
    /// agree with Erlang C within 2 percentage points.
    @Test(arguments: [
        ErlangScenario(callsPerHour: 100, handleTime: 180, hours: 400),
        ErlangScenario(callsPerHour: 200, handleTime: 240, hours: 300),
        ErlangScenario(callsPerHour: 400, handleTime: 150, hours: 200),
    ])
    func simAgreesWithErlangC(_ scenario: ErlangScenario) throws {
        let erlangs = scenario.callsPerHour * scenario.handleTime / 3600
        let agents = Textbook.agents(erlangs: erlangs, handleTime: scenario.handleTime, target: 0.9, within: 10)
        var options = SimOptions()
        options.callsPerHour = scenario.callsPerHour
        options.talkTime = .exponential(mean: scenario.handleTime)
        options.agents = agents
        options.patience = .infinite
        options.threshold = 10
        options.hours = scenario.hours
        options.warmUpHours = 2
        let stats = try SimTool.run(options).statistics
        let waited = try #require(stats.probabilityOfWaiting)
        let serviceLevel = try #require(stats.serviceLevel)
        let expectedWaited = Textbook.erlangC(agents: agents, erlangs: erlangs)
        let expectedServiceLevel = Textbook.serviceLevel(agents: agents, erlangs: erlangs, handleTime: scenario.handleTime, within: 10)
        #expect(abs(waited - expectedWaited) <= 0.02, "P(wait) \(waited) against Erlang C \(expectedWaited), \(agents) agents")
        #expect(abs(serviceLevel - expectedServiceLevel) <= 0.02, "SL \(serviceLevel) against Erlang C \(expectedServiceLevel), \(agents) agents")
        #expect(stats.abandoned == 0)
        #expect(abs((stats.occupancy ?? 0) - erlangs / Double(agents)) <= 0.02)
    }

    @Test func simAgreesWithErlangAWhenCallersGiveUp() throws {
        var options = SimOptions()
        options.callsPerHour = 200
        options.talkTime = .exponential(mean: 180)
        options.agents = 10
        options.patience = .exponential(mean: 120)
        options.hours = 150
        options.warmUpHours = 1
        let report = try SimTool.run(options)
        let model = try #require(report.prediction)
        #expect(model.model == "erlang-a")
        #expect(abs(try #require(report.statistics.abandonRate) - model.abandonRate) <= 0.02)
        #expect(abs(try #require(report.statistics.probabilityOfWaiting) - model.probabilityOfWaiting) <= 0.03)
    }

    @Test func sameSeedGivesTheSameDay() throws {
        var options = SimOptions()
        options.hours = 2
        options.strategy = "random"
        let first = try SimTool.run(options).json
        #expect(try SimTool.run(options).json == first)
        options.seed = 2
        #expect(try SimTool.run(options).json != first)
    }

    @Test func jsonReportCarriesTheFiguresAndTheModel() throws {
        var options = SimOptions()
        options.hours = 1
        let json = try SimTool.run(options).json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let queue = try #require(object["queue"] as? [String: Any])
        for key in ["offered", "answered", "abandoned", "short_abandons", "service_level", "asa_s", "aht_s",
                    "abandon_rate", "occupancy", "probability_of_waiting"] {
            #expect(queue[key] != nil, "\(key)")
        }
        let prediction = try #require(object["prediction"] as? [String: Any])
        #expect(prediction["model"] as? String == "erlang-c")
        #expect(object["hours"] as? Int == 1)
    }

    @Test func textReportNamesServiceLevelASAAbandonRateAndOccupancy() throws {
        var options = SimOptions()
        options.hours = 1
        options.patience = .exponential(mean: 60)
        let text = try SimTool.run(options).text.joined(separator: "\n")
        for phrase in ["service level", "within 20 s", "ASA", "AHT", "abandon rate", "occupancy", "Erlang A"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
    }

    @Test func badOptionsAreRefusedWithAReason() {
        var options = SimOptions()
        options.strategy = "cheapest"
        #expect(throws: UsageError.self) { try SimTool.run(options) }
        options = SimOptions()
        options.agents = 0
        #expect(throws: UsageError.self) { try SimTool.run(options) }
        options = SimOptions()
        options.talkTime = .infinite
        #expect(throws: UsageError.self) { try SimTool.run(options) }
        options = SimOptions()
        options.callsPerHour = -3
        #expect(throws: UsageError.self) { try SimTool.run(options) }
    }

    @Test func everyStrategyRunsADay() throws {
        for strategy in RoutingStrategies.names {
            var options = SimOptions()
            options.strategy = strategy
            options.hours = 1
            options.answerDelay = .uniform(1, 4)
            let stats = try SimTool.run(options).statistics
            #expect(stats.answered > 250, "\(strategy)")
            #expect(stats.answered + 20 >= stats.offered, "\(strategy)")
        }
    }

    @Test func agentsWhoLetOffersRingOutGetAutoPausedAndCallsStillGetAnswered() throws {
        var options = SimOptions()
        options.hours = 2
        options.missProbability = 0.2
        options.agents = 22
        let report = try SimTool.run(options)
        #expect(report.result.autoPauses > 0)
        #expect(report.statistics.answered + 30 >= report.statistics.offered)
        #expect(report.prediction == nil)
    }
}

/// Distributions for talk time, patience and answer delay.
@Suite struct SimDistributionTests {
    @Test func distributionsParseAndPrintTheSameWay() throws {
        for text in ["exp:180", "fixed:30", "uniform:60:300", "lognormal:180:0.5", "inf"] {
            #expect(try SimDistribution.parse(text, option: "--aht").description == text)
        }
        #expect(try SimDistribution.parse("90", option: "--patience") == .exponential(mean: 90))
        for bad in ["exp", "uniform:5:1", "fast", "exp:-3", "lognormal:0:1"] {
            #expect(throws: UsageError.self, "\(bad)") { try SimDistribution.parse(bad, option: "--aht") }
        }
    }

    @Test func samplesHaveTheStatedMean() {
        var random = SeededRandom(seed: 5)
        for distribution in [SimDistribution.exponential(mean: 180), .uniform(60, 300), .lognormal(mean: 180, cv: 0.6), .fixed(42)] {
            let n = 40_000
            var sum = 0.0
            for _ in 0..<n { sum += distribution.sample(&random) }
            #expect(abs(sum / Double(n) - distribution.mean) / distribution.mean < 0.02, "\(distribution)")
        }
    }
}

/// `kefu sim --config`: queues and agents from the box's configuration file.
@Suite struct SimConfigurationTests {
    static let demoConfig: (text: String, file: String) = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/kefu.toml").path
        return ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "", path)
    }()

    @Test func simRunsTheQueuesAndAgentsOfTheConfigurationFile() throws {
        var options = SimOptions()
        options.configuration = Self.demoConfig
        options.queue = "support"
        options.callsPerHour = 40
        options.hours = 2
        let report = try SimTool.run(options)
        #expect(report.setup == SimSetup(queue: "support", strategy: "fewest-calls", agents: 3, wrapUp: 10, threshold: 20))
        #expect(report.statistics.offered > 40)
        #expect(report.text[1].hasPrefix("queue support: fewest-calls, 3 agents"))
    }

    @Test func configurationMapsOverflowWrapUpAndMembership() throws {
        let loaded = ConfigLoader.load(Self.demoConfig.text, file: Self.demoConfig.file)
        #expect(loaded.isValid)
        let acd = ACDConfigurationMapping.acdConfiguration(from: loaded.config)
        let sales = try #require(acd.queues.first { $0.id == "sales" })
        #expect(sales.maxWait == .seconds(180))
        #expect(sales.onTimeout == .callback)
        #expect(sales.callback != nil)
        #expect(sales.wrapUp == .seconds(10))
        let support = try #require(acd.queues.first { $0.id == "support" })
        #expect(support.onTimeout == .message(ACDConfigurationMapping.handOffPrompt))  // voicemail is the call flow's job
        let shared = try #require(acd.agents.first { $0.id == "8002" })
        #expect(Set(shared.queues) == ["sales", "support", "agent:8002"], "the two queues, and the agent's personal queue")
        #expect(shared.homeChannel == 10)
        #expect(acd.problems().isEmpty)
    }

    @Test func anUnknownQueueIsNamedWithTheChoices() {
        var options = SimOptions()
        options.configuration = Self.demoConfig
        options.queue = "billing"
        #expect { try SimTool.run(options) } throws: { ($0 as? UsageError)?.message.contains("(sales, support)") == true }
    }
}
