import Testing
import Telephony
@testable import Config

/// What a queue does for waiting callers: refusals, messages, callbacks.
@Suite struct QueueServiceConfigTests {
    @Test func whenNoAgentsTakesJoinOrAnAction() {
        #expect(load(extended(queue: ["when_no_agents = \"join\""])).config.queue("sales")?.whenNoAgents == nil)
        let refused = load(extended(queue: ["when_no_agents = \"voicemail sales\""]))
        #expect(refused.diagnostics.isEmpty, "\(refused.diagnostics)")
        #expect(refused.config.queue("sales")?.whenNoAgents == Located(.voicemail("sales"), line: 18))
        #expect(errors(extended(queue: ["when_no_agents = \"refuse\""])) == [
            "18: 'when_no_agents' in [queues.sales] (\"join\" or an action): unknown action 'refuse'; use one of: menu, queue, agent, dial, voicemail, callback, language, repeat, back, hangup",
        ])
        #expect(errors(extended(queue: ["when_no_agents = \"menu nowhere\""])) == [
            "18: [queues.sales] when_no_agents: no menu 'nowhere' (defined: main)",
        ])
    }

    @Test func refusalsMayNotLoopOrBookAnotherQueuesCallback() {
        let text = extended(queue: ["overflow = \"queue sales\"", "when_no_agents = \"callback help\""],
                            then: "[queues.help]\nagents = [\"8001\"]\n")
        #expect(errors(text) == [
            "18: [queues.sales] overflow sends callers back into the same queue",
            "19: [queues.sales] when_no_agents: a queue calls back its own callers, keeping their place; write 'callback sales' (or 'queue help' to move them)",
        ])
    }

    @Test func callbackKeysAreDecoded() throws {
        let text = extended(queue: ["callback = true", "callback_key = \"#\"", "callback_attempts = 5",
                                    "callback_retry = 30", "callback_retry_max = 240"])
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let q = try #require(result.config.queue("sales"))
        #expect(q.offersCallback)
        #expect(q.callbackSettings.key == .hash)
        #expect(q.callbackSettings.attempts == 5)
        #expect(q.callbackSettings.retry == 30_000)
        #expect(q.callbackSettings.retryMax == 240_000)
    }

    @Test func overflowToItsOwnCallbackTurnsCallbacksOn() {
        let result = load(extended(queue: ["overflow = \"callback sales\"", "callback_attempts = 2"]))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.config.queue("sales")?.offersCallback == true)
        #expect(errors(extended(queue: ["overflow = \"callback sales\"", "callback = false"])) == [
            "18: [queues.sales]: 'overflow' offers a callback, but 'callback' is false on line 19",
        ])
    }

    @Test func callbackSettingsNeedCallbacksOn() {
        #expect(errors(extended(queue: ["callback_attempts = 2"])) == [
            "18: 'callback_attempts' in [queues.sales] has no effect: callbacks are off (set callback = true)",
        ])
    }

    @Test func badCallbackSettingsAreReportedWithTheirLines() {
        let text = extended(queue: ["callback = true", "callback_key = \"12\"", "callback_attempts = 0",
                                    "callback_retry = 120", "callback_retry_max = 60"])
        #expect(errors(text) == [
            "19: 'callback_key' in [queues.sales] must be one key: 0-9, \"*\" or \"#\", not '12'",
            "20: 'callback_attempts' in [queues.sales] must be between 1 and 10, not 0",
            "22: [queues.sales]: callback_retry_max (60 s) is less than callback_retry (120 s)",
        ])
    }

    @Test func periodicEveryWithoutPromptHasNoEffect() {
        #expect(errors(extended(queue: ["periodic_every = 30"])) == [
            "18: 'periodic_every' in [queues.sales] has no effect without 'periodic_prompt'",
        ])
        #expect(errors(extended(queue: ["periodic_prompt = \"tip.wav\""])) == [
            "18: prompt 'tip.wav' in [queues.sales]: write the name without '.wav' (files are <language>/<name>.wav)",
        ])
    }

    @Test func agentWrapUpIsCheckedLikeTheQueues() {
        #expect(errors(extended(agent: ["wrap_up = 900"])) == [
            "15: 'wrap_up' in [agents.8001] must be between 0 and 600 seconds, not 900",
        ])
    }
}
