import Testing
import Telephony
@testable import Config

/// What a queue does for waiting callers (refusals, messages, callbacks) and
/// the [acd] section (auto-pause, pause reasons, feature codes).
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

    // MARK: [acd]

    @Test func acdSectionIsDecoded() {
        let text = minimalConfig + """

            [acd]
            auto_pause_after = 0
            pause_reasons = ["1:break", "12:coaching"]
            login_code = "*7"
            logout_code = "*8"
            pause_code = "*9"
            message_code = "*6"
            """
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let acd = result.config.acd
        #expect(acd.line == 23)
        #expect(acd.autoPauseAfter == 0)
        #expect(acd.pauseReasons.map(\.value) == [PauseReason(code: "1", reason: "break"), PauseReason(code: "12", reason: "coaching")])
        #expect([acd.loginCode, acd.logoutCode, acd.pauseCode] == [Located("*7", line: 26), Located("*8", line: 27), Located("*9", line: 28)])
    }

    @Test func acdDefaultsAreTheEnginesDefaults() {
        let acd = load(minimalConfig).config.acd
        #expect(acd.autoPauseAfter == 3)
        #expect(acd.pauseReasons.map(\.value.reason) == ["break", "lunch", "meeting", "training"])
        #expect([acd.loginCode.value, acd.logoutCode.value, acd.pauseCode.value] == ["*1", "*2", "*3"])
    }

    @Test func featureCodesThatCollideAreReported() {
        let same = minimalConfig + "\n[acd]\nlogout_code = \"*1\"\n"
        #expect(errors(same) == ["24: [acd]: logout_code '*1' is the same as login_code (its default)"])
        let prefix = minimalConfig + "\n[acd]\nlogin_code = \"*4\"\npause_code = \"*45\"\n"
        #expect(errors(prefix) == [
            "25: [acd]: pause_code '*45' begins with login_code '*4' (line 24): '*45' could also be login_code followed by '5'",
        ])
        let shorter = minimalConfig + "\n[acd]\nlogout_code = \"*\"\n"
        #expect(errors(shorter).count == 6, "'*' begins the six other codes (login, pause, listen, whisper, barge, message)")
        let defaultClash = minimalConfig + "\n[acd]\npause_code = \"*9\"\n"
        #expect(errors(defaultClash) == ["24: [acd]: message_code '*97' (its default) begins with pause_code '*9' (line 24): "
                                         + "'*97' could also be pause_code followed by '7'; set message_code in [acd] to a code that does not begin with '*9'"])
    }

    @Test func badFeatureCodesAndAutoPauseAreReported() {
        let text = minimalConfig + "\n[acd]\nlogin_code = \"*1#\"\nauto_pause_after = 50\nlogn_code = \"*5\"\n"
        #expect(errors(text) == [
            "24: 'login_code' in [acd] must be 1 to 4 keys of 0-9 and *, not '*1#' ('#' ends what the agent dials)",
            "25: 'auto_pause_after' in [acd] must be between 0 and 20, not 50",
            "26: unknown key 'logn_code' in [acd] (did you mean 'login_code'?)",
        ])
    }

    @Test func pauseReasonsAreChecked() {
        let text = minimalConfig + "\n[acd]\npause_reasons = [\"1:break\", \"lunch\", \"123:x\", \"1:tea\", \"2:auto-pause\", \"3:coffee break\"]\n"
        #expect(errors(text) == [
            "24: pause reason 'lunch' in [acd]: write CODE:REASON with a code of 1 or 2 digits, e.g. \"2:lunch\"",
            "24: pause reason '123:x' in [acd]: write CODE:REASON with a code of 1 or 2 digits, e.g. \"2:lunch\"",
            "24: pause reason code 1 in [acd] is already 'break' (line 24)",
            "24: pause reason 'auto-pause' in [acd] is the ACD's own (pause, auto-pause, line-down): choose another name",
            "24: pause reason name 'coffee break' may use only letters, digits, '_' and '-'",
        ])
    }

    @Test func onDemandRecordingKeyMayEqualAFeatureCode() {
        // Pressed during a call, while feature codes are dialled on an idle phone.
        let text = minimalConfig + "\n[recording]\non_demand_key = \"*1\"\n[acd]\nlogin_code = \"*1\"\n"
        #expect(load(text).diagnostics.isEmpty)
    }
}
