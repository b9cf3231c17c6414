import DSP
import Telephony

/// `kefu synth OUT.wav SEGMENT...`: builds telephony test audio, one segment
/// after another, for demos, installers and tests:
///
///     silence:MS                 quiet line
///     dtmf:KEYS                  keys at -10 dBm0, 80 ms on / 80 ms off
///     tone:NAME:MS               a tone of the plan (busy, congestion, dialtone, ringback)
///     fax:cng:MS | fax:ced:MS    fax calling / answer tone
///     cid:FORMAT:NUMBER[:NAME]   caller ID; FORMAT fsk-sdmf, fsk-mdmf (Bell 202),
///                                v23-sdmf, v23-mdmf (V.23) or dtmf
///     noise:DBM0                 white noise over everything so far
public enum SynthTool {
    public static func build(segments: [String], plan: TonePlan, seed: UInt64 = 1) throws(UsageError) -> [Int16] {
        var synth = SignalSynth()
        for segment in segments {
            let parts = segment.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            func fail(_ why: String) -> UsageError { UsageError(message: "segment '\(segment)': \(why)") }
            func milliseconds(_ i: Int) throws(UsageError) -> Double {
                guard parts.count > i, let ms = Double(parts[i]), ms >= 0, ms <= 3_600_000 else {
                    throw fail("expected a duration in ms at field \(i + 1)")
                }
                return ms
            }
            switch parts[0] {
            case "silence":
                synth.silence(milliseconds: try milliseconds(1))
            case "dtmf":
                guard parts.count == 2, !parts[1].isEmpty else { throw fail("expected dtmf:KEYS") }
                var keys: [DTMFKey] = []
                for c in parts[1] {
                    guard let k = DTMFKey(c) else { throw fail("'\(c)' is not a DTMF key (0-9 * # A-D)") }
                    keys.append(k)
                }
                let generator = DTMFGenerator(level: -10)
                generator.send(keys)
                synth.append(renderUntilQuiet { generator.generate(into: $0) })
            case "tone":
                guard parts.count == 3, let spec = plan.tones.first(where: { $0.name == parts[1] }) else {
                    throw fail("expected tone:NAME:MS with NAME one of \(plan.tones.map(\.name).joined(separator: ", "))")
                }
                let ms = try milliseconds(2)
                synth.cadence(frequencies: spec.frequencies.map(Double.init), level: Level(dBm0: -13),
                              onMilliseconds: Double(spec.onMilliseconds ?? Int(ms)),
                              offMilliseconds: Double(spec.offMilliseconds), totalMilliseconds: ms)
            case "fax":
                guard parts.count == 3, parts[1] == "cng" || parts[1] == "ced" else { throw fail("expected fax:cng:MS or fax:ced:MS") }
                let ms = try milliseconds(2)
                if parts[1] == "cng" {
                    synth.cadence(frequencies: [1100], level: Level(dBm0: -12), onMilliseconds: 500, offMilliseconds: 3000, totalMilliseconds: ms)
                } else {
                    synth.tone(2100, level: Level(dBm0: -12), milliseconds: ms)
                }
            case "cid":
                guard parts.count == 3 || parts.count == 4, !parts[2].isEmpty else { throw fail("expected cid:FORMAT:NUMBER[:NAME]") }
                let name = parts.count == 4 ? parts[3] : nil
                let signal: CallerIDSignal
                let format: CallerIDFormat
                switch parts[1] {
                case "fsk-sdmf": (signal, format) = (.bell202, .fskSDMF)
                case "fsk-mdmf": (signal, format) = (.bell202, .fskMDMF)
                case "v23-sdmf": (signal, format) = (.v23, .fskSDMF)
                case "v23-mdmf": (signal, format) = (.v23, .fskMDMF)
                case "dtmf": (signal, format) = (.dtmf, .dtmf)
                default: throw fail("unknown caller-ID format '\(parts[1])' (fsk-sdmf, fsk-mdmf, v23-sdmf, v23-mdmf, dtmf)")
                }
                let generator = CallerIDGenerator(signal: signal)
                let id = CallerID(format: format, number: parts[2], name: format == .fskSDMF ? nil : name, dateTime: "11251030")
                guard generator.send(id) else { throw fail("caller ID too long to send") }
                synth.append(renderUntilQuiet { generator.generate(into: $0) })
            case "noise":
                guard parts.count == 2, let level = Double(parts[1]), level <= 0, level >= -90 else {
                    throw fail("expected noise:DBM0 with a level between -90 and 0")
                }
                synth.addNoise(level: Level(dBm0: level), seed: seed)
            default:
                throw fail("unknown segment kind '\(parts[0])' (silence, dtmf, tone, fax, cid, noise)")
            }
        }
        return synth.pcm
    }

    /// Pulls blocks from a generator until it reports a block with no signal.
    static func renderUntilQuiet(_ next: (UnsafeMutableBufferPointer<Int16>) -> Int) -> [Int16] {
        var out: [Int16] = []
        var block = [Int16](repeating: 0, count: 160)
        for _ in 0..<2000 {  // at most 40 s
            let n = block.withUnsafeMutableBufferPointer { next($0) }
            out += block[0..<n]
            if n < block.count { break }
        }
        return out
    }
}
