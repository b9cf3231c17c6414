import Channels
import DSP
import Telephony

/// How a callback's outside call is going, judged from what an analog line
/// offers: the line is seized, dialled after a short settle (dial tone),
/// then the exchange's tones tell the rest.
///
/// - busy or congestion tone: failed (`callee-busy`);
/// - ringback, then its cadence breaks: answered;
/// - a polarity reversal (answer supervision, where the line gives it): answered;
/// - ringback for longer than the ring timeout: failed (`callee-no-answer`);
/// - no ringback at all for `assumeAnswerAfter` (a ring-back melody, 彩铃,
///   or an exchange that sends none): taken as answered — the agent has
///   heard the line from the start and hangs up if nobody is there;
/// - the loop drops before an answer: failed (`callee-not-reached`).
///
/// On an E1 trunk (`supervised`) the signalling says it all: the call is
/// placed at once (no dial tone to wait for), the far end's answer is the
/// answer, its clearing a failure (cause 17 busy, 18/19 no answer, others
/// not reached), and no answer within the ring timeout is no answer. Tones
/// on the channel are left to the agent's ears.
///
/// Pure: events and time in, a verdict out.
struct CallbackProgress: Sendable, Equatable {
    enum Stage: Sendable, Equatable {
        /// Off hook, waiting for dial tone to settle.
        case seizing
        /// Digits going out.
        case dialling
        /// Dialled; waiting for an answer.
        case waiting(since: SampleTime, ringback: Bool)
    }

    enum Verdict: Sendable, Equatable {
        case dial
        case answered
        case failed(CallEnd)
    }

    /// Off hook before dialling (the exchange's dial tone comes up).
    static let settle = SampleTime(milliseconds: 1_500)
    /// Longest wait for the card to finish dialling.
    static let dialGuard = SampleTime(milliseconds: 15_000)

    let ringTimeout: SampleTime
    let assumeAnswerAfter: SampleTime
    /// An E1 trunk: answer and clearing are signalled.
    let supervised: Bool
    private(set) var stage = Stage.seizing
    private(set) var deadline: SampleTime

    init(now: SampleTime, ringTimeout: SampleTime, assumeAnswerAfter: SampleTime, supervised: Bool = false) {
        self.ringTimeout = ringTimeout
        self.assumeAnswerAfter = assumeAnswerAfter
        self.supervised = supervised
        deadline = supervised ? now : now + Self.settle
    }

    var isWaiting: Bool {
        if case .waiting = stage { return true }
        return false
    }

    mutating func timer(now: SampleTime) -> Verdict? {
        guard now >= deadline else { return nil }
        switch stage {
        case .seizing where supervised:
            stage = .waiting(since: now, ringback: true)
            deadline = now + ringTimeout
            return .dial
        case .seizing:
            stage = .dialling
            deadline = now + Self.dialGuard
            return .dial
        case .dialling:
            return dialled(now: now)
        case .waiting(_, let ringback):
            return ringback ? .failed(.calleeNoAnswer) : .answered
        }
    }

    /// The card has sent the digits.
    mutating func dialled(now: SampleTime) -> Verdict? {
        guard stage == .dialling else { return nil }
        stage = .waiting(since: now, ringback: false)
        deadline = now + assumeAnswerAfter
        return nil
    }

    /// A call-progress tone began on the line (`busy`, `congestion`, `ringback`).
    mutating func toneBegan(_ name: String) -> Verdict? {
        guard case .waiting(let since, _) = stage else { return nil }
        switch name {
        case "busy", "congestion":
            return .failed(.calleeBusy)
        case "ringback":
            stage = .waiting(since: since, ringback: true)
            deadline = since + ringTimeout
            return nil
        default:
            return nil
        }
    }

    /// A tone's cadence broke: ringback that stops means the callee picked up.
    func toneEnded(_ name: String) -> Verdict? {
        guard case .waiting(_, true) = stage, name == "ringback" else { return nil }
        return .answered
    }

    func polarityReversed() -> Verdict? {
        isWaiting ? .answered : nil
    }

    func loopDropped() -> Verdict {
        .failed(.calleeNotReached)
    }

    /// What the line brought: time passing, a line event, or a DSP finding.
    enum Input {
        case timer
        case line(ChannelEvent)
        case dsp(DSPEvent)
    }

    /// The E1 call's clearing before the answer: busy, no answer or not reached, by its cause.
    func cleared(_ clearing: TrunkClearing) -> Verdict {
        if clearing.cause == TrunkClearing.userBusy { return .failed(.calleeBusy) }
        return .failed(TrunkClearing.noAnswer.contains(clearing.cause) ? .calleeNoAnswer : .calleeNotReached)
    }

    /// One step from whatever the line brought; `toneName` names the tone plan's tones.
    mutating func on(_ input: Input, now: SampleTime, toneName: (ToneIndex) -> String) -> Verdict? {
        if supervised {
            switch input {
            case .timer: return timer(now: now)
            case .line(.farEndAnswered): return isWaiting ? .answered : nil
            case .line(.farEndCleared(let clearing)): return cleared(clearing)
            case .line(.alarm): return .failed(.lineFailed)
            case .line, .dsp: return nil
            }
        }
        switch input {
        case .timer: return timer(now: now)
        case .line(.dialComplete): return dialled(now: now)
        case .line(.polarityReversal): return polarityReversed()
        case .line(.lineDisconnect): return loopDropped()
        case .line(.alarm): return .failed(.lineFailed)
        case .line: return nil
        case .dsp(.toneBegin(let tone, _, _, _)): return toneBegan(toneName(tone))
        case .dsp(.toneEnd(let tone, _, _)): return toneEnded(toneName(tone))
        case .dsp: return nil
        }
    }
}
