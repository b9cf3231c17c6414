/// One call-progress tone of a country's plan: its frequencies and cadence.
public struct ToneSpec: Sendable, Equatable {
    /// Name reported for the tone (busy, congestion, dialtone, ringback, ...).
    public var name: String
    /// One or two frequencies in Hz, played together.
    public var frequencies: [Int]
    /// Tone-on time in ms; nil for a continuous tone.
    public var onMilliseconds: Int?
    /// Tone-off time in ms (ignored for a continuous tone).
    public var offMilliseconds: Int
    /// Cycles that must be seen before the tone is reported (continuous tones: 1).
    public var confirmCycles: Int

    public init(name: String, frequencies: [Int], onMilliseconds: Int?, offMilliseconds: Int = 0, confirmCycles: Int = 2) {
        self.name = name
        self.frequencies = frequencies
        self.onMilliseconds = onMilliseconds
        self.offMilliseconds = offMilliseconds
        self.confirmCycles = confirmCycles
    }

    public var isContinuous: Bool { onMilliseconds == nil }
}

/// A country's call-progress tones as data: a cadence table that an
/// installer can extend with a plan file (see `TonePlan.parse`).
public struct TonePlan: Sendable, Equatable {
    public var name: String
    public var tones: [ToneSpec]
    /// A cadence segment is accepted within ±this fraction of its nominal
    /// length (and never tighter than ±`minimumSlackMilliseconds`).
    public var tolerance: Double = 0.2
    public static let minimumSlackMilliseconds = 60
    /// A continuous tone is reported after this long.
    public var continuousMilliseconds = 1000

    public init(name: String, tones: [ToneSpec]) {
        self.name = name
        self.tones = tones
    }

    /// China (YD/T 1258 / GB 3380): every tone at 450 Hz.
    public static let china = TonePlan(name: "cn", tones: [
        ToneSpec(name: "dialtone", frequencies: [450], onMilliseconds: nil),
        ToneSpec(name: "busy", frequencies: [450], onMilliseconds: 350, offMilliseconds: 350),
        ToneSpec(name: "congestion", frequencies: [450], onMilliseconds: 700, offMilliseconds: 700),
        ToneSpec(name: "ringback", frequencies: [450], onMilliseconds: 1000, offMilliseconds: 4000, confirmCycles: 1),
    ])

    /// United States (ANSI T1.401 precise tones).
    public static let us = TonePlan(name: "us", tones: [
        ToneSpec(name: "dialtone", frequencies: [350, 440], onMilliseconds: nil),
        ToneSpec(name: "busy", frequencies: [480, 620], onMilliseconds: 500, offMilliseconds: 500),
        ToneSpec(name: "congestion", frequencies: [480, 620], onMilliseconds: 250, offMilliseconds: 250),
        ToneSpec(name: "ringback", frequencies: [440, 480], onMilliseconds: 2000, offMilliseconds: 4000, confirmCycles: 1),
    ])

    /// Plans built in, by name.
    public static let builtIn: [String: TonePlan] = ["cn": .china, "us": .us]
}

/// Why a tone-plan file was refused: the line and the reason.
public struct TonePlanError: Error, Equatable, CustomStringConvertible, Sendable {
    public var source: String
    public var line: Int
    public var reason: String
    public var description: String { "\(source):\(line): \(reason)" }
}

extension TonePlan {
    /// Parses a plan file. One tone per line; `#` starts a comment:
    ///
    ///     plan in                     # the plan's name, first
    ///     dialtone    400 continuous      # f1+f2 for a pair of frequencies
    ///     busy        400  750/750
    ///     ringback    400+450 400/200 confirm=1
    ///
    /// Every problem in the file is reported at once.
    public static func parse(_ text: String, source: String) throws(TonePlanErrors) -> TonePlan {
        var plan = TonePlan(name: "", tones: [])
        var errors: [TonePlanError] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let first = words.first else { continue }
            func fail(_ reason: String) { errors.append(TonePlanError(source: source, line: line, reason: reason)) }
            if first == "plan" {
                if words.count != 2 { fail("expected 'plan NAME'") } else { plan.name = words[1] }
                continue
            }
            guard words.count >= 3 else {
                fail("expected 'NAME FREQUENCIES ON/OFF' or 'NAME FREQUENCIES continuous', got '\(words.joined(separator: " "))'")
                continue
            }
            let freqs = words[1].split(separator: "+").map { Int($0) }
            guard !freqs.isEmpty, freqs.count <= 2, freqs.allSatisfy({ $0 != nil && $0! >= 100 && $0! <= 3400 }) else {
                fail("frequencies '\(words[1])' must be one or two whole numbers of Hz between 100 and 3400, joined by '+'")
                continue
            }
            var spec = ToneSpec(name: first, frequencies: freqs.map { $0! }, onMilliseconds: nil)
            if words[2] == "continuous" {
                spec.confirmCycles = 1
            } else {
                let parts = words[2].split(separator: "/").map { Int($0) }
                guard parts.count == 2, let on = parts[0], let off = parts[1], on >= 50, off >= 50, on <= 10000, off <= 10000 else {
                    fail("cadence '\(words[2])' must be ON/OFF in ms (each 50–10000) or 'continuous'")
                    continue
                }
                spec.onMilliseconds = on
                spec.offMilliseconds = off
            }
            var bad = false
            for option in words.dropFirst(3) {
                if option.hasPrefix("confirm="), let n = Int(option.dropFirst(8)), n >= 1, n <= 4 {
                    spec.confirmCycles = n
                } else {
                    fail("unknown option '\(option)' (known: confirm=1..4)")
                    bad = true
                }
            }
            if bad { continue }
            if plan.tones.contains(where: { $0.name == spec.name }) {
                fail("tone '\(spec.name)' is defined twice")
                continue
            }
            plan.tones.append(spec)
        }
        if plan.name.isEmpty {
            errors.append(TonePlanError(source: source, line: 1, reason: "missing 'plan NAME' line"))
        }
        if plan.tones.isEmpty && errors.isEmpty {
            errors.append(TonePlanError(source: source, line: 1, reason: "plan defines no tones"))
        }
        if !errors.isEmpty { throw TonePlanErrors(errors: errors) }
        return plan
    }
}

/// All problems found in one plan file.
public struct TonePlanErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [TonePlanError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
