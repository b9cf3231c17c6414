import Testing
import Config
@testable import IVR
import Telephony

/// Menu rules: prompts, keys, barge-in, timeouts, invalid keys, retries,
/// sub-menus, back, repeat, language, and where calls are routed.
@Suite struct IVRMenuTests {
    @Test func callStartsWithTheMenuPromptInTheDefaultLanguage() {
        var call = IVRCall()
        let actions = call.start()
        #expect(actions == [.play(id: 1, [PromptFile(language: "zh", name: "welcome"), PromptFile(language: "zh", name: "main-menu")], bargeIn: true)])
        #expect(call.engine.phase == .prompting)
        #expect(call.engine.deadline == nil)
    }

    @Test func lineLanguageChoosesThePromptLanguage() {
        var call = IVRCall(language: "en")
        #expect(played(call.start()) == [["en/welcome.wav", "en/main-menu.wav"]])
    }

    @Test func keyAfterThePromptRoutesToTheQueue() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        #expect(call.engine.phase == .waiting)
        #expect(call.press("1") == [.route(.queue("sales"))])
        #expect(call.engine.phase == .finished)
        #expect(call.engine.deadline == nil)
    }

    @Test func bargeInKeyStopsThePromptAndActsAtOnce() {
        var call = IVRCall()
        call.start()
        let actions = call.press("1")
        #expect(actions == [.stopPrompt(id: 1), .route(.queue("sales"))])
    }

    @Test func keysDuringAPromptWithoutBargeInAreIgnored() {
        var call = IVRCall()
        call.start()
        #expect(played(call.press("2")) == [["zh/support-menu.wav"]])
        #expect(call.press("1").isEmpty)
        #expect(call.engine.phase == .prompting)
        call.promptEnds()
        #expect(call.press("1") == [.route(.queue("support"))])
    }

    @Test func timeoutPlaysTheTimeoutPromptThenTheMenuAgain() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        #expect(call.wait(4_999).isEmpty)
        let actions = call.wait(1)
        #expect(played(actions) == [["zh/no-input.wav", "zh/welcome.wav", "zh/main-menu.wav"]])
        #expect(call.engine.failures == 1)
        #expect(call.engine.phase == .prompting)
    }

    @Test func timerBeforeTheDeadlineDoesNothing() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        call.now = call.now + SampleTime(milliseconds: 4_000)
        #expect(call.send(.timer).isEmpty)
        #expect(call.engine.failures == 0)
    }

    @Test func invalidDigitReplaysInvalidPromptThenMenu() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        let actions = call.press("#")
        #expect(played(actions) == [["zh/invalid-key.wav", "zh/welcome.wav", "zh/main-menu.wav"]])
        #expect(call.engine.failures == 1)
        // The retry is a normal menu again: a valid key now works.
        call.promptEnds()
        #expect(call.press("1") == [.route(.queue("sales"))])
    }

    @Test func invalidDigitDuringThePromptBargesInToo() {
        var call = IVRCall()
        call.start()
        let actions = call.press("D")
        #expect(actions.first == .stopPrompt(id: 1))
        #expect(played(actions) == [["zh/invalid-key.wav", "zh/welcome.wav", "zh/main-menu.wav"]])
    }

    @Test func retriesUsedUpPlayFailPromptThenRunOnFail() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        call.press("#")            // failure 1
        call.promptEnds()
        call.wait(5_000)           // failure 2 (timeouts and wrong keys share the count)
        call.promptEnds()
        let last = call.press("D") // failure 3 > retries (2)
        #expect(last == [.play(id: 4, [PromptFile(language: "zh", name: "goodbye")], bargeIn: false)])
        #expect(call.press("1").isEmpty)  // keys are ignored while the fail prompt plays
        #expect(call.promptEnds() == [.route(.queue("sales"))])
    }

    @Test func noRetriesMeansTheFirstTimeoutRunsOnFail() {
        var call = IVRCall()
        call.start()
        call.press("2")
        call.promptEnds()
        // support: retries = 0, no fail prompt, on_fail defaults to hangup.
        #expect(call.wait(4_000) == [.hangup])
    }

    @Test func subMenuAndBackReturnToTheParentMenu() {
        var call = IVRCall()
        call.start()
        call.press("2")
        #expect(call.engine.path == ["main", "support"])
        call.promptEnds()
        let actions = call.press("*")
        #expect(played(actions) == [["zh/welcome.wav", "zh/main-menu.wav"]])
        #expect(call.engine.path == ["main"])
        #expect(call.engine.failures == 0)
    }

    @Test func backInTheTopMenuReplaysIt() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        #expect(played(call.press("*")) == [["zh/welcome.wav", "zh/main-menu.wav"]])
        #expect(call.engine.path == ["main"])
    }

    @Test func repeatReplaysTheMenuWithoutCountingAFailure() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        call.press("#")
        call.promptEnds()
        #expect(played(call.press("9")) == [["zh/welcome.wav", "zh/main-menu.wav"]])
        #expect(call.engine.failures == 1)
    }

    @Test func languageKeySwitchesAndReplaysTheMenuInTheNewLanguage() {
        var call = IVRCall()
        call.start()
        let actions = call.press("8")
        #expect(actions.first == .stopPrompt(id: 1))
        #expect(actions.dropFirst().first == .setLanguage("en"))
        #expect(played(actions) == [["en/welcome.wav", "en/main-menu.wav"]])
        #expect(call.engine.language == "en")
        #expect(played(call.press("2")) == [["en/support-menu.wav"]])
    }

    @Test(arguments: [
        ("1", Route.queue("sales")),
        ("4", Route.agent("8002")),
        ("5", Route.dial(line: "pstn", number: "4008001234")),
        ("6", Route.voicemail("sales")),
        ("7", Route.callback(queue: "sales")),
    ])
    func eachKeyRoutesWhereTheTableSays(_ key: String, _ route: Route) {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        #expect(routes(call.press(key)) == [route])
        #expect(call.engine.phase == .finished)
    }

    @Test func hangupKeyEndsTheCall() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        #expect(call.press("0") == [.hangup])
        #expect(call.press("1").isEmpty)
    }

    @Test func lateFinishOfAStoppedPromptIsIgnored() {
        var call = IVRCall()
        call.start()
        call.press("2")  // stops prompt 1, starts prompt 2 (support, no barge-in)
        #expect(call.send(.promptFinished(id: 1)).isEmpty)
        #expect(call.engine.phase == .prompting)
        call.promptEnds()
        #expect(call.engine.phase == .waiting)
    }

    @Test func callerHangingUpEndsEverything() {
        var call = IVRCall()
        call.start()
        call.promptEnds()
        #expect(call.send(.callerHungUp).isEmpty)
        #expect(call.engine.phase == .finished)
        #expect(call.engine.deadline == nil)
        #expect(call.wait(60_000).isEmpty)
    }

    @Test func startTwiceIsIgnored() {
        var call = IVRCall()
        call.start()
        #expect(call.start().isEmpty)
    }
}
