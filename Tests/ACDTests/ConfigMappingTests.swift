import Testing
import ACD
import Config
import Telephony

/// A center whose ACD settings all come from the config file.
private let centerConfig = """
[lines.pstn]
signalling = "fxo"
channels = "1-4"
menu = "main"

[lines.phones]
signalling = "fxs"
channels = "5-7"

[agents.8001]
phone = 5
skills = ["billing:3", "english"]
wrap_up = 15

[agents.8002]
phone = 6
skills = ["billing:1"]

[agents.8003]
phone = 7
skills = ["billing:2"]

[queues.sales]
agents = ["8001", "8002"]
skills = ["billing:2"]
vip_callers = ["13800138000"]
vip_head_start = 90
weight = 3
when_no_agents = "voicemail sales"
short_abandon = 4
announce_on_join = true
periodic_prompt = ["tip"]
periodic_every = 40
expected_handle_time = 200
callback = true
callback_key = "#"
callback_attempts = 4
callback_retry = 30
callback_retry_max = 200

[[queues.sales.escalate]]
after = 60
queues = ["help"]

[[queues.sales.escalate]]
after = 120
skills = []

[queues.help]
agents = ["8003"]
strategy = "least-talk-time"
overflow = "callback help"

[menus.main]
prompt = "welcome"
[menus.main.keys]
1 = "queue sales"
2 = "queue help"

[acd]
auto_pause_after = 0
pause_reasons = ["5:coaching"]
login_code = "*7"
logout_code = "*8"
pause_code = "*9"
message_code = "*6"
"""

private func loadCenter() throws -> KefuConfig {
    let loaded = ConfigLoader.load(centerConfig, file: "kefu.toml")
    try #require(loaded.isValid, "\(loaded.diagnostics.errors)")
    return loaded.config
}

private func mapped() throws -> ACDConfiguration {
    ACDConfigurationMapping.acdConfiguration(from: try loadCenter())
}

private func queue(_ id: QueueID, in configuration: ACDConfiguration) throws -> QueueConfiguration {
    try #require(configuration.queues.first { $0.id == id })
}

extension Desk {
    /// The engine running what the config file maps to.
    init(mapping configuration: ACDConfiguration) throws {
        engine = try ACDEngine(configuration: configuration, random: SeededRandom(seed: 7))
    }
}

/// The config file's ACD keys reach the engine: `ACDConfigurationMapping`.
@Suite struct ConfigMappingTests {
    @Test func vipCallersFromConfigGetHeadStart() throws {
        let sales = try queue("sales", in: try mapped())
        #expect(sales.priorities == [PriorityRule(callerIDs: ["13800138000"], headStart: .seconds(90))])
        #expect(try queue("help", in: try mapped()).priorities.isEmpty)
    }

    @Test func escalationStepsAddUpAndKeepTheQueueSkillsUnlessGiven() throws {
        let sales = try queue("sales", in: try mapped())
        #expect(sales.requiredSkills == ["billing": 2])
        #expect(sales.escalation == [
            EscalationRule(after: .seconds(60), requiredSkills: ["billing": 2], alsoQueues: ["help"]),
            EscalationRule(after: .seconds(120), requiredSkills: [:], alsoQueues: ["help"]),
        ])
    }

    @Test func callbackPolicyFromQueueKeys() throws {
        let sales = try queue("sales", in: try mapped())
        #expect(sales.callback == CallbackPolicy(key: .hash, maxAttempts: 4, retryDelay: .seconds(30), maxRetryDelay: .seconds(200)))
    }

    @Test func overflowToCallbackGetsTheDefaultPolicy() throws {
        let help = try queue("help", in: try mapped())
        #expect(help.onTimeout == .callback)
        #expect(help.onFull == .callback)
        #expect(help.callback == CallbackPolicy())
    }

    @Test func queueServiceKeysMap() throws {
        let configuration = try mapped()
        let sales = try queue("sales", in: configuration)
        #expect(sales.weight == 3)
        #expect(sales.whenNoAgents == .refuse(.message(ACDConfigurationMapping.handOffPrompt)))
        #expect(sales.shortAbandonThreshold == .seconds(4))
        #expect(sales.announcePositionOnJoin)
        #expect(sales.periodicMessages == ["tip"])
        #expect(sales.periodicMessageInterval == .seconds(40))
        #expect(sales.expectedHandleTime == .seconds(200))
        let help = try queue("help", in: configuration)
        #expect(help.strategy == "least-talk-time")
        #expect(help.whenNoAgents == .join)
        #expect(help.periodicMessageInterval == nil)
    }

    @Test func agentSkillsAndWrapUpMap() throws {
        let agents = try mapped().agents
        #expect(agents.map(\.skills) == [["billing": 3, "english": 1], ["billing": 1], ["billing": 2]])
        #expect(agents.map(\.wrapUp) == [.seconds(15), nil, nil])
    }

    @Test func acdSectionMapsFeatureCodesPauseReasonsAndAutoPause() throws {
        let configuration = try mapped()
        #expect(configuration.featureCodes.codes == [.init("*7", .login), .init("*8", .logout), .init("*9", .togglePause)])
        #expect(configuration.pauseReasons == ["5": "coaching"])
        #expect(configuration.autoPauseAfterMisses == nil)
        #expect(configuration.problems().isEmpty)
    }

    @Test func everyConfigStrategyIsARoutingStrategy() {
        #expect(Set(Queue.Strategy.allCases.map(\.rawValue)) == Set(RoutingStrategies.names))
    }

    @Test func engineProblemsBecomeDiagnosticsAtTheQueueLine() throws {
        var config = try loadCenter()
        #expect(ACDConfigurationMapping.diagnostics(for: config).isEmpty)
        config.queues[0].escalation[0].queues = [Located("ghost", line: 49)]  // past the config's own checks
        let found = ACDConfigurationMapping.diagnostics(for: config)
        #expect(found.map(\.description) == ["kefu.toml:23: error: the ACD cannot run this configuration: queue 'sales' escalation: no queue named 'ghost'"])
        #expect(found.map { $0.text(chinese: true) } == ["kefu.toml:23: 错误: ACD 无法运行此配置：队列 'sales' 的升级步骤：没有名为 'ghost' 的队列"])
    }

    // MARK: The engine running the mapped configuration

    @Test func vipCallerFromConfigIsOfferedBeforeAnEarlierCaller() throws {
        var desk = try Desk(mapping: try mapped())
        desk.send(.featureCode(5, digits: "*7"))  // 8001 on their own phone
        #expect(desk.status("8001") == .available)
        desk.call(1, queue: "sales")
        desk.send(.agentAnswered("8001"))
        desk.call(2, queue: "sales", callerID: "13911112222")
        desk.wait(30)
        desk.call(3, queue: "sales", callerID: "13800138000")
        #expect(desk.waiting("sales") == [call(3), call(2)])
        desk.send(.agentHungUp("8001"))
        #expect(offers(desk.wait(14.9)).isEmpty, "the agent's own 15 s wrap-up")
        #expect(offerPairs(desk.wait(0.2)).map(\.0) == [call(3)])
    }

    @Test func escalationFromConfigLetsAnotherQueuesAgentAnswer() throws {
        var desk = try Desk(mapping: try mapped())
        desk.send(.featureCode(5, digits: "*7"))
        desk.send(.featureCode(7, digits: "*78003#"))
        desk.send(.console(.pause("8001", reason: "coaching")))
        desk.call(1, queue: "sales")
        #expect(offers(desk.wait(59)).isEmpty)
        #expect(offerPairs(desk.wait(1)).map(\.1) == ["8003"])
    }

    @Test func whenNoAgentsFromConfigRefusesCallers() throws {
        var desk = try Desk(mapping: try mapped())
        let actions = desk.call(1, queue: "sales")
        #expect(actions.contains(.refuse(call(1), reason: .noAgents, prompt: ACDConfigurationMapping.handOffPrompt)))
    }

    @Test func featureCodesFromConfigReplaceTheDefaults() throws {
        var desk = try Desk(mapping: try mapped())
        #expect(desk.send(.featureCode(5, digits: "*1")).contains(.featureResult(5, accepted: false, agent: nil)))
        desk.send(.featureCode(5, digits: "*7"))
        #expect(desk.send(.featureCode(5, digits: "*95")).contains(.featureResult(5, accepted: true, agent: "8001")))
        #expect(desk.status("8001") == .paused(reason: "coaching"))
        #expect(desk.send(.featureCode(5, digits: "*8")).contains(.featureResult(5, accepted: true, agent: "8001")))
    }
}
