import Testing
import ACD
import Config
import Telephony

/// What the engine refuses to start with, and the configuration helpers.
@Suite struct ACDConfigurationTests {
    @Test func everyConfigurationProblemIsReported() {
        var q = QueueConfiguration(id: "q", strategy: "nearest")
        q.onTimeout = .queue("nowhere")
        q.onFull = .callback
        q.escalation = [EscalationRule(after: .seconds(10), alsoQueues: ["ghost"])]
        var configuration = ACDConfiguration(queues: [q, QueueConfiguration(id: "q")], agents: [
            AgentConfiguration(id: "a", homeChannel: 1, queues: ["q", "nope"]),
            AgentConfiguration(id: "b", homeChannel: 1, queues: ["q"]),
        ])
        configuration.outbound = OutboundLines(lines: 8, maxShare: 1.5)
        let problems = configuration.problems()
        for fragment in ["same name", "unknown strategy 'nearest'", "'nowhere'", "'ghost'", "needs a callback policy",
                         "'nope'", "share channel 1", "between 0 and 1"] {
            #expect(problems.contains { $0.english.contains(fragment) }, "\(fragment)")
        }
        for fragment in ["同名", "未知的策略 'nearest'", "'nowhere'", "'ghost'", "回拨策略", "'nope'", "共用通道 1", "0 到 1 之间"] {
            #expect(problems.contains { $0.chinese.contains(fragment) }, "\(fragment)")
        }
        #expect(throws: ACDConfigurationError.self) {
            _ = try ACDEngine(configuration: configuration, random: SeededRandom(seed: 1))
        }
    }

    @Test func featureCodesMatchTheLongestCodeAndStripTheHash() {
        let codes = FeatureCodes([.init("*1", .login), .init("*12", .logout)])
        #expect(codes.match("*12#")?.command == .logout)
        #expect(codes.match("*1")?.command == .login)
        #expect(codes.match("*1")?.argument == "")
        #expect(codes.match("*1801#")?.argument == "801")
        #expect(codes.match("#9") == nil)
    }

    @Test func outboundLineLimitRoundsDown() {
        #expect(OutboundLines(lines: 8, maxShare: 0.25).limit == 2)
        #expect(OutboundLines(lines: 7, maxShare: 0.25).limit == 1)
        #expect(OutboundLines(lines: 3, maxShare: 0.25).limit == 0)
    }
}
