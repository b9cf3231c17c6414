import Config
import Telephony

/// The after-call satisfaction survey, run on the caller's line once the
/// agent has hung up (when the queue has `survey = NAME`).
///
/// The question plays (a key may interrupt it); keys 1 … `scale` are a score:
/// the result is recorded and the thanks prompt plays before hang-up. Other
/// keys and timeouts replay the question (after `invalid_prompt`) up to
/// `retries` times. A caller who hangs up or never answers is recorded with
/// no score, so reports can count how many callers answered.
public struct SurveyEngine: Sendable {
    public enum Phase: Sendable, Equatable {
        case idle, asking, waiting, thanking, finished
    }

    public struct Context: Sendable, Equatable {
        public var call: String
        public var agent: String
        public var queue: String
        public init(call: String, agent: String, queue: String) {
            self.call = call
            self.agent = agent
            self.queue = queue
        }
    }

    public let survey: Survey
    public let context: Context
    public private(set) var phase = Phase.idle
    public private(set) var deadline: SampleTime?
    public private(set) var failures = 0
    /// Set when the question was asked `retries` + 1 times without a key.
    public private(set) var gaveUpWaiting: GaveUpWaiting?
    private var timeouts = 0
    private var player: PromptPlayer
    private var recorded = false

    public init(survey: Survey, context: Context, language: String) {
        self.survey = survey
        self.context = context
        self.player = PromptPlayer(language: language)
    }

    public mutating func on(_ event: IVREvent, now: SampleTime) -> [IVRAction] {
        switch (event, phase) {
        case (.start, .idle):
            return ask(leading: [], now: now)
        case (.digit(let key), .asking), (.digit(let key), .waiting):
            deadline = nil
            let stop = player.stop()
            if let score = Int(String(key.rawValue)), (1...survey.scale).contains(score) {
                phase = .thanking
                let result = record(score)
                if let play = player.play(survey.thanksPrompt.map(\.value), bargeIn: false) { return stop + result + [play] }
                return stop + result + hangUp()
            }
            return stop + fail(now: now)
        case (.promptFinished(let id), .asking):
            guard player.finished(id) else { return [] }
            phase = .waiting
            deadline = now + SampleTime(milliseconds: Int64(survey.timeout))
            return []
        case (.promptFinished(let id), .thanking):
            guard player.finished(id) else { return [] }
            return hangUp()
        case (.timer, .waiting):
            guard let due = deadline, now >= due else { return [] }
            deadline = nil
            timeouts += 1
            return fail(now: now)
        case (.callerHungUp, _):
            phase = .finished
            deadline = nil
            return record(nil)
        default:
            return []
        }
    }

    private mutating func ask(leading: [String], now: SampleTime) -> [IVRAction] {
        phase = .asking
        if let play = player.play(leading + survey.prompt.map(\.value), bargeIn: true) { return [play] }
        phase = .waiting
        deadline = now + SampleTime(milliseconds: Int64(survey.timeout))
        return []
    }

    private mutating func fail(now: SampleTime) -> [IVRAction] {
        failures += 1
        if failures > survey.retries {
            if timeouts == failures { gaveUpWaiting = GaveUpWaiting(stage: "survey", waits: failures, waitMilliseconds: survey.timeout) }
            return record(nil) + hangUp()
        }
        return ask(leading: survey.invalidPrompt.map(\.value), now: now)
    }

    private mutating func record(_ score: Int?) -> [IVRAction] {
        guard !recorded else { return [] }
        recorded = true
        return [.recordSurvey(SurveyResult(call: context.call, agent: context.agent, queue: context.queue,
                                           survey: survey.name, score: score))]
    }

    private mutating func hangUp() -> [IVRAction] {
        phase = .finished
        deadline = nil
        return [.hangup]
    }
}
