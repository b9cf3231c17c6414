import Testing
import ACD
import CallControl
import Channels
import Telephony

/// Hold, transfers and conferences from an agent's analog phone: hook
/// flashes and DTMF digits as audio, on the simulated board.
@Suite struct PhoneHandlingTests {
    @Test func aFlashHoldsTheCallerWithMusicAndAnotherFlashReturns() throws {
        let call = try PhoneCall()
        #expect(call.exchange()[call.line] == 200, "caller hears the agent")
        call.flash(call.agent)
        #expect(call.flow.phones[call.agent] == .flashed(line: call.line, digits: ""))
        #expect(call.tones(on: call.line) == ["zh/hold-music.wav"])
        #expect(call.tones(on: call.agent).first == "tone:dial")
        call.rig.run(upTo: 250)  // five seconds on hold
        call.flash(call.agent)
        let heard = call.exchange()
        #expect(heard[call.line] == 200 && heard[call.agent] == 1000, "back together")
        #expect(call.flow.calls[call.id]?.holds == 1)
        #expect((call.flow.calls[call.id]?.heldFor ?? .zero) >= .seconds(5))
    }

    @Test func hangingUpOnAHeldCallerRingsThePhoneAgainAfterTheHoldReminder() throws {
        let call = try PhoneCall()
        call.flash(call.agent)
        call.hook(call.agent, offHook: false)
        #expect(call.flow.acd.status(of: "8001") == .onCall(call.acdID), "a held call is still the agent's call")
        #expect(!call.rig.board.phoneIsRinging(call.agent))
        call.rig.run(upTo: 2900)  // 58 s more: still quiet; the reconciler left the agent on the call
        #expect(!call.rig.board.phoneIsRinging(call.agent))
        #expect(call.status("8001") == .onCall(call.acdID))
        #expect(call.rig.run(upTo: 200) { call.rig.board.phoneIsRinging(call.agent) }, "rings after 60 s on hold")
        call.hook(call.agent, offHook: true)
        let heard = call.exchange()
        #expect(heard[call.line] == 200 && heard[call.agent] == 1000)
    }

    @Test func aQueueTransferCodeThenHangingUpPassesTheCallerToThatQueueKeepingTheirPlace() throws {
        let call = try PhoneCall()
        call.flash(call.agent)
        call.dial("602#", on: call.agent)  // support
        #expect(call.flow.phones[call.agent] == .transferReady(line: call.line, queue: "support"))
        call.hook(call.agent, offHook: false)
        #expect(call.flow.lines[call.line] == .queued(call.id, queue: "support"))
        #expect(call.rig.control.queueEvents.contains { $0.call == call.id && $0.kind == .transferred(agent: "8001", to: "support") })
        #expect(call.rig.run(upTo: 200) { call.rig.ringingPhone != nil })
        let next = try #require(call.rig.ringingPhone)
        #expect(["8003", "8004"].contains(call.rig.agent(on: next) ?? ""), "a support agent rings")
        call.hook(next, offHook: true)
        #expect(call.rig.run(upTo: 100) { call.flow.lines[call.line] == .talking(call.id, agent: next) })
        #expect(call.exchange()[call.line] == PhoneCall.voices[next == call.colleague ? 2 : 3])
        #expect(call.flow.calls[call.id]?.transfers == ["support"])
    }

    @Test func consultingAColleagueThenHangingUpHandsTheCallerOver() throws {
        let call = try PhoneCall()
        call.flash(call.agent)
        call.dial("8003#", on: call.agent)
        #expect(call.rig.board.phoneIsRinging(call.colleague))
        #expect(call.tones(on: call.agent, ticks: 30) == ["tone:ringback"])
        #expect(call.status("8003") == .consulting(call.acdID))
        call.hook(call.colleague, offHook: true)
        var heard = call.exchange()
        #expect(heard[call.agent] == 30 && heard[call.colleague] == 200, "agent and colleague talk")
        #expect(heard[call.line] != 200 && heard[call.line] != 30, "the held caller hears neither")
        call.hook(call.agent, offHook: false)
        heard = call.exchange()
        #expect(heard[call.line] == 30 && heard[call.colleague] == 1000, "caller and colleague talk")
        #expect(call.status("8003") == .onCall(call.acdID))
        #expect(call.flow.calls[call.id]?.agentID == "8003")
        #expect(call.flow.calls[call.id]?.transfers == ["8003"])
        #expect(call.rig.control.queueEvents.contains { $0.kind == .completed(agent: "8001", talked: $0.at - $0.at) } == false)
        #expect(call.rig.control.queueEvents.contains { if case .completed(let agent, _) = $0.kind { agent == "8001" } else { false } })
    }

    @Test func aFlashDuringTheConsultationReturnsToTheCallerAndTheColleagueHearsBusy() throws {
        let call = try PhoneCall()
        call.flash(call.agent)
        call.dial("8003#", on: call.agent)
        call.hook(call.colleague, offHook: true)
        call.flash(call.agent)
        let heard = call.exchange()
        #expect(heard[call.line] == 200 && heard[call.agent] == 1000)
        #expect(call.tones(on: call.colleague).first == "tone:busy")
        #expect(call.status("8003") == .available)
    }

    @Test func theConferenceCodeBringsTheCallerInAndTheColleagueStaysWhenTheAgentLeaves() throws {
        let call = try PhoneCall()
        call.flash(call.agent)
        call.dial("8003#", on: call.agent)
        call.hook(call.colleague, offHook: true)
        call.dial("3", on: call.agent)
        #expect(call.flow.phones[call.agent] == .conference(line: call.line, colleague: call.colleague))
        var heard = call.exchange()
        #expect(heard[call.line] == 230 && heard[call.agent] == 1030 && heard[call.colleague] == 1200, "each hears the other two")
        call.hook(call.agent, offHook: false)
        heard = call.exchange()
        #expect(heard[call.line] == 30 && heard[call.colleague] == 1000)
        #expect(call.flow.calls[call.id]?.conferences == 1)
    }

    @Test func aBusyOrLoggedOutColleagueOrAWrongCodeGivesTheAgentATone() throws {
        let call = try PhoneCall()
        call.rig.control.console(.logout(AgentID("8003")), now: call.rig.now)
        call.flash(call.agent)
        call.dial("8003#", on: call.agent)
        #expect(call.flow.phones[call.agent] == .flashFailed(line: call.line))
        #expect(call.tones(on: call.agent).first == "tone:busy")
        call.flash(call.agent)
        call.flash(call.agent)
        call.dial("999#", on: call.agent)
        #expect(call.tones(on: call.agent).first == "tone:refused")
        call.flash(call.agent)
        #expect(call.exchange()[call.line] == 200, "back with the caller")
    }

    @Test func aColleagueWhoDoesNotAnswerIsFreedAndTheAgentHearsBusy() throws {
        let call = try PhoneCall()
        call.flash(call.agent)
        call.dial("8003#", on: call.agent)
        call.rig.run(upTo: 1010)  // 20 s of ringing
        #expect(!call.rig.board.phoneIsRinging(call.colleague))
        #expect(call.status("8003") == .available)
        #expect(call.tones(on: call.agent).first == "tone:busy")
    }

    @Test func theCallerHangingUpDuringAConsultationEndsItForBothAgents() throws {
        let call = try PhoneCall()
        call.flash(call.agent)
        call.dial("8003#", on: call.agent)
        call.hook(call.colleague, offHook: true)
        call.rig.step(before: { $0.farDisconnect(call.line) })
        call.rig.run(upTo: 20)
        #expect(call.flow.calls[call.id] == nil)
        #expect(call.tones(on: call.agent).first == "tone:busy")
        #expect(call.tones(on: call.colleague).first == "tone:busy")
        #expect(call.status("8003") == .available)
    }

    @Test("a supervisor moves a call that is with an agent; the agent hears busy and the caller waits in the new queue")
    func consoleMovesATalkingCall() throws {
        let call = try PhoneCall()
        #expect(call.rig.control.transfer(call.id, toQueue: "support", now: call.rig.now) == nil)
        call.rig.run(upTo: 3)
        #expect(call.tones(on: call.agent).first == "tone:busy")
        #expect(call.rig.run(upTo: 200) { call.rig.ringingPhone != nil }, "a support agent rings for the caller")
    }
}

/// The hook switch as an FXS port reads it: a short bounce is nothing, a
/// flash holds, a long on-hook hangs up.
@Suite struct HookSwitchTimingTests {
    @Test func aBounceIsIgnoredAFlashHoldsAndAnOnHookPastTheFlashTimeHangsUp() throws {
        let call = try PhoneCall()
        call.flash(call.agent, milliseconds: 20)
        #expect(call.flow.phones[call.agent] == .talking(line: call.line), "20 ms on hook: a bounce")
        call.flash(call.agent, milliseconds: 1000)
        #expect(call.flow.phones[call.agent] == .flashed(line: call.line, digits: ""), "1 s on hook: a flash")
        call.flash(call.agent, milliseconds: 100)
        #expect(call.flow.phones[call.agent] == .talking(line: call.line), "a flash returns")
        call.rig.step(before: { $0.farPhoneHook(call.agent, offHook: false) })
        call.rig.run(upTo: 60)
        #expect(call.flow.phones[call.agent] == .talking(line: call.line), "1.2 s on hook: still possibly a flash")
        call.rig.run(upTo: 5)
        #expect(call.flow.phones[call.agent] != .talking(line: call.line), "past 1.25 s: hung up")
        #expect(call.flow.calls[call.id]?.end == .agentHungUp)
    }
}

/// Blind transfer to a colleague: hanging up while their phone still rings.
@Suite struct BlindTransferToAgentTests {
    @Test func hangingUpWhileTheColleaguesPhoneRingsPassesTheCallerToThemAlone() throws {
        let call = try PhoneCall()
        call.flash(call.agent)
        call.dial("8003#", on: call.agent)
        #expect(call.rig.board.phoneIsRinging(call.colleague))
        call.hook(call.agent, offHook: false)
        #expect(call.flow.lines[call.line] == .queued(call.id, queue: "agent:8003"), "in 8003's own queue")
        #expect(call.rig.run(upTo: 100) { call.rig.board.phoneIsRinging(call.colleague) }, "8003's phone rings for the caller")
        #expect(call.status("8003") == .ringing(call.acdID))
        call.hook(call.colleague, offHook: true)
        #expect(call.rig.run(upTo: 100) { call.flow.lines[call.line] == .talking(call.id, agent: call.colleague) })
        #expect(call.exchange()[call.line] == 30)
        #expect(call.flow.calls[call.id]?.transfers == ["agent:8003"])
    }
}
