import Foundation
import Telephony

/// A tone found in recorded line audio without knowing it in advance: its
/// one or two frequencies, its cadence (burst and gap) and how many bursts
/// were seen — what an exchange plays when the far end hangs up.
public struct LearnedToneShape: Sendable, Equatable {
    /// One or two frequencies in Hz, lowest first.
    public var frequencies: [Int]
    /// Burst length in ms; nil for a continuous tone.
    public var onMilliseconds: Int?
    /// Gap length in ms (0 for a continuous tone).
    public var offMilliseconds: Int
    /// Complete bursts seen in the regular run that was measured.
    public var cycles: Int
    /// Level of the bursts.
    public var level: Level
    /// Sample (from the start of the analysed audio) where the regular run began.
    public var startSample: Int

    public init(frequencies: [Int], onMilliseconds: Int?, offMilliseconds: Int, cycles: Int, level: Level, startSample: Int) {
        self.frequencies = frequencies
        self.onMilliseconds = onMilliseconds
        self.offMilliseconds = offMilliseconds
        self.cycles = cycles
        self.level = level
        self.startSample = startSample
    }

    /// As a tone-plan file and the config write it: "450 350/350",
    /// "480+620 500/500", "425 continuous" (cadence rounded to 10 ms).
    public var planText: String {
        let f = frequencies.map(String.init).joined(separator: "+")
        guard let on = onMilliseconds else { return "\(f) continuous" }
        return "\(f) \(Self.round10(on))/\(Self.round10(offMilliseconds))"
    }

    public static func round10(_ ms: Int) -> Int { (ms + 5) / 10 * 10 }
}

/// Finds the last regular tone in a stretch of line audio (8 kHz linear):
/// each 20 ms block is classed as silence, a tone of one or two
/// frequencies (a Goertzel scan of 250–1200 Hz holds most of the block's
/// energy in one or two peaks), or other sound (speech, noise); the blocks
/// of the tone heard last are cut into bursts and gaps at 5 ms resolution;
/// the regular run of bursts and gaps at the end gives the cadence, and the
/// bursts' samples give the frequency (zero crossings for one frequency, a
/// fine Goertzel scan for two). Used by line learning, off the media
/// thread: it allocates freely.
public enum ToneCadenceAnalysis {
    static let block = 160
    static let sub = 40
    /// Blocks quieter than this are silence.
    static let silenceDBm0 = -45.0
    /// A cadence segment matches the run's mean within this fraction (or `slackMilliseconds`).
    static let tolerance = 0.2
    static let slackMilliseconds = 40.0
    /// A burst this long with no gap after it is a continuous tone.
    public static let continuousMilliseconds = 2500

    /// What one 20 ms block holds: silence, a tone, or other sound.
    public struct BlockClass: Equatable, Sendable {
        var frequencies: [Int]  // empty: not a tone
        var silent: Bool
    }

    /// The class of each whole block of `samples`. A caller that hears a
    /// line as it goes keeps these per block (`lastTone(in:classes:)`), so a
    /// repeated look at the last seconds does not scan them again: the scan
    /// is most of the cost, and a listener that falls behind the card loses
    /// audio, which would shorten every cadence it measures.
    public static func classes(of samples: [Int16]) -> [BlockClass] {
        (0..<(samples.count / block)).map { classify(samples, from: $0 * block) }
    }

    /// The class of the block of 160 samples starting at `from`.
    public static func classOfBlock(_ samples: [Int16], from: Int) -> BlockClass { classify(samples, from: from) }

    /// The last regular tone with at least `minimumCycles` bursts (or a
    /// continuous tone of `continuousMilliseconds`) in `samples`, or nil.
    public static func lastTone(in samples: [Int16], minimumCycles: Int = 3) -> LearnedToneShape? {
        lastTone(in: samples, classes: classes(of: samples), minimumCycles: minimumCycles)
    }

    /// As `lastTone(in:minimumCycles:)`, with the blocks already classed
    /// (`classes[b]` is the class of samples `b*160..<(b+1)*160`).
    public static func lastTone(in samples: [Int16], classes: [BlockClass], minimumCycles: Int = 3) -> LearnedToneShape? {
        let blocks = min(samples.count / block, classes.count)
        guard blocks > 2 else { return nil }
        let classes = classes.prefix(blocks)
        guard let last = classes.lastIndex(where: { !$0.frequencies.isEmpty }) else { return nil }
        let key = classes[last].frequencies
        let isKey = classes.map { sameTone($0.frequencies, key) }
        // Sub-blocks of the key's blocks and their neighbours are "on" above a quarter of the bursts' typical energy.
        var keyEnergies: [Double] = []
        for b in 0..<blocks where isKey[b] { for s in 0..<4 { keyEnergies.append(energy(samples, from: b * block + s * sub, count: sub)) } }
        keyEnergies.sort()
        let threshold = keyEnergies[keyEnergies.count / 2] / 4
        var on: [Bool] = []
        on.reserveCapacity(blocks * 4)
        for b in 0..<blocks {
            // A block that is part burst, part gap is neither silent nor pure: its neighbour decides.
            let edge = classes[b].frequencies.isEmpty
            let near = isKey[b] || (edge && ((b > 0 && isKey[b - 1]) || (b + 1 < blocks && isKey[b + 1])))
            for s in 0..<4 { on.append(near && energy(samples, from: b * block + s * sub, count: sub) >= threshold) }
        }
        // Runs of on/off in sub-blocks, from the first key block.
        var runs: [(on: Bool, start: Int, length: Int)] = []
        for (i, v) in on.enumerated() {
            if let r = runs.last, r.on == v { runs[runs.count - 1].length += 1 } else { runs.append((v, i, 1)) }
        }
        let ms = { (subs: Int) in Double(subs * sub) / 8.0 }
        // A continuous tone: a burst reaching the end, long enough.
        if let r = runs.last, r.on, ms(r.length) >= Double(continuousMilliseconds) {
            let start = r.start * sub
            return LearnedToneShape(frequencies: measure(samples, key, ranges: [start..<(start + r.length * sub)]), onMilliseconds: nil,
                                    offMilliseconds: 0, cycles: 1, level: level(samples, on: on), startSample: start)
        }
        // Complete bursts (not cut by either end of the audio) and the gaps
        // between them, back from the last burst while they stay regular.
        guard let lastBurst = runs.lastIndex(where: { $0.on && $0.start > 0 && $0.start + $0.length < on.count }) else { return nil }
        var bursts = [(start: runs[lastBurst].start, length: runs[lastBurst].length)], gaps: [Int] = []
        var j = lastBurst
        while j >= 2, runs[j - 2].start > 0 {
            let moreBursts = bursts + [(start: runs[j - 2].start, length: runs[j - 2].length)], moreGaps = gaps + [runs[j - 1].length]
            guard regular(moreBursts.map(\.length), ms), regular(moreGaps, ms) else { break }
            bursts = moreBursts
            gaps = moreGaps
            j -= 2
        }
        let between = gaps
        guard bursts.count >= minimumCycles, !between.isEmpty else { return nil }
        let onMs = bursts.map { ms($0.length) }.reduce(0, +) / Double(bursts.count)
        let offMs = between.map(ms).reduce(0, +) / Double(between.count)
        let ranges = bursts.map { ($0.start * sub)..<(($0.start + $0.length) * sub) }
        return LearnedToneShape(frequencies: measure(samples, key, ranges: ranges), onMilliseconds: Int(onMs.rounded()),
                                offMilliseconds: Int(offMs.rounded()), cycles: bursts.count, level: level(samples, on: on),
                                startSample: bursts.last.map { $0.start * sub } ?? 0)
    }

    /// Whether lengths (in sub-blocks) stay within the tolerance of their mean.
    static func regular(_ lengths: [Int], _ ms: (Int) -> Double) -> Bool {
        guard lengths.count > 1 else { return true }
        let values = lengths.map(ms), mean = values.reduce(0, +) / Double(values.count)
        let slack = max(mean * tolerance, slackMilliseconds)
        return values.allSatisfy { abs($0 - mean) <= slack }
    }

    static func sameTone(_ a: [Int], _ b: [Int]) -> Bool {
        a.count == b.count && !a.isEmpty && zip(a, b).allSatisfy { abs($0 - $1) <= 30 }
    }

    static func energy(_ s: [Int16], from: Int, count: Int) -> Double {
        var e = 0.0
        for i in from..<min(from + count, s.count) { e += Double(s[i]) * Double(s[i]) }
        return e
    }

    /// Goertzel power at `hertz` over `count` samples, normalised so that a
    /// pure sine at that frequency gives its share of the energy (about 1).
    static func share(_ s: [Int16], from: Int, count: Int, hertz: Double, energy: Double) -> Double {
        let w = 2 * Double.pi * hertz / 8000, c = 2 * cos(w)
        var s1 = 0.0, s2 = 0.0
        for i in from..<(from + count) {
            let s0 = Double(s[i]) + c * s1 - s2
            s2 = s1
            s1 = s0
        }
        let power = s1 * s1 + s2 * s2 - c * s1 * s2
        return energy > 0 ? power / (energy * Double(count) / 2) : 0
    }

    static func classify(_ s: [Int16], from: Int) -> BlockClass {
        let e = energy(s, from: from, count: block)
        let rms = (e / Double(block)).squareRoot()
        guard rms > 0, Level(rms: rms).dBm0 >= silenceDBm0 else { return BlockClass(frequencies: [], silent: true) }
        var scan: [(f: Int, r: Double)] = []
        for f in stride(from: 250, through: 1200, by: 10) { scan.append((f, share(s, from: from, count: block, hertz: Double(f), energy: e))) }
        guard let best = scan.max(by: { $0.r < $1.r }) else { return BlockClass(frequencies: [], silent: false) }
        let second = scan.filter { abs($0.f - best.f) >= 80 }.max(by: { $0.r < $1.r })
        if best.r >= 0.55, (second?.r ?? 0) < 0.2 { return BlockClass(frequencies: [best.f], silent: false) }
        if let second, second.r >= 0.2, best.r + second.r >= 0.65 {
            return BlockClass(frequencies: [min(best.f, second.f), max(best.f, second.f)], silent: false)
        }
        return BlockClass(frequencies: [], silent: false)
    }

    /// The frequencies of the bursts: zero crossings for one, a 1 Hz Goertzel scan for two.
    static func measure(_ s: [Int16], _ key: [Int], ranges: [Range<Int>]) -> [Int] {
        // Leave out the first and last 20 ms of each burst (a block on its edge may hold other sound).
        let inner = ranges.compactMap { r -> Range<Int>? in r.count > 480 ? (r.lowerBound + 160)..<(r.upperBound - 160) : nil }
        guard !inner.isEmpty else { return key }
        if key.count == 1 {
            var halfPeriods = 0, span = 0
            for r in inner {
                var high = s[r.lowerBound] > 0, first = -1, last = -1, n = 0
                for i in r {
                    let v = s[i]
                    if (high && v < -160) || (!high && v > 160) {
                        high.toggle()
                        if first < 0 { first = i } else { n += 1 }
                        last = i
                    }
                }
                if first >= 0, last > first { halfPeriods += n; span += last - first }
            }
            guard span > 0 else { return key }
            return [Int((Double(halfPeriods) / 2 / (Double(span) / 8000)).rounded())]
        }
        let longest = inner.max { $0.count < $1.count }!
        let e = energy(s, from: longest.lowerBound, count: longest.count)
        return key.map { f in
            var best = (f, 0.0)
            for g in (f - 20)...(f + 20) {
                let r = share(s, from: longest.lowerBound, count: longest.count, hertz: Double(g), energy: e)
                if r > best.1 { best = (g, r) }
            }
            return best.0
        }
    }

    static func level(_ s: [Int16], on: [Bool]) -> Level {
        var e = 0.0, n = 0
        for (i, v) in on.enumerated() where v {
            e += energy(s, from: i * sub, count: sub)
            n += sub
        }
        return n > 0 && e > 0 ? Level(rms: (e / Double(n)).squareRoot()) : Level(dBm0: -99)
    }
}
