import Testing
import Config
@testable import IVR
import Telephony

/// Opening hours in the call flow: the closed branch, a 调休 Saturday, a
/// holiday, and the wall clock moving on with the call.
@Suite struct IVRScheduleTests {
    @Test func closedMenuPlaysTheClosedMessageThenItsNextAction() {
        var call = IVRCall()
        let actions = call.start(at: Fixture.at("2026-03-02", 19))
        #expect(actions == [.play(id: 1, [PromptFile(language: "zh", name: "closed-hours")], bargeIn: false)])
        #expect(call.press("1").isEmpty)  // keys do nothing during a message
        #expect(call.promptEnds() == [.route(.voicemail("support"))])
    }

    @Test func makeUpSaturdayIsOpen() {
        var call = IVRCall()
        #expect(played(call.start(at: Fixture.at("2026-02-14", 10))) == [["zh/welcome.wav", "zh/main-menu.wav"]])
    }

    @Test func ordinarySaturdayIsClosed() {
        var call = IVRCall()
        #expect(played(call.start(at: Fixture.at("2026-03-07", 10))) == [["zh/closed-hours.wav"]])
    }

    @Test func sundayOfTheHolidayWeekendIsClosed() {
        var call = IVRCall()
        #expect(played(call.start(at: Fixture.at("2026-02-15", 10))) == [["zh/closed-hours.wav"]])
    }

    @Test func holidayWeekdayIsClosed() {
        var call = IVRCall()
        #expect(played(call.start(at: Fixture.at("2026-10-01", 10))) == [["zh/closed-hours.wav"]])
    }

    @Test func openingTimeIsExact() {
        var early = IVRCall()
        #expect(played(early.start(at: Fixture.at("2026-03-02", 8, 59, 59))) == [["zh/closed-hours.wav"]])
        var onTime = IVRCall()
        #expect(played(onTime.start(at: Fixture.at("2026-03-02", 9))) == [["zh/welcome.wav", "zh/main-menu.wav"]])
    }

    @Test func queueThatClosesDuringTheCallRunsItsClosedAction() {
        // Support closes at 18:00. Both calls wait 3 s in the support menu
        // (its timeout is 4 s) before pressing 1; the wall clock moves with `now`.
        var early = IVRCall()
        early.start(at: Fixture.at("2026-03-02", 17, 59, 50))
        early.press("2")
        early.promptEnds()
        early.wait(3_000)
        #expect(early.engine.wallClock(at: early.now) == Fixture.at("2026-03-02", 17, 59, 53))
        #expect(early.press("1") == [.route(.queue("support"))])

        var late = IVRCall()
        late.start(at: Fixture.at("2026-03-02", 17, 59, 58))
        late.press("2")
        late.promptEnds()
        late.wait(3_000)
        #expect(late.press("1") == [.route(.voicemail("support"))])
    }

    @Test func queueWithoutHoursIsAlwaysOpen() {
        var call = IVRCall()
        call.start(at: Fixture.at("2026-03-02", 17, 59, 59))
        call.wait(2_000)
        call.promptEnds()
        #expect(call.press("1") == [.route(.queue("sales"))])
    }
}
