import Foundation
import Testing
import ACD
import CallControl
import Channels
import DSP
import Telephony

/// Whole calls through the example center (config/kefu.toml) on the
/// simulated board, under a virtual clock: menus, queues, agents' phones,
/// bridging, recording, the survey and the call record.
@Suite struct CenterCallTests {
    let line = ChannelNumber(1)

    /// Rings, waits for the main menu, presses `keys` (one step each, each
    /// after the next menu's prompt has started), and waits until a phone rings.
    func callIntoQueue(_ rig: CenterRig, on line: ChannelNumber, steps: [(key: String, heard: String)]) throws -> ChannelNumber {
        #expect(rig.ring(line, callerID: "13800138000"), "Kefu answers at the second ring")
        for step in steps {
            let heard = rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: line).contains(step.heard) }
            #expect(heard, "the caller hears \(step.heard)")
            rig.press(step.key, on: line)
        }
        #expect(rig.run(upTo: 300, listening: [line]) { rig.ringingPhone != nil }, "an agent's phone rings")
        return try #require(rig.ringingPhone)
    }

    @Test func callerGoesThroughTwoLevelMenuIntoQueueAndAnswersSurvey() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)  // a Wednesday, open
        let phone = try callIntoQueue(rig, on: line, steps: [("2", "zh/main-menu.wav"), ("1", "zh/support-menu.wav")])
        let agent = try #require(rig.agent(on: phone))
        #expect(["8002", "8003", "8004"].contains(agent), "a support agent rings")
        let heard = rig.prompts(heardOn: line)
        #expect(Array(heard.prefix(4)) == ["zh/welcome.wav", "zh/main-menu.wav", "zh/support-menu.wav", "zh/recording-notice.wav"])
        rig.run(upTo: 30, listening: [line])
        #expect(rig.prompts(heardOn: line).last == "zh/hold-music.wav", "hold music after the recording notice")

        // The agent answers; audio crosses both ways unchanged.
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.step(after: { _ in _ = rig.receive(self.line); _ = rig.receive(phone) })
        for k in 1...20 {
            var toAgent: [Int16] = [], toCaller: [Int16] = []
            rig.step(before: { _ in rig.send(self.line, CenterRig.pattern(k)); rig.send(phone, CenterRig.pattern(k + 100)) },
                     after: { _ in toAgent = rig.receive(phone); toCaller = rig.receive(self.line) })
            #expect(toAgent == CenterRig.pattern(k), "caller → agent block \(k)")
            #expect(toCaller == CenterRig.pattern(k + 100), "agent → caller block \(k)")
        }

        // The agent hangs up: the caller is asked the survey and presses 4.
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        #expect(rig.run(upTo: 20, listening: [line]) { rig.prompts(heardOn: self.line).last == "zh/survey-ask.wav" })
        rig.press("4", on: line)
        #expect(rig.run(upTo: 100, listening: [line]) { !rig.board.lineIsOffHook(self.line) }, "Kefu hangs up after the thanks")
        #expect(Array(rig.prompts(heardOn: line).suffix(2)) == ["zh/survey-ask.wav", "zh/survey-thanks.wav"])

        let record = try #require(rig.control.records.first)
        #expect(rig.control.records.count == 1)
        #expect(record.callerID?.number == "13800138000")
        #expect(record.menuPath == ["main", "support"])
        #expect(record.queue == "support")
        #expect(record.agent == phone)
        #expect(record.agentID == agent)
        #expect(record.keys == "214")
        #expect(record.surveyAsked)
        #expect(record.surveyScore == 4)
        #expect(record.end == .agentHungUp)
        #expect(record.language == "zh")
        #expect(record.recording)
        #expect(rig.control.flow.lines[line] == .idle)
        #expect(rig.control.flow.phones[phone] == .idle)

        // The recording is a stereo WAV: the caller's audio left, the agent's right.
        rig.control.writer.finishAll()
        let path = try #require(rig.control.writer.finished.first?.path)
        let audio = try WAVCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(audio.channels.count == 2)
        let left = audio.channels[0], right = audio.channels[1]
        let at = try #require((0..<(left.count / 160)).first { Array(left[($0 * 160)..<($0 * 160 + 160)]) == CenterRig.pattern(1) })
        #expect(Array(right[(at * 160)..<(at * 160 + 160)]) == CenterRig.pattern(101))
    }

    @Test func closedHoursRouteToClosedMenu() throws {
        let rig = try CenterRig(at: "2026-03-07", 22)  // Saturday night
        #expect(rig.ring(line, callerID: "13800138000"))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/after-hours-menu.wav") })
        #expect(rig.prompts(heardOn: line) == ["zh/closed-hours.wav", "zh/after-hours-menu.wav"])
        rig.press("0", on: line)
        #expect(rig.run(upTo: 50) { !rig.board.lineIsOffHook(self.line) }, "key 0 hangs up")
        let record = try #require(rig.control.records.first)
        #expect(record.menuPath == ["closed", "after-hours"])
        #expect(record.queue == nil)
        #expect(record.end == .menuHangUp)
    }

    @Test func orderNumberIsCollectedAndCallerBusyToneReleasesBothSides() throws {
        let rig = try CenterRig(at: "2026-03-04", 15)
        let phone = try callIntoQueue(rig, on: line, steps: [("3", "zh/main-menu.wav"), ("2026031501#", "zh/enter-order-number.wav")])
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 5)
        #expect(rig.control.flow.lines[line] == .talking(rig.control.flow.calls.keys.first!, agent: phone))

        // The caller hangs up; the exchange plays China's busy tone.
        var busy = SignalSynth()
        busy.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 4200)
        let tone = busy.pcm
        var released = false
        for t in 0..<(tone.count / 160) where !released {
            rig.step(before: { _ in rig.send(self.line, Array(tone[(t * 160)..<(t * 160 + 160)])) })
            released = !rig.board.lineIsOffHook(line)
        }
        #expect(released, "Kefu releases the line on busy tone")
        rig.run(upTo: 10, listening: [phone])
        #expect(rig.prompts(heardOn: phone) == ["tone:busy"], "the agent hears busy tone")
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        rig.step()
        #expect(rig.control.flow.phones[phone] == .idle)
        let record = try #require(rig.control.records.first)
        #expect(record.data == ["order_number": "2026031501"])
        #expect(record.menuPath == ["main", "order-status"])
        #expect(record.queue == "support")
        #expect(record.end == .callerBusyTone)
        #expect(!record.surveyAsked, "the caller left before any survey")
    }

    @Test func unansweredOfferRingsAnotherAgent() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let first = try callIntoQueue(rig, on: line, steps: [("1", "zh/main-menu.wav")])  // sales: 8001, 8002
        #expect(rig.run(upTo: 1100) { rig.ringingPhone != nil && rig.ringingPhone != first }, "after the 20 s ring timeout another phone rings")
        let second = try #require(rig.ringingPhone)
        rig.step(before: { $0.farPhoneHook(second, offHook: true) })
        rig.run(upTo: 5)
        rig.step(before: { $0.farDisconnect(self.line) })
        rig.run(upTo: 5)
        let record = try #require(rig.control.records.first)
        #expect(record.missedOffers == 1)
        #expect(record.agent == second)
        #expect(record.end == .callerLoopCurrentDrop)
        let kinds = rig.control.queueEvents.map(\.kind)
        #expect(kinds.contains(.offerEnded(agent: rig.agent(on: first)!)))
    }

    @Test func callerHangingUpWhileWaitingIsAbandonedAndStopsTheRinging() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let phone = try callIntoQueue(rig, on: line, steps: [("1", "zh/main-menu.wav")])
        rig.step(before: { $0.farDisconnect(self.line) })
        rig.run(upTo: 3)
        #expect(!rig.board.lineIsOffHook(line))
        #expect(!rig.board.phoneIsRinging(phone))
        let record = try #require(rig.control.records.first)
        #expect(record.end == .callerLoopCurrentDrop)
        #expect(record.agent == nil)
        #expect(rig.control.queueEvents.contains { if case .abandoned = $0.kind { return $0.queue == "sales" } else { return false } })
    }

    @Test func featureCodePausesAgent() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let phone = ChannelNumber(9)  // agent 8001 (sales)
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 10, listening: [phone])
        #expect(rig.prompts(heardOn: phone) == ["tone:dial"])
        rig.press("*3#", on: phone)
        #expect(rig.run(upTo: 50, listening: [phone]) { rig.control.flow.acd.status(of: "8001") == .paused(reason: "pause") })
        rig.run(upTo: 15, listening: [phone])
        #expect(rig.prompts(heardOn: phone).last == "tone:accepted")
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        #expect(rig.control.agentStates.last == AgentStateChange(agent: "8001", state: "paused", reason: "pause",
                                                                 phone: phone, at: rig.control.agentStates.last!.at))

        // A sales caller now rings the other sales agent.
        let rung = try callIntoQueue(rig, on: line, steps: [("1", "zh/main-menu.wav")])
        #expect(rung == ChannelNumber(10))

        // *3 again (ended by a pause, not '#') unpauses.
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 5)
        rig.press("*3", on: phone)
        #expect(rig.run(upTo: 250) { rig.control.flow.acd.status(of: "8001") == .available })

        // An unknown code is refused with the refusal tone.
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 5)
        rig.press("*9#", on: phone)
        rig.heard[phone] = []
        rig.run(upTo: 40, listening: [phone])
        #expect(rig.prompts(heardOn: phone).last == "tone:refused")
    }

    @Test func agentStateChangesAreEmitted() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let startStates = rig.control.agentStates
        #expect(startStates.map(\.agent) == ["8001", "8002", "8003", "8004"])
        #expect(startStates.allSatisfy { $0.state == "available" })
        #expect(startStates.map(\.phone) == [9, 10, 11, 12].map(ChannelNumber.init))

        let phone = try callIntoQueue(rig, on: line, steps: [("1", "zh/main-menu.wav")])
        let agent = try #require(rig.agent(on: phone))
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 50)
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        #expect(rig.run(upTo: 20) { rig.control.flow.lines[self.line].map { if case .survey = $0 { true } else { false } } ?? false })
        rig.step(before: { $0.farDisconnect(self.line) })  // the caller leaves without answering the survey
        rig.run(upTo: 600)  // the queue's 10 s wrap-up

        let states = rig.control.agentStates.filter { $0.agent == agent }.map(\.state)
        #expect(states == ["available", "ringing", "on-call", "wrap-up", "available"])
        let call = try #require(rig.control.records.first)
        #expect(rig.control.agentStates.filter { $0.agent == agent && $0.call != nil }.allSatisfy { $0.call == call.id })
        let kinds = rig.control.queueEvents.filter { $0.call == call.id }.map(\.kind)
        #expect(kinds.count == 4)
        #expect(kinds.first == .joined)
        #expect(kinds.dropFirst().first == .offered(agent: agent))
        if case .answered(let who, _) = kinds[2] { #expect(who == agent) } else { Issue.record("third event: \(kinds[2])") }
        if case .completed(let who, let talked) = kinds[3] { #expect(who == agent && talked.seconds > 0.9) } else { Issue.record("fourth event: \(kinds[3])") }
        #expect(call.surveyAsked)
        #expect(call.surveyScore == nil, "no answer: asked, no score")
        #expect(call.end == .agentHungUp)
    }

    @Test func agentHangingUpWithoutSurveyReleasesTheLine() throws {
        let rig = try CenterRig(at: "2026-03-04", 10) { plan in plan.queues["sales"]?.survey = nil }
        let phone = try callIntoQueue(rig, on: line, steps: [("1", "zh/main-menu.wav")])
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        rig.run(upTo: 10)
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        #expect(rig.run(upTo: 3) { !rig.board.lineIsOffHook(self.line) })
        let record = try #require(rig.control.records.first)
        #expect(record.end == .agentHungUp)
        #expect(!record.surveyAsked)
    }

    @Test func queueOverflowRunsTheConfiguredAction() throws {
        // Nobody logged in, and support overflows after 5 s to "voicemail support".
        let rig = try CenterRig(at: "2026-03-04", 10) { plan in
            plan.logInAgentsAtStart = false
            if let i = plan.acd.queues.firstIndex(where: { $0.id == "support" }) { plan.acd.queues[i].maxWait = .seconds(5) }
        }
        #expect(rig.control.agentStates.isEmpty)
        #expect(rig.ring(line, callerID: "13800138000"))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/main-menu.wav") })
        rig.press("2", on: line)
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/support-menu.wav") })
        rig.press("1", on: line)
        #expect(rig.run(upTo: 600, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/voicemail-greeting.wav") },
                "after the 5 s maximum wait the caller is offered the mailbox")
        rig.step(before: { $0.farDisconnect(self.line) })
        rig.run(upTo: 5)
        let record = try #require(rig.control.records.first)
        #expect(record.queue == "support")
        #expect(record.data["mailbox"] == "support")
        #expect(rig.control.queueEvents.contains { $0.kind == .refused(reason: "max-wait") })
    }
}
