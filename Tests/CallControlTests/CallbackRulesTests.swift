import Testing
@testable import CallControl
import Config
import Telephony

/// The pure rules behind callbacks: the caller's number dialogue, the
/// answer detection on an analog line, and the toll-fraud gate.
@Suite struct CallbackRulesTests {
    let t0 = SampleTime(milliseconds: 1_000)
    func at(_ ms: Int64) -> SampleTime { t0 + SampleTime(milliseconds: ms) }
    let domestic: (String) -> Bool = { OutboundSection().allows($0) }

    @Test("the suggested number is read back; 1 books it, 2 asks for another, which is read back in turn")
    func entryConfirmsOrReplacesTheNumber() {
        var entry = CallbackEntry(suggested: "13800138000", now: t0)
        #expect(entry.opening == CallbackEntry.readBack("13800138000"))
        #expect(entry.key(.one, now: at(100), allowed: domestic) == .book("13800138000"))
        entry = CallbackEntry(suggested: "13800138000", now: t0)
        #expect(entry.key(.two, now: at(100), allowed: domestic) == .say(["callback-enter"]))
        for key in "02088886666" { #expect(entry.key(DTMFKey(rawValue: key)!, now: at(200), allowed: domestic) == nil) }
        #expect(entry.key(.hash, now: at(300), allowed: domestic) == .say(CallbackEntry.readBack("02088886666")))
        #expect(entry.key(.one, now: at(400), allowed: domestic) == .book("02088886666"))
    }

    @Test("without a suggestion the caller keys one in; a number that may not be dialled is refused, the third time ends the dialogue")
    func entryRefusesForbiddenNumbersThreeTimes() {
        var entry = CallbackEntry(suggested: nil, now: t0)
        #expect(entry.opening == ["callback-enter"])
        for attempt in 1...3 {
            for key in "00852123" { _ = entry.key(DTMFKey(rawValue: key)!, now: at(100), allowed: domestic) }
            let step = entry.key(.hash, now: at(200), allowed: domestic)
            #expect(step == (attempt < 3 ? .say(["callback-invalid", "callback-enter"]) : .cancel), "attempt \(attempt)")
        }
    }

    @Test("star cancels at any point; 20 s without a key gives up")
    func entryCancelsOnStarOrSilence() {
        var entry = CallbackEntry(suggested: nil, now: t0)
        #expect(entry.key(.star, now: at(100), allowed: domestic) == .cancel)
        entry = CallbackEntry(suggested: "13800138000", now: t0)
        _ = entry.key(.five, now: at(5_000), allowed: domestic)  // not 1 or 2: ignored, but it is a key
        #expect(entry.timer(now: at(24_999)) == nil)
        #expect(entry.timer(now: at(25_000)) == .cancel)
    }

    func progress() -> CallbackProgress {
        CallbackProgress(now: t0, ringTimeout: SampleTime(milliseconds: 45_000), assumeAnswerAfter: SampleTime(milliseconds: 12_000))
    }

    @Test("the number is dialled once dial tone has settled; ringback whose cadence breaks means answered")
    func ringbackThenBreakIsAnswered() {
        var p = progress()
        #expect(p.timer(now: at(1_499)) == nil)
        #expect(p.timer(now: at(1_500)) == .dial)
        #expect(p.dialled(now: at(2_000)) == nil)
        #expect(p.toneEnded("ringback") == nil, "a break before any ringback means nothing")
        #expect(p.toneBegan("ringback") == nil)
        #expect(p.timer(now: at(2_000 + 12_000)) == nil, "ringing: no assumed answer")
        #expect(p.toneEnded("ringback") == .answered)
    }

    @Test("busy or congestion fails as callee-busy; ringback past the ring timeout as callee-no-answer; a loop drop as not reached")
    func failures() {
        for tone in ["busy", "congestion"] {
            var p = progress()
            _ = p.timer(now: at(1_500))
            _ = p.dialled(now: at(2_000))
            #expect(p.toneBegan(tone) == .failed(.calleeBusy))
        }
        var p = progress()
        _ = p.timer(now: at(1_500))
        _ = p.dialled(now: at(2_000))
        _ = p.toneBegan("ringback")
        #expect(p.timer(now: at(2_000 + 44_999)) == nil)
        #expect(p.timer(now: at(2_000 + 45_000)) == .failed(.calleeNoAnswer))
        #expect(p.loopDropped() == .failed(.calleeNotReached))
    }

    @Test("no ringback at all (a ring-back melody) counts as answered after assume_answer_after; polarity reversal answers at once")
    func silenceOrPolarityAnswers() {
        var p = progress()
        _ = p.timer(now: at(1_500))
        #expect(p.polarityReversed() == nil, "not before dialling")
        _ = p.dialled(now: at(2_000))
        #expect(p.polarityReversed() == .answered)
        #expect(p.timer(now: at(2_000 + 11_999)) == nil)
        #expect(p.timer(now: at(2_000 + 12_000)) == .answered)
    }

    @Test("outgoing calls stop at the hourly cap, then at the daily cap, and free up as the windows pass")
    func gateCapsPerHourAndDay() {
        var settings = OutboundSection()
        settings.maxPerHour = 2
        settings.maxPerDay = 3
        var gate = OutboundGate(settings: settings)
        let minute: Int64 = 60_000
        #expect(gate.admit("13800138000", now: at(0)) == nil)
        #expect(gate.admit("13800138001", now: at(minute)) == nil)
        #expect(gate.admit("13800138002", now: at(2 * minute)) == .hourlyCap(2))
        #expect(gate.admit("13800138002", now: at(61 * minute)) == nil, "the first call left the hour")
        #expect(gate.admit("13800138003", now: at(200 * minute)) == .dailyCap(3))
        #expect(gate.admit("13800138003", now: at(24 * 60 * minute)) == nil, "the first call left the day")
        #expect(gate.admit("0085212345678", now: at(24 * 60 * minute)) == .numberNotAllowed("0085212345678"))
    }
}
