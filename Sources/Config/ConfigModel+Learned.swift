/// What line learning (`kefu setup learn`) found on one analog line, kept in
/// the config as `[learned.N]` (N: the line's channel). The box acts on it:
/// a learned hang-up tone is listened for on every line; a line that sends
/// nothing is released after `silence_hangup` of quiet; a line that reverses
/// polarity on release hangs up on it; learned caller ID replaces the group's.
public struct LearnedLine: Sendable, Equatable {
    /// How the exchange tells the line that the far end hung up.
    public enum Disconnect: String, Sendable, Equatable, CaseIterable {
        case tone
        case loopDrop = "loop-drop"
        case polarity
        case none
    }

    /// A learned tone: one or two frequencies, its burst and gap (nil burst: continuous).
    public struct Tone: Sendable, Equatable {
        public var frequencies: [Int]
        public var onMilliseconds: Int?
        public var offMilliseconds: Int
        public init(frequencies: [Int], onMilliseconds: Int?, offMilliseconds: Int) {
            self.frequencies = frequencies
            self.onMilliseconds = onMilliseconds
            self.offMilliseconds = offMilliseconds
        }

        /// "450 350/350", "480+620 500/500", "425 continuous".
        public var text: String {
            let f = frequencies.map(String.init).joined(separator: "+")
            return onMilliseconds.map { "\(f) \($0)/\(offMilliseconds)" } ?? "\(f) continuous"
        }

        /// Why a tone's text was refused, in both languages.
        public struct Refusal: Error, Sendable, Equatable {
            public var english: String
            public var chinese: String
            init(_ english: String, _ chinese: String) { self.english = english; self.chinese = chinese }
        }

        /// Parses `text`'s form; nil with the reason when it cannot.
        public static func parse(_ s: String) -> Result<Tone, Refusal> {
            let parts = s.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else {
                return .failure(Refusal("'\(s)' is not FREQ[+FREQ] ON/OFF or FREQ continuous (e.g. \"450 350/350\")",
                                          "'\(s)' 不是 频率[+频率] 通/断 或 频率 continuous 的形式（如 \"450 350/350\"）"))
            }
            let freqs = parts[0].split(separator: "+").map { Int($0) }
            guard (1...2).contains(freqs.count), freqs.allSatisfy({ ($0 ?? 0) >= 100 && ($0 ?? 0) <= 3400 }) else {
                return .failure(Refusal("'\(parts[0])': one or two frequencies from 100 to 3400 Hz, joined by '+'",
                                          "'\(parts[0])'：一个或两个 100 到 3400 Hz 之间的频率，用 '+' 连接"))
            }
            let hz = freqs.compactMap { $0 }.sorted()
            if parts[1] == "continuous" { return .success(Tone(frequencies: hz, onMilliseconds: nil, offMilliseconds: 0)) }
            let cadence = parts[1].split(separator: "/").map { Int($0) }
            guard cadence.count == 2, let on = cadence[0], let off = cadence[1], (20...10_000).contains(on), (20...10_000).contains(off) else {
                return .failure(Refusal("'\(parts[1])': burst/gap in ms, each 20 to 10000 (e.g. 350/350), or 'continuous'",
                                          "'\(parts[1])'：通/断毫秒数，各 20 到 10000（如 350/350），或 'continuous'"))
            }
            return .success(Tone(frequencies: hz, onMilliseconds: on, offMilliseconds: off))
        }
    }

    public var channel: Int
    public var line: Int
    public var disconnect: Disconnect
    public var tone: Tone?
    public var loopDropMilliseconds: Int?
    public var callerID: LineGroup.CallerID?
    public var ringOnMilliseconds: Int?
    public var ringOffMilliseconds: Int?
    /// Speech level and noise floor in dBm0, as measured.
    public var levelDBm0: Int?
    public var noiseDBm0: Int?
    /// Quiet this long releases a call on a line that sends nothing (ms; nil: never).
    public var silenceHangUp: Int?
    public var learnedAt: String?
    public var evidence: String?

    public init(channel: Int, line: Int, disconnect: Disconnect) {
        self.channel = channel
        self.line = line
        self.disconnect = disconnect
    }

    /// A line that sends nothing is released after this much quiet unless set.
    public static let defaultSilenceHangUp = 30_000
    /// Quiet is audio this far below the learned noise floor (or below -65 dBm0 when unknown).
    public static let quietMarginDB = 6
    public static let defaultQuietDBm0 = -65

    /// The level below which the line counts as quiet.
    public var quietBelowDBm0: Int {
        guard let noise = noiseDBm0 else { return Self.defaultQuietDBm0 }
        return min(-50, max(-80, noise - Self.quietMarginDB))
    }
}

extension KefuConfig {
    /// What was learned of a line, if it was.
    public func learned(_ channel: Int) -> LearnedLine? { learnedLines.first { $0.channel == channel } }
}
