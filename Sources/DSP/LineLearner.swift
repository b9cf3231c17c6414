import Telephony

/// What a line test call showed of an analog line: how the exchange signals
/// that the far end hung up, its caller ID (kind, number, timing), its ring
/// cadence, and the line's speech level and noise floor.
public struct LineFindings: Sendable, Equatable {
    public enum Disconnect: Sendable, Equatable {
        /// A tone (busy, congestion, or any other) with its measured shape.
        case tone(LearnedToneShape)
        /// Loop current dropped (how long, where the card measures it).
        case loopDrop(milliseconds: Int?)
        /// The exchange reversed polarity.
        case polarity
        /// Nothing: the line stayed up and went quiet for this long.
        case none(quietMilliseconds: Int)
    }

    public enum CallerIDKind: String, Sendable, Equatable {
        case fsk, dtmf, none
    }

    /// Nil until the call ended.
    public var disconnect: Disconnect?
    public var callerID: CallerIDKind = .none
    public var callerNumber: String?
    /// DTMF: ms from the number's end to the first ring; FSK: ms from the
    /// end of the first ring to the message's end.
    public var callerIDMilliseconds: Int?
    public var rings = 0
    /// Ring burst and pause, ms (mean of those seen).
    public var ringOnMilliseconds: Int?
    public var ringOffMilliseconds: Int?
    /// Speech level on the line after the answer (the loud 10 %), and its
    /// noise floor (the quiet 10 %), before the hang-up signal.
    public var level: Level?
    public var noise: Level?

    public init() {}
}

/// Learns a line from one test call, block by block: before the answer it
/// runs DTMF and FSK caller-ID receivers and times the rings; it says when
/// to answer (receive mode: at the `answerOnRing`th ring); after the answer
/// it keeps the audio and looks for the exchange's hang-up signal — a tone
/// of any frequency and cadence (`ToneCadenceAnalysis`, four regular bursts
/// or a continuous tone), loop current dropping, a polarity reversal — or,
/// failing that, the line staying quiet. Time is the audio itself (8 kHz
/// samples fed), so it runs the same on a card and under test.
public final class LineLearner {
    public enum Mode: Sendable, Equatable {
        /// The installer calls the line: answer at this ring.
        case receive(answerOnRing: Int)
        /// The box dialled out and the call is up (no rings, no caller ID).
        case dial
    }

    /// What the learner wants next.
    public enum Step: Sendable, Equatable {
        case listen, answer, finished
    }

    /// Line signalling the driver passes on.
    public enum LineSignal: Sendable, Equatable {
        case ringBegin, ringEnd, loopDrop(milliseconds: Int?), polarity
    }

    public let mode: Mode
    /// Everything heard, from the start (the evidence recording).
    public private(set) var audio: [Int16] = []
    /// Sample where the call was answered (dial mode: 0).
    public private(set) var answeredAt: Int?
    public private(set) var findings = LineFindings()
    public private(set) var finished = false

    /// Quiet (below `quietBelow`) this long after the answer ends the test as "sends nothing".
    public var quietLimit = 15 * 8000
    /// The longest the learner listens after the answer.
    public var listenLimit = 60 * 8000
    public var quietBelow = Level(dBm0: -50)
    /// Bursts needed before a tone counts as the hang-up signal.
    public var toneCycles = 4

    private let dsp = ChannelDSP(plan: .china, features: [.dtmf, .callerID])
    private let events = DSPEventBuffer()
    private var assembler = DTMFCallerIDAssembler()
    private var dtmfMessageEnd: Int?
    private var fskMessageEnd: Int?
    private var ringBegins: [Int] = []
    private var ringEnds: [Int] = []
    private var blockLevels: [Double] = []
    private var quietRun = 0
    private var lastAnalysis = 0
    /// The class of each block heard since the answer, made as it arrives.
    private var classes: [ToneCadenceAnalysis.BlockClass] = []

    public init(mode: Mode) {
        self.mode = mode
        if mode == .dial { answeredAt = 0 }
    }

    /// The next block of line audio.
    @discardableResult
    public func block(_ samples: UnsafeBufferPointer<Int16>) -> Step {
        guard !finished else { return .finished }
        audio.append(contentsOf: samples)
        guard let answered = answeredAt else {
            dsp.process(samples, into: events)
            for i in 0..<events.count { dspEvent(events[i]) }
            events.removeAll()
            return .listen
        }
        var e = 0.0
        for s in samples { e += Double(s) * Double(s) }
        let rms = (e / Double(max(samples.count, 1))).squareRoot()
        let dB = rms > 0 ? Level(rms: rms).dBm0 : -99
        blockLevels.append(dB)
        quietRun = dB < quietBelow.dBm0 ? quietRun + samples.count : 0
        let heard = audio.count - answered
        while answered + (classes.count + 1) * 160 <= audio.count {
            classes.append(ToneCadenceAnalysis.classOfBlock(audio, from: answered + classes.count * 160))
        }
        if heard - lastAnalysis >= 8000 {
            lastAnalysis = heard
            let first = max(0, classes.count - 8 * 50)
            let window = Array(audio[(answered + first * 160)...])
            if let tone = ToneCadenceAnalysis.lastTone(in: window, classes: Array(classes[first...]), minimumCycles: toneCycles) {
                return finish(.tone(tone), before: audio.count - window.count + tone.startSample)
            }
        }
        if quietRun >= quietLimit { return finish(.none(quietMilliseconds: quietRun / 8), before: audio.count - quietRun) }
        if heard >= listenLimit { return finish(.none(quietMilliseconds: quietRun / 8), before: audio.count - quietRun) }
        return .listen
    }

    /// A signal from the line.
    @discardableResult
    public func signal(_ s: LineSignal) -> Step {
        guard !finished else { return .finished }
        let at = audio.count
        switch s {
        case .ringBegin where answeredAt == nil:
            ringBegins.append(at)
            findings.rings = ringBegins.count
            if case .receive(let ring) = mode, ringBegins.count >= ring {
                answeredAt = at
                settleCallerID()
                return .answer
            }
        case .ringEnd where answeredAt == nil:
            if ringEnds.count < ringBegins.count { ringEnds.append(at) }
        case .loopDrop(let ms) where answeredAt != nil:
            return finish(.loopDrop(milliseconds: ms), before: at)
        case .polarity where answeredAt != nil:
            return finish(.polarity, before: at)
        default:
            break
        }
        return .listen
    }

    /// Ends the test as it stands (the driver's own limit).
    public func stop() {
        guard !finished else { return }
        _ = finish(.none(quietMilliseconds: quietRun / 8), before: audio.count - quietRun)
    }

    private func dspEvent(_ e: DSPEvent) {
        switch e {
        case .dtmfBegin(let key, let at):
            if assembler.add(key, at: at), let id = try? assembler.take(), ringBegins.isEmpty {
                findings.callerID = .dtmf
                findings.callerNumber = id.number
                dtmfMessageEnd = Int(at.samples)
            }
        case .callerIDMessage(let signal, let at):
            if let id = try? dsp.receiver(for: signal)?.decoded(), findings.callerID != .fsk {
                findings.callerID = .fsk
                findings.callerNumber = id.number
                fskMessageEnd = Int(at.samples)
            }
        default:
            break
        }
    }

    private func settleCallerID() {
        if let first = ringBegins.first, findings.callerID == .dtmf, let end = dtmfMessageEnd {
            findings.callerIDMilliseconds = (first - end) / 8
        }
        if findings.callerID == .fsk, let end = fskMessageEnd, let ringEnd = ringEnds.first {
            findings.callerIDMilliseconds = (end - ringEnd) / 8
        }
        let ons = zip(ringBegins, ringEnds).map { ($1 - $0) / 8 }
        let offs = zip(ringEnds, ringBegins.dropFirst()).map { ($1 - $0) / 8 }
        if !ons.isEmpty { findings.ringOnMilliseconds = ons.reduce(0, +) / ons.count }
        if !offs.isEmpty { findings.ringOffMilliseconds = offs.reduce(0, +) / offs.count }
    }

    private func finish(_ d: LineFindings.Disconnect, before sample: Int) -> Step {
        findings.disconnect = d
        finished = true
        if let answered = answeredAt {
            let blocks = max(0, min(blockLevels.count, (sample - answered) / 160))
            let levels = blockLevels.prefix(blocks).sorted()
            if !levels.isEmpty {
                findings.level = Level(dBm0: levels[levels.count * 9 / 10])
                findings.noise = Level(dBm0: max(-90, levels[levels.count / 10]))
            }
        }
        return .finished
    }
}
