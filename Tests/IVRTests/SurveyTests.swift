import Testing
import Config
@testable import IVR
import Telephony

/// The after-call survey: "press 1 to 5", stored with the call and the agent.
@Suite struct SurveyTests {
    struct SurveyCall {
        var engine: SurveyEngine
        var now = SampleTime(seconds: 50)
        var lastPlay: Int?

        init(scale: Int? = nil) {
            var survey = Fixture.config.survey("csat")!
            if let scale { survey.scale = scale }
            engine = SurveyEngine(survey: survey, context: .init(call: "call-42", agent: "8002", queue: "support"), language: "zh")
        }

        mutating func send(_ event: IVREvent) -> [IVRAction] {
            let actions = engine.on(event, now: now)
            for a in actions { if case .play(let id, _, _) = a { lastPlay = id } }
            return actions
        }
        mutating func press(_ key: Character) -> [IVRAction] { send(.digit(DTMFKey(key)!)) }
        mutating func promptEnds() -> [IVRAction] { send(.promptFinished(id: lastPlay ?? -1)) }
        mutating func wait(_ ms: Int64) -> [IVRAction] {
            now = now + SampleTime(milliseconds: ms)
            return send(.timer)
        }
    }

    func result(_ score: Int?) -> IVRAction {
        .recordSurvey(SurveyResult(call: "call-42", agent: "8002", queue: "support", survey: "csat", score: score))
    }

    @Test func scoreKeyRecordsTheResultWithCallAndAgentThenThanks() {
        var s = SurveyCall()
        #expect(played(s.send(.start(UnixTime(seconds: 0)))) == [["zh/survey-ask.wav"]])
        _ = s.promptEnds()
        let actions = s.press("4")
        #expect(actions == [result(4), .play(id: 2, [PromptFile(language: "zh", name: "survey-thanks")], bargeIn: false)])
        #expect(s.promptEnds() == [.hangup])
        #expect(s.engine.phase == .finished)
    }

    @Test func keyDuringTheQuestionBargesIn() {
        var s = SurveyCall()
        _ = s.send(.start(UnixTime(seconds: 0)))
        let actions = s.press("5")
        #expect(actions.first == .stopPrompt(id: 1))
        #expect(actions.dropFirst().first == result(5))
    }

    @Test func keyOutsideTheScaleReplaysTheQuestionAfterTheInvalidPrompt() {
        var s = SurveyCall()
        _ = s.send(.start(UnixTime(seconds: 0)))
        _ = s.promptEnds()
        #expect(played(s.press("7")) == [["zh/survey-invalid.wav", "zh/survey-ask.wav"]])
        #expect(s.engine.failures == 1)
        // retries = 1: a second wrong key ends the survey without a score.
        let last = s.press("0")
        #expect(last == [.stopPrompt(id: 2), result(nil), .hangup])
    }

    @Test func noAnswerAfterRetriesRecordsNoScoreAndHangsUp() {
        var s = SurveyCall()
        _ = s.send(.start(UnixTime(seconds: 0)))
        _ = s.promptEnds()
        #expect(s.wait(5_999).isEmpty)
        #expect(played(s.wait(1)) == [["zh/survey-invalid.wav", "zh/survey-ask.wav"]])
        _ = s.promptEnds()
        #expect(s.wait(6_000) == [result(nil), .hangup])
    }

    @Test func callerHangingUpRecordsNoScoreOnce() {
        var s = SurveyCall()
        _ = s.send(.start(UnixTime(seconds: 0)))
        #expect(s.send(.callerHungUp) == [result(nil)])
        #expect(s.send(.callerHungUp).isEmpty)
    }

    @Test func hangingUpAfterScoringRecordsNothingMore() {
        var s = SurveyCall()
        _ = s.send(.start(UnixTime(seconds: 0)))
        _ = s.press("3")
        #expect(s.send(.callerHungUp).isEmpty)
    }

    @Test func scaleFromConfigLimitsTheScoreKeys() {
        var s = SurveyCall(scale: 3)
        _ = s.send(.start(UnixTime(seconds: 0)))
        _ = s.promptEnds()
        #expect(played(s.press("4")) == [["zh/survey-invalid.wav", "zh/survey-ask.wav"]])
        #expect(s.press("3").contains(result(3)))
    }
}
