import Testing
import ACD
import CallControl
import Channels
import DSP
import Telephony

/// Callbacks keeping place, through the example center on the simulated
/// board under a virtual clock: the caller books, hangs up and keeps their
/// place; at the front the agent's phone rings first, then the box dials the
/// caller on an outside line and judges the answer from the line's tones.
@Suite struct CenterCallbackTests {
    let line = ChannelNumber(1)
    let caller = "13800138000"
    static let supportAgents = ["8002", "8003", "8004"]

    /// Every agent paused; the caller asks for a callback from the support
    /// menu (main "2", support "2") and hears the number read back.
    func callerAsksForCallback(_ rig: CenterRig) -> Bool {
        for agent in ["8001"] + Self.supportAgents { rig.control.console(.pause(AgentID(agent), reason: "meeting"), now: rig.now) }
        guard rig.ring(line, callerID: caller) else { return false }
        for step in [("2", "zh/main-menu.wav"), ("2", "zh/support-menu.wav")] {
            guard rig.run(upTo: 100, listening: [line], until: { rig.prompts(heardOn: self.line).contains(step.1) }) else { return false }
            rig.press(step.0, on: line)
        }
        return rig.run(upTo: 600, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/callback-keys.wav") }
    }

    func booked(_ rig: CenterRig) -> Bool {
        guard callerAsksForCallback(rig) else { return false }
        rig.press("1", on: line)
        return rig.run(upTo: 300, listening: [line]) { !rig.board.lineIsOffHook(self.line) }
    }

    /// Unpauses one support agent and waits for their phone to ring.
    func agentRings(_ rig: CenterRig, _ agent: String = "8003") -> ChannelNumber? {
        rig.control.console(.unpause(AgentID(agent)), now: rig.now)
        guard rig.run(upTo: 200, until: { rig.ringingPhone != nil }) else { return nil }
        return rig.ringingPhone
    }

    /// A booking, its agent answering, and the caller's number dialled on a
    /// seized line: the agent's phone and that line.
    func agentAnswersAndCallerIsDialled(_ rig: CenterRig) throws -> (phone: ChannelNumber, line: ChannelNumber) {
        #expect(booked(rig))
        let phone = try #require(agentRings(rig))
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        #expect(rig.run(upTo: 150) { self.seizedLine(rig).map { rig.board.dialledDigits($0) == self.caller } ?? false })
        return (phone, try #require(seizedLine(rig)))
    }

    /// The outside line Kefu seized for the callback.
    func seizedLine(_ rig: CenterRig) -> ChannelNumber? {
        (1...8).map(ChannelNumber.init).first { rig.board.lineIsOffHook($0) }
    }

    /// The exchange's side of an outgoing call: `pcm` sent block by block.
    func send(_ rig: CenterRig, _ line: ChannelNumber, _ pcm: [Int16], until done: () -> Bool = { false }) -> Bool {
        for t in 0..<(pcm.count / 160) {
            rig.step(before: { _ in rig.send(line, Array(pcm[(t * 160)..<(t * 160 + 160)])) })
            if done() { return true }
        }
        return false
    }

    static func cadence(on: Double, off: Double, seconds: Double) -> [Int16] {
        var synth = SignalSynth()
        synth.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: on, offMilliseconds: off, totalMilliseconds: seconds * 1000)
        return synth.pcm
    }

    @Test("a waiting caller confirms their caller ID, hears the booking confirmed and is released, keeping their place")
    func callerConfirmsCallerIDAndIsReleased() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(booked(rig), "Kefu releases the line after the confirmation")
        let heard = rig.prompts(heardOn: line)
        let start = try #require(heard.firstIndex(of: "zh/callback-confirm.wav"))
        // A digit said twice in a row shows once in what the rig hears.
        let digits = caller.map { "zh/\($0).wav" }.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(Array(heard[(start + 1)...].prefix(digits.count + 1)) == digits + ["zh/callback-keys.wav"], "the number is read back digit by digit")
        #expect(heard.last == "zh/callback-booked.wav")
        let record = try #require(rig.control.records.first)
        #expect(record.end == .callbackBooked)
        #expect(record.data["callback_number"] == caller)
        #expect(rig.control.queueEvents.map(\.kind).contains(.callbackBooked(number: caller)))
        #expect(rig.control.flow.acd.waiting(in: QueueID("support")).count == 1, "the booking keeps its place in the queue")
    }

    @Test("a number keyed in that the box may not dial (international) is refused and asked for again")
    func internationalNumberIsRefusedAtEntry() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(callerAsksForCallback(rig))
        rig.press("2", on: line)
        #expect(rig.run(upTo: 200, listening: [line]) { rig.prompts(heardOn: self.line).last == "zh/callback-enter.wav" })
        rig.press("0085212345678#", on: line)
        #expect(rig.run(upTo: 300, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/callback-invalid.wav") })
        rig.press("02088886666#", on: line)
        #expect(rig.run(upTo: 600, listening: [line]) { rig.prompts(heardOn: self.line).filter { $0 == "zh/callback-keys.wav" }.count == 2 },
                "a Guangzhou landline is read back for confirmation")
        rig.press("1", on: line)
        #expect(rig.run(upTo: 300) { !rig.board.lineIsOffHook(self.line) })
        #expect(rig.control.records.first?.data["callback_number"] == "02088886666")
    }

    @Test("at the front the agent's phone rings first; once answered, the box seizes a line, dials the caller and connects on ringback's end")
    func callbackRingsAgentThenDialsAndConnects() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(booked(rig))
        #expect(seizedLine(rig) == nil, "no line is seized before an agent answers")
        let phone = try #require(agentRings(rig))
        #expect(rig.agent(on: phone) == "8003")
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        #expect(rig.run(upTo: 20) { self.seizedLine(rig) != nil }, "the line is seized when the agent answers")
        let out = try #require(seizedLine(rig))
        #expect(rig.run(upTo: 150) { rig.board.dialledDigits(out) == self.caller }, "the caller's number is dialled after dial tone settles")
        let leg = try #require(rig.control.flow.lines[out]?.call)
        #expect(rig.control.flow.lines[out] == .callingOut(leg))

        // Ringback twice (1 s on, 4 s off), then the caller picks up and talks.
        _ = send(rig, out, Self.cadence(on: 1000, off: 4000, seconds: 10))
        let answered = send(rig, out, (0..<400).flatMap { CenterRig.pattern($0) }) { rig.control.flow.lines[out] == .talking(leg, agent: phone) }
        #expect(answered, "the broken ringback cadence means the caller answered")
        #expect(rig.control.queueEvents.contains { if case .callbackConnected(agent: "8003", leg: leg, _) = $0.kind { true } else { false } })

        // The caller hangs up: the leg's record is final.
        rig.step(before: { $0.farDisconnect(out) })
        rig.run(upTo: 5)
        let record = try #require(rig.control.records.first { $0.id == leg })
        #expect(record.direction == .callback)
        #expect(record.origin == rig.control.records.first?.id)
        #expect(record.dialled == caller)
        #expect(record.agentID == "8003")
        #expect(record.connected != nil)
        #expect(record.end == .callerLoopCurrentDrop)
        #expect(rig.control.flow.acd.waiting(in: QueueID("support")).count == 0, "the booking is consumed")
    }

    @Test("a busy callee ends the attempt (callee-busy); the agent hears busy tone and the booking is offered again after the retry delay")
    func busyCalleeIsRetriedLater() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let (phone, out) = try agentAnswersAndCallerIsDialled(rig)
        let leg = try #require(rig.control.flow.lines[out]?.call)
        #expect(send(rig, out, Self.cadence(on: 350, off: 350, seconds: 4)) { !rig.board.lineIsOffHook(out) }, "busy tone ends the attempt")
        let record = try #require(rig.control.records.first { $0.id == leg })
        #expect(record.end == .calleeBusy)
        #expect(record.connected == nil)
        rig.run(upTo: 10, listening: [phone])
        #expect(rig.prompts(heardOn: phone).contains("tone:busy"))
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        let failedAt = rig.tick
        #expect(rig.run(upTo: 4_000) { rig.ringingPhone != nil }, "the callback is offered again")
        #expect(rig.tick - failedAt >= 50 * 55, "not before the retry delay (60 s)")
        #expect(rig.control.queueEvents.contains { if case .callbackFailed(reason: "callee-busy", leg: leg) = $0.kind { true } else { false } })
    }

    @Test("the agent hanging up while the callback still rings counts as not reached, and the outside line is released")
    func agentHangingUpBeforeAnswerIsNotReached() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        let (phone, out) = try agentAnswersAndCallerIsDialled(rig)
        _ = send(rig, out, Self.cadence(on: 1000, off: 4000, seconds: 3))
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        rig.run(upTo: 5)
        #expect(!rig.board.lineIsOffHook(out))
        #expect(rig.control.records.last?.end == .calleeNotReached)
        #expect(rig.control.flow.phones[phone] == .idle)
        #expect(rig.control.flow.acd.waiting(in: QueueID("support")).count == 1, "the booking waits for its retry")
    }

    @Test("a callback offered to an agent whose phone is off hook rings it once it is put down")
    func callbackRingsAPhoneOnceItIsPutDown() throws {
        let rig = try CenterRig(at: "2026-03-04", 10)
        #expect(booked(rig))
        let phone = ChannelNumber(11)  // agent 8003's
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })  // lifted: dial tone
        rig.run(upTo: 5)
        rig.control.console(.unpause(AgentID("8003")), now: rig.now)
        rig.run(upTo: 20)
        #expect(rig.ringingPhone == nil, "an off-hook phone cannot ring")
        rig.step(before: { $0.farPhoneHook(phone, offHook: false) })
        #expect(rig.run(upTo: 20) { rig.ringingPhone == phone }, "the callback's offer rings once the phone is down")
    }
}
