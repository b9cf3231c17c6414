import Config
import DSP

extension TonePlan {
    /// Tones of a plan that mean the far end hung up.
    public static let hangUpToneNames: Set<String> = ["busy", "congestion", "disconnect"]

    /// The plan the lines listen with: the tone zone's own tones, plus each
    /// hang-up tone learned on a line (`[learned.N] tone`) that the zone's
    /// busy and congestion tones would not already match, named "disconnect".
    /// One plan serves every line: a learned tone is the exchange's, and any
    /// line hearing it during a call is being hung up on.
    public static func forLines(zone: String, learned: [LearnedLine]) -> TonePlan {
        var plan = builtIn[zone] ?? .china
        for l in learned where l.disconnect == .tone {
            guard let t = l.tone else { continue }
            let spec = ToneSpec(name: "disconnect", frequencies: t.frequencies, onMilliseconds: t.onMilliseconds,
                                offMilliseconds: t.offMilliseconds, confirmCycles: t.onMilliseconds == nil ? 1 : 2)
            let known = plan.tones.contains { s in
                Self.hangUpToneNames.contains(s.name) && near(s.onMilliseconds, spec.onMilliseconds) && near(s.offMilliseconds, spec.offMilliseconds)
                    && s.frequencies.count == spec.frequencies.count && zip(s.frequencies, spec.frequencies).allSatisfy { abs($0 - $1) <= 15 }
            }
            if !known { plan.tones.append(spec) }
        }
        return plan
    }

    /// Two cadence lengths the detector would take for each other (within its tolerance).
    static func near(_ a: Int?, _ b: Int?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return Double(abs(a - b)) <= Double(max(a, b)) * TonePlan.china.tolerance
    }
}
