import Testing
import ACD
@testable import CallControl
import Channels
import DSP
import Records
import SimChannels
import Telephony

/// E1 trunks in the center: calls offered with their numbers (ANI, DNIS),
/// the called number choosing the menu, the network's clearing, refusals,
/// and callbacks placed by signalling rather than by seizing and dialling.
@Suite struct E1TrunkCallTests {
    let line = ChannelNumber(1)
    static let ani = "13800138000"

    /// The example center with its lines 1-8 turned into an E1 PRI group
    /// whose hotline 4008005555 goes straight to the support menu.
    static func e1Config(menu: Bool = true, r2: Bool = false) -> (String) -> String {
        { text in
            text.replacingOccurrences(of: """
                [lines.pstn]
                signalling = "fxo"
                channels = "1-8"
                menu = "main"
                caller_id = "fsk"
                """, with: """
                [lines.pstn]
                signalling = "\(r2 ? "e1-r2" : "e1-pri")"
                channels = "1-8"
                \(r2 ? "dnis_digits = 10" : "d_channel = 16")
                \(menu ? "menu = \"main\"" : "")
                [lines.pstn.dnis]
                "4008005555" = "support"
                """)
        }
    }

    func rig(menu: Bool = true, r2: Bool = false) throws -> (CenterRig, ScriptedTrunks) {
        var trunks: ScriptedTrunks?
        let rig = try CenterRig(at: "2026-03-04", 10, edit: Self.e1Config(menu: menu, r2: r2)) { board in
            let t = ScriptedTrunks(board, trunks: Set((1...8).map(ChannelNumber.init)))
            trunks = t
            return t
        }
        return (rig, try #require(trunks))
    }

    @Test("the called number picks the menu; the call record keeps the calling and called numbers")
    func dnisSelectsMenuAndRecordKeepsNumbers() throws {
        let (rig, trunks) = try rig()
        trunks.network(line, .incomingCall(TrunkCall(calling: Self.ani, called: "4008005555")))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/support-menu.wav") })
        #expect(trunks.asked == ["ch1 answer"])
        #expect(!rig.prompts(heardOn: line).contains("zh/welcome.wav"), "the hotline skips the main menu")
        let id = try #require(rig.control.flow.lines[line]?.call)
        #expect(rig.control.flow.calls[id]?.callerID?.number == Self.ani)
        #expect(rig.control.flow.calls[id]?.called == "4008005555")

        trunks.network(line, .farEndCleared(TrunkClearing(cause: 16, text: "Normal Clearing")))
        #expect(rig.run(upTo: 10) { !rig.control.records.isEmpty })
        let record = try #require(rig.control.records.first)
        #expect(record.end == .callerCleared)
        #expect(record.release == ReleaseReason(.networkClear, detail: "Normal Clearing", count: 16))
        #expect(record.called == "4008005555" && record.callerID?.number == Self.ani)
        #expect(rig.control.flow.lines[line] == .idle)
        #expect(trunks.asked == ["ch1 answer"], "the network cleared: nothing more to send (the link answers the DISCONNECT itself)")
    }

    @Test("an MFC/R2 group is served like PRI: DNIS picks the menu, the record keeps ANI, DNIS and the caller's category")
    func r2GroupIsServedWithCategory() throws {
        let (rig, trunks) = try rig(r2: true)
        #expect(rig.control.flow.plan.startNotes.allSatisfy { !$0.contains("e1-r2") }, "\(rig.control.flow.plan.startNotes)")
        trunks.network(line, .incomingCall(TrunkCall(calling: Self.ani, called: "4008005555", category: "national-subscriber")))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/support-menu.wav") })
        #expect(trunks.asked == ["ch1 answer"])
        trunks.network(line, .farEndCleared(TrunkClearing(cause: 16, text: "normal call clearing")))
        #expect(rig.run(upTo: 10) { !rig.control.records.isEmpty })
        let record = try #require(rig.control.records.first)
        #expect(record.callerID?.number == Self.ani && record.called == "4008005555" && record.category == "national-subscriber")
        #expect(record.release == ReleaseReason(.networkClear, detail: "normal call clearing", count: 16))
    }

    @Test("a number not in the DNIS table goes to the group's menu")
    func otherNumbersTakeGroupMenu() throws {
        let (rig, trunks) = try rig()
        trunks.network(line, .incomingCall(TrunkCall(calling: "", called: "4008001234")))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/welcome.wav") })
        let id = try #require(rig.control.flow.lines[line]?.call)
        #expect(rig.control.flow.calls[id]?.callerID == nil, "no calling number sent: none recorded")
    }

    @Test("without a group menu, a number no menu serves is refused and recorded")
    func unservedNumberIsRefused() throws {
        let (rig, trunks) = try rig(menu: false)
        trunks.network(line, .incomingCall(TrunkCall(calling: Self.ani, called: "4008009999")))
        #expect(rig.run(upTo: 10) { !rig.control.records.isEmpty && !trunks.asked.isEmpty })
        #expect(trunks.asked == ["ch1 clear"])
        let record = try #require(rig.control.records.first)
        #expect(record.end == .numberNotServed && record.called == "4008009999" && record.answered == nil)
        #expect(record.release?.kind == .numberNotServed)
    }

    @Test("a callback on an E1 is placed by signalling at once and connects on the far end's answer")
    func callbackPlacedBySignalling() throws {
        let (rig, trunks) = try rig()
        for agent in ["8001", "8002", "8003", "8004"] { rig.control.console(.pause(AgentID(agent), reason: "meeting"), now: rig.now) }
        trunks.network(line, .incomingCall(TrunkCall(calling: Self.ani, called: "4008005555")))
        #expect(rig.run(upTo: 100, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/support-menu.wav") })
        rig.press("2", on: line)
        #expect(rig.run(upTo: 600, listening: [line]) { rig.prompts(heardOn: self.line).contains("zh/callback-keys.wav") })
        rig.press("1", on: line)
        #expect(rig.run(upTo: 400) { trunks.asked.contains("ch1 clear") }, "booked: the box clears the caller's call")
        rig.control.console(.unpause(AgentID("8003")), now: rig.now)
        #expect(rig.run(upTo: 200) { rig.ringingPhone != nil })
        let phone = try #require(rig.ringingPhone)
        let before = trunks.asked.count
        rig.step(before: { $0.farPhoneHook(phone, offHook: true) })
        #expect(rig.run(upTo: 20) { trunks.asked.count > before })
        let placed = Array(trunks.asked[before...])
        #expect(placed.count == 1 && placed[0].hasSuffix(" call \(Self.ani)"), "one SETUP, no seizure first: \(placed)")
        let outLine = try #require(rig.control.flow.lines.first { if case .callingOut = $0.value { return true }; return false }?.key)
        rig.run(upTo: 200)  // ringing past the analog lines' assume-answer wait: no answer without the signal
        if case .callingOut(let leg) = rig.control.flow.lines[outLine] ?? .idle {
            #expect(rig.control.flow.calls[leg]?.answered == nil)
        } else { Issue.record("the callback leg was dropped while ringing") }
        trunks.network(outLine, .farEndAnswered)
        #expect(rig.run(upTo: 20) { if case .talking = rig.control.flow.lines[outLine] ?? .idle { return true }; return false })
    }

    @Test("supervised progress: dial at once, answer only on the far end's answer, clearing causes map to busy, no answer, not reached")
    func supervisedProgressFollowsSignalling() {
        let t0 = SampleTime.zero, ring = SampleTime(milliseconds: 30_000)
        func fresh() -> CallbackProgress {
            var p = CallbackProgress(now: t0, ringTimeout: ring, assumeAnswerAfter: SampleTime(milliseconds: 8_000), supervised: true)
            #expect(p.on(.timer, now: t0, toneName: { _ in "" }) == .dial)
            return p
        }
        var p = fresh()
        #expect(p.on(.line(.farEndRinging), now: t0, toneName: { _ in "" }) == nil)
        #expect(p.on(.timer, now: SampleTime(milliseconds: 9_000), toneName: { _ in "" }) == nil, "no assumed answer on a trunk that signals it")
        #expect(p.on(.dsp(.toneEnd(ToneIndex(0), at: t0, lastMatch: t0)), now: t0, toneName: { _ in "ringback" }) == nil, "tones do not decide")
        #expect(p.on(.line(.farEndAnswered), now: t0, toneName: { _ in "" }) == .answered)
        for (cause, end) in [(17, CallEnd.calleeBusy), (19, .calleeNoAnswer), (1, .calleeNotReached)] {
            p = fresh()
            #expect(p.on(.line(.farEndCleared(TrunkClearing(cause: cause, text: ""))), now: t0, toneName: { _ in "" }) == .failed(end))
        }
        p = fresh()
        #expect(p.on(.timer, now: ring, toneName: { _ in "" }) == .failed(.calleeNoAnswer))
    }
}
