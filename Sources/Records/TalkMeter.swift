/// Measures talk and silence in a stereo call recording (left = caller,
/// right = agent, 8 kHz 16-bit linear), fed block by block as the audio is
/// read; `summary` is ready at any point. Made for quality inspection of
/// stored calls: it keeps a few counters, never allocates while feeding,
/// and accepts blocks of any length (times are at block resolution).
///
/// Speech detection, per channel per block: the block is *loud* when its
/// RMS level is at least `speechThresholdDBm0` (default −45 dBm0 — well
/// above line noise, around −60 dBm0, and well below speech, around
/// −20 dBm0; levels in the G.711 convention where a full-scale sine is
/// +3.14 dBm0, so −45 dBm0 is an RMS of about 91). A side is *speaking* in
/// a loud block and for `hangoverMilliseconds` after it (default 200 ms),
/// so the gaps between syllables and words do not count as silence; the
/// hangover also adds that much after each utterance.
public struct TalkMeter: Sendable {
    public struct Settings: Sendable, Equatable {
        /// RMS level from which a block is speech, dBm0.
        public var speechThresholdDBm0: Double
        /// How long a side still counts as speaking after its last loud block.
        public var hangoverMilliseconds: Int
        /// Mutual silence from this length on counts as a long silence.
        public var longSilenceMilliseconds: Int

        public init(speechThresholdDBm0: Double = -45, hangoverMilliseconds: Int = 200,
                    longSilenceMilliseconds: Int = 10_000) {
            self.speechThresholdDBm0 = speechThresholdDBm0
            self.hangoverMilliseconds = hangoverMilliseconds
            self.longSilenceMilliseconds = longSilenceMilliseconds
        }
    }

    /// Samples per second of the recordings measured.
    public static let sampleRate: Int64 = 8000

    public let settings: Settings
    /// Whether the caller counted as speaking in the last block.
    public private(set) var callerSpeaking = false
    /// Whether the agent counted as speaking in the last block.
    public private(set) var agentSpeaking = false

    private let thresholdMeanSquare: Double
    private let hangoverSamples: Int64
    private let longSilenceSamples: Int64
    private var callerHangoverLeft: Int64 = 0
    private var agentHangoverLeft: Int64 = 0
    private var total: Int64 = 0
    private var callerTalk: Int64 = 0
    private var agentTalk: Int64 = 0
    private var overTalk: Int64 = 0
    private var silenceRun: Int64 = 0
    private var silences = SilenceTally()

    public init(settings: Settings = Settings()) {
        self.settings = settings
        thresholdMeanSquare = Decibels.meanSquare(dBm0: settings.speechThresholdDBm0)
        hangoverSamples = Int64(max(settings.hangoverMilliseconds, 0)) * Self.sampleRate / 1000
        longSilenceSamples = Int64(max(settings.longSilenceMilliseconds, 0)) * Self.sampleRate / 1000
    }

    /// Measures one block; both sides must hold the same number of samples.
    public mutating func feed(left: UnsafeBufferPointer<Int16>, right: UnsafeBufferPointer<Int16>) {
        precondition(left.count == right.count,
                     "TalkMeter.feed: left has \(left.count) samples, right \(right.count); both sides of a block must match")
        account(samples: left.count, leftEnergy: Self.energy(left), rightEnergy: Self.energy(right))
    }

    /// Measures one block of interleaved stereo (left, right, left, …), as a
    /// stereo WAV file stores it; the count must be even.
    public mutating func feed(interleaved: UnsafeBufferPointer<Int16>) {
        precondition(interleaved.count % 2 == 0,
                     "TalkMeter.feed: \(interleaved.count) interleaved samples; stereo needs an even count")
        var leftEnergy: Int64 = 0
        var rightEnergy: Int64 = 0
        var i = 0
        while i < interleaved.count {
            let l = Int64(interleaved[i])
            let r = Int64(interleaved[i + 1])
            leftEnergy &+= l * l
            rightEnergy &+= r * r
            i += 2
        }
        account(samples: interleaved.count / 2, leftEnergy: leftEnergy, rightEnergy: rightEnergy)
    }

    /// The figures so far; a silence still running counts as ended here.
    public var summary: TalkSummary {
        var silences = silences
        silences.close(run: silenceRun, longFrom: longSilenceSamples)
        return TalkSummary(
            totalMilliseconds: Self.milliseconds(total),
            callerTalkMilliseconds: Self.milliseconds(callerTalk),
            agentTalkMilliseconds: Self.milliseconds(agentTalk),
            overTalkMilliseconds: Self.milliseconds(overTalk),
            longestSilenceMilliseconds: Self.milliseconds(silences.longest),
            longSilenceCount: silences.longCount,
            longSilenceMilliseconds: Self.milliseconds(silences.longTotal),
            longSilenceThresholdMilliseconds: Int64(max(settings.longSilenceMilliseconds, 0)))
    }

    private mutating func account(samples: Int, leftEnergy: Int64, rightEnergy: Int64) {
        guard samples > 0 else { return }
        let n = Int64(samples)
        let loudFrom = thresholdMeanSquare * Double(samples)
        callerSpeaking = Self.speaking(loud: Double(leftEnergy) >= loudFrom, hangoverLeft: &callerHangoverLeft,
                                       hangover: hangoverSamples, samples: n)
        agentSpeaking = Self.speaking(loud: Double(rightEnergy) >= loudFrom, hangoverLeft: &agentHangoverLeft,
                                      hangover: hangoverSamples, samples: n)
        total += n
        if callerSpeaking { callerTalk += n }
        if agentSpeaking { agentTalk += n }
        if callerSpeaking && agentSpeaking { overTalk += n }
        if callerSpeaking || agentSpeaking {
            silences.close(run: silenceRun, longFrom: longSilenceSamples)
            silenceRun = 0
        } else {
            silenceRun += n
        }
    }

    private static func speaking(loud: Bool, hangoverLeft: inout Int64, hangover: Int64, samples: Int64) -> Bool {
        if loud {
            hangoverLeft = hangover
            return true
        }
        guard hangoverLeft > 0 else { return false }
        hangoverLeft = max(hangoverLeft - samples, 0)
        return true
    }

    private static func energy(_ samples: UnsafeBufferPointer<Int16>) -> Int64 {
        var sum: Int64 = 0
        for sample in samples {
            let x = Int64(sample)
            sum &+= x * x
        }
        return sum
    }

    private static func milliseconds(_ samples: Int64) -> Int64 {
        samples * 1000 / sampleRate
    }

    /// Finished stretches of mutual silence, in samples.
    private struct SilenceTally: Sendable {
        var longest: Int64 = 0
        var longCount = 0
        var longTotal: Int64 = 0

        mutating func close(run: Int64, longFrom: Int64) {
            guard run > 0 else { return }
            longest = max(longest, run)
            if run >= longFrom {
                longCount += 1
                longTotal += run
            }
        }
    }
}
