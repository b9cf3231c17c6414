import Testing
import Telephony
@testable import Config

/// `minimalConfig` with keys added to [agents.8001] (from line 15 on) and to
/// [queues.sales] (after its `agents` line, so from line 18 + agent keys on),
/// then `more` from line 23 + both counts on.
func extended(agent: [String] = [], queue: [String] = [], then more: String = "") -> String {
    var text = minimalConfig
        .replacingOccurrences(of: "phone = 5", with: (["phone = 5"] + agent).joined(separator: "\n"))
        .replacingOccurrences(of: "agents = [\"8001\"]", with: (["agents = [\"8001\"]"] + queue).joined(separator: "\n"))
    if !more.isEmpty { text += "\n" + more }
    return text
}

/// Skills, VIP callers, escalation and strategies in [agents.*] and [queues.*].
@Suite struct QueueRoutingConfigTests {
    @Test func skillsVipAndRoutingKeysAreDecoded() throws {
        let text = extended(agent: ["skills = [\"billing:3\", \"english\"]", "wrap_up = 15"],
                            queue: ["skills = [\"billing:2\"]", "strategy = \"skills-weighted\"", "weight = 5",
                                    "vip_callers = [\"13800138000\"]", "vip_head_start = 90", "when_no_agents = \"hangup\"",
                                    "short_abandon = 3", "announce_on_join = true", "periodic_prompt = [\"tip\", \"web\"]",
                                    "periodic_every = 45", "expected_handle_time = 240"])
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let agent = try #require(result.config.agent("8001"))
        #expect(agent.skills.map(\.value) == [SkillLevel("billing", 3), SkillLevel("english", 1)])
        #expect(agent.skills.map(\.line) == [15, 15])
        #expect(agent.wrapUp == 15_000)
        let q = try #require(result.config.queue("sales"))
        #expect(q.skills == [Located(SkillLevel("billing", 2), line: 20)])
        #expect(q.strategy == .skillsWeighted)
        #expect(q.weight == 5)
        #expect(q.vipCallers.map(\.value) == ["13800138000"])
        #expect(q.vipHeadStart == 90_000)
        #expect(q.whenNoAgents == Located(.hangup, line: 25))
        #expect(q.shortAbandon == 3_000)
        #expect(q.announceOnJoin)
        #expect(q.periodicPrompt.map(\.value) == ["tip", "web"])
        #expect(q.periodicEvery == 45_000)
        #expect(q.expectedHandleTime == 240_000)
        #expect(ConfigLoader.promptUses(result.config).map(\.value).contains("tip"))
    }

    @Test func skillsMayBeWrittenAsATable() throws {
        let text = extended(then: "[agents.8001.skills]\nbilling = 4\ncantonese = 2\n")
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.config.agent("8001")?.skills.map(\.value) == [SkillLevel("billing", 4), SkillLevel("cantonese", 2)])
    }

    @Test func skillLevelOutOfRangeIsReportedWithItsLine() {
        let text = extended(agent: ["skills = [\"billing:11\",", "  \"english:0\"]"])
        #expect(errors(text) == [
            "15: skill 'billing' in 'skills' in [agents.8001] has level 11; levels are 1 to 10",
            "16: skill 'english' in 'skills' in [agents.8001] has level 0; levels are 1 to 10",
        ])
        let table = extended(then: "[agents.8001.skills]\nbilling = 12\nenglish = \"high\"\n")
        #expect(errors(table) == [
            "24: skill 'billing' in [agents.8001.skills] has level 12; levels are 1 to 10",
            "25: skill 'english' in [agents.8001.skills] must be a level (a whole number 1-10), not a string",
        ])
    }

    @Test func malformedAndRepeatedSkillsAreReported() {
        let text = extended(agent: ["skills = [\"billing:high\", \"bad name\", \"english\", \"english:2\"]"])
        #expect(errors(text) == [
            "15: skill 'billing:high' in [agents.8001]: write NAME or NAME:LEVEL, e.g. \"billing:3\" (levels 1 to 10)",
            "15: skill name 'bad name' in 'skills' in [agents.8001] may use only letters, digits, '_' and '-'",
            "15: skill 'english' is listed twice in 'skills' in [agents.8001]",
        ])
    }

    @Test func queueSkillNoAgentHasIsADanglingReferenceWithAHint() {
        let text = extended(agent: ["skills = [\"billing:3\"]"], queue: ["skills = [\"biling\"]"])
        #expect(errors(text) == ["19: [queues.sales] skills: no agent with skill 'biling' (did you mean 'billing'?) (defined: billing)"])
    }

    @Test func queueWhoseAgentsLackTheLevelIsWarned() {
        let text = extended(agent: ["skills = [\"billing:1\"]"], queue: ["skills = [\"billing:3\"]"])
        #expect(errors(text).isEmpty)
        #expect(warnings(text) == ["19: no agent of [queues.sales] has the skills it requires (billing:3): its callers wait for an escalation step or overflow"])
    }

    @Test func skillsWeightedWithoutQueueSkillsIsWarned() {
        let text = extended(queue: ["strategy = \"skills-weighted\""])
        #expect(warnings(text) == ["16: [queues.sales] strategy skills-weighted ranks agents by the queue's skills, but it has no 'skills': it acts as longest-idle"])
    }

    @Test func everyStrategyNameIsAccepted() {
        for strategy in Queue.Strategy.allCases {
            let result = load(extended(queue: ["strategy = \"\(strategy.rawValue)\""]))
            #expect(result.diagnostics.errors.isEmpty, "\(strategy)")
            #expect(result.config.queue("sales")?.strategy == strategy)
        }
    }

    @Test func vipNumberThatIsNotDigitsIsReported() {
        let text = extended(queue: ["vip_callers = [\"138-0013-8000\", \"13800138000\", \"13800138000\", \"12\"]"])
        #expect(errors(text) == [
            "18: VIP number '138-0013-8000' in [queues.sales] must be 3 to 20 digits, as caller ID sends it (no spaces, '+' or '-')",
            "18: VIP number '13800138000' is listed twice in [queues.sales]",
            "18: VIP number '12' in [queues.sales] must be 3 to 20 digits, as caller ID sends it (no spaces, '+' or '-')",
        ])
        #expect(load(text).config.queue("sales")?.vipCallers.map(\.value) == ["13800138000"])
    }

    @Test func vipHeadStartWithoutCallersHasNoEffect() {
        #expect(errors(extended(queue: ["vip_head_start = 60"])) == ["18: 'vip_head_start' in [queues.sales] has no effect without 'vip_callers' or 'vip_list'"])
    }

    @Test func escalationStepsAreDecodedInOrderOfWaiting() throws {
        let text = extended(agent: ["skills = [\"billing:3\"]"], queue: ["skills = [\"billing:3\"]"], then: """
            [queues.help]
            agents = ["8001"]
            [[queues.sales.escalate]]
            after = 90
            queues = ["help"]
            [[queues.sales.escalate]]
            after = 30
            skills = ["billing:1"]
            [menus.more]
            prompt = "x"
            [menus.more.keys]
            1 = "queue help"
            """)
        let result = load(text)
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics)")
        let steps = try #require(result.config.queue("sales")).escalation
        #expect(steps.map(\.after) == [30_000, 90_000])
        #expect(steps.map(\.line) == [30, 27])
        #expect(steps[0].skills == [Located(SkillLevel("billing", 1), line: 32)])
        #expect(steps[1].skills == nil)
        #expect(steps[1].queues == [Located("help", line: 29)])
    }

    @Test func oneEscalationStepMayBeAPlainTable() {
        let result = load(extended(then: "[queues.sales.escalate]\nafter = 30\nskills = []\n"))
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics)")
        #expect(result.config.queue("sales")?.escalation.map(\.after) == [30_000])
        #expect(result.config.queue("sales")?.escalation.first?.skills == [])
    }

    @Test func escalationToUnknownQueueIsAnError() {
        let text = extended(then: """
            [[queues.sales.escalate]]
            after = 60
            queues = ["suport", "sales"]
            """)
        #expect(errors(text) == [
            "25: [queues.sales] escalate queues: no queue 'suport' (defined: sales)",
            "25: [queues.sales] escalate queues: 'sales' is this queue itself",
        ])
    }

    @Test func escalationStepsMustSayWhenAndWhatChanges() {
        let text = extended(then: """
            [[queues.sales.escalate]]
            queues = []
            [[queues.sales.escalate]]
            after = 60
            [[queues.sales.escalate]]
            after = 60
            skills = []
            [[queues.sales.escalate]]
            after = 60
            wait = 3
            """)
        #expect(errors(text) == [
            "23: [queues.sales.escalate] needs 'after' (seconds of waiting before this step applies)",
            "25: [queues.sales.escalate] (after 60 s) changes nothing: give 'skills' (the skills needed from then on) and/or 'queues' (whose agents may help)",
            "28: [queues.sales.escalate]: two steps apply after 60 s (the other on line 25)",
            "30: [queues.sales.escalate] (after 60 s) changes nothing: give 'skills' (the skills needed from then on) and/or 'queues' (whose agents may help)",
            "31: [queues.sales.escalate]: two steps apply after 60 s (the other on line 25)",
            "32: unknown key 'wait' in [queues.sales.escalate]",
        ])
    }

    @Test func escalationAfterMaxWaitIsWarned() {
        let text = extended(queue: ["max_wait = 60"], then: "[[queues.sales.escalate]]\nafter = 90\nskills = []\n")
        #expect(errors(text).isEmpty)
        #expect(warnings(text) == ["24: [queues.sales] escalate after 90 s never applies: callers overflow at max_wait (60 s) first"])
    }
}

/// VIP list files: the tool reads them, `ConfigLoader.vipLists` checks them.
@Suite struct VIPListTests {
    @Test func vipListNumbersAreAddedAndBadLinesReportedInTheList() throws {
        let config = load(extended(queue: ["vip_list = \"vip.txt\"", "vip_head_start = 60"])).config
        let (read, found) = ConfigLoader.vipLists(for: config, files: [
            "vip.txt": .init(path: "/etc/kefu/vip.txt", text: "13800138000  # Li Lei\r\n\r\n+8613900139000\n13800138000\n"),
        ])
        #expect(read.queue("sales")?.vipListNumbers == ["13800138000"])
        #expect(found.map(\.description) == [
            "/etc/kefu/vip.txt:3: error: '+8613900139000' is not a caller number: write 3 to 20 digits, as caller ID sends it, one number per line",
        ])
    }

    @Test func vipListThatCannotBeReadIsReportedAtTheConfigLine() {
        let config = load(extended(queue: ["vip_list = \"gone.txt\""])).config
        let (_, found) = ConfigLoader.vipLists(for: config, files: ["gone.txt": .init(path: "gone.txt", text: nil, failure: "No such file or directory")])
        #expect(found.map(\.description) == ["kefu.toml:18: error: VIP list 'gone.txt' of [queues.sales] cannot be read: No such file or directory"])
    }
}
