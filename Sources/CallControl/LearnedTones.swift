import Channels
import Config
import DSP

extension TonePlan {
    /// Tones of a plan that mean the far end hung up.
    public static let hangUpToneNames: Set<String> = ["busy", "congestion", "disconnect"]

    /// Two cadence lengths the detector would take for each other (within its tolerance).
    static func near(_ a: Int?, _ b: Int?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return Double(abs(a - b)) <= Double(max(a, b)) * TonePlan.china.tolerance
    }
}

/// The tones each line listens for: the tone zone's own, and on a line with
/// a learned hang-up tone (`[learned.N] tone`) that the zone's busy and
/// congestion tones would not already match, that tone too, named
/// "disconnect" and placed after the zone's tones — so a tone index means
/// the same on every line. A learned tone stays on its own line: one
/// exchange's tone next to another's in one detector can spoil both (450 Hz
/// and 480 Hz are too close for the detector's filters to tell apart, and
/// China's busy tone then reads as neither).
public struct LineTonePlans: Sendable, Equatable {
    /// What a line without a learned tone of its own listens for.
    public var zone: TonePlan
    /// Lines with a learned tone of their own.
    public var lines: [ChannelNumber: TonePlan]

    public init(zone: String, learned: [LearnedLine]) {
        let base = TonePlan.builtIn[zone] ?? .china
        self.zone = base
        lines = [:]
        for l in learned where l.disconnect == .tone {
            guard let t = l.tone else { continue }
            let spec = ToneSpec(name: "disconnect", frequencies: t.frequencies, onMilliseconds: t.onMilliseconds,
                                offMilliseconds: t.offMilliseconds, confirmCycles: t.onMilliseconds == nil ? 1 : 2)
            let known = base.tones.contains { s in
                TonePlan.hangUpToneNames.contains(s.name) && TonePlan.near(s.onMilliseconds, spec.onMilliseconds)
                    && TonePlan.near(s.offMilliseconds, spec.offMilliseconds)
                    && s.frequencies.count == spec.frequencies.count && zip(s.frequencies, spec.frequencies).allSatisfy { abs($0 - $1) <= 15 }
            }
            if known { continue }
            var plan = base
            plan.tones.append(spec)
            lines[ChannelNumber(l.channel)] = plan
        }
    }

    /// The names of the tone indices on any line: the zone's tones, then
    /// "disconnect" (for call control: which tones mean a hang-up).
    public var names: TonePlan {
        var plan = zone
        if let learned = lines.values.first, let last = learned.tones.last { plan.tones.append(last) }
        return plan
    }

    /// The plan line `c` listens with.
    public func plan(_ c: ChannelNumber) -> TonePlan { lines[c] ?? zone }
}
