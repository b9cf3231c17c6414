import Foundation
import Config
import DSP

/// A line's learned findings as the `[learned.N]` table of kefu.toml, and
/// that table put into a config's text: replacing the line's earlier table
/// (from its header to the next header or the end), or appended at the end.
/// Everything else in the file is kept byte for byte.
public enum LearnedSection {
    /// The config's record of what a test call found.
    public static func learned(_ f: LineFindings, channel: Int, at: String, evidence: String?) -> LearnedLine {
        let kind: LearnedLine.Disconnect
        var l = LearnedLine(channel: channel, line: 0, disconnect: .none)
        switch f.disconnect {
        case .tone(let t)?:
            kind = .tone
            l.tone = LearnedLine.Tone(frequencies: t.frequencies, onMilliseconds: t.onMilliseconds.map(LearnedToneShape.round10),
                                      offMilliseconds: LearnedToneShape.round10(t.offMilliseconds))
        case .loopDrop(let ms)?:
            kind = .loopDrop
            l.loopDropMilliseconds = ms
        case .polarity?: kind = .polarity
        case .none?, nil: kind = .none
        }
        l.disconnect = kind
        if kind == .none { l.silenceHangUp = LearnedLine.defaultSilenceHangUp }
        l.callerID = LineGroup.CallerID(rawValue: f.callerID.rawValue)
        l.ringOnMilliseconds = f.ringOnMilliseconds
        l.ringOffMilliseconds = f.ringOffMilliseconds
        l.levelDBm0 = f.level.map { Int($0.dBm0.rounded()) }
        l.noiseDBm0 = f.noise.map { Int($0.dBm0.rounded()) }
        l.learnedAt = at
        l.evidence = evidence
        return l
    }

    /// The table's text, with a comment line saying what each finding means.
    public static func text(_ l: LearnedLine) -> String {
        var out = ["[learned.\(l.channel)]"]
        func add(_ key: String, _ value: String, _ note: String? = nil) {
            out.append("\(key) = \(value)" + (note.map { "  # \($0)" } ?? ""))
        }
        let what: String
        switch l.disconnect {
        case .tone: what = "the exchange plays a tone when the far end hangs up"
        case .loopDrop: what = "loop current drops when the far end hangs up"
        case .polarity: what = "the exchange reverses polarity when the far end hangs up"
        case .none: what = "no hang-up signal: calls are released after silence_hangup of quiet"
        }
        add("disconnect", "\"\(l.disconnect.rawValue)\"", what)
        if let t = l.tone { add("tone", "\"\(t.text)\"", "Hz, burst/gap ms") }
        if let ms = l.loopDropMilliseconds { add("loop_drop_ms", "\(ms)") }
        if let s = l.silenceHangUp { add("silence_hangup", "\(s / 1000)", "seconds") }
        if let c = l.callerID { add("caller_id", "\"\(c.rawValue)\"") }
        if let on = l.ringOnMilliseconds, let off = l.ringOffMilliseconds { add("ring", "\"\(on)/\(off)\"", "ms on/off") }
        if let v = l.levelDBm0 { add("level_dbm0", "\(v)", "speech level") }
        if let v = l.noiseDBm0 { add("noise_dbm0", "\(v)", "noise floor") }
        if let at = l.learnedAt { add("learned_at", "\"\(at)\"") }
        if let e = l.evidence { add("evidence", "\"\(e)\"", "recording and figures kept for support") }
        return out.joined(separator: "\n") + "\n"
    }

    /// `config` with the line's table replaced or appended.
    public static func merge(_ table: String, channel: Int, into config: String) -> String {
        var lines = config.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let header = "[learned.\(channel)]"
        let isHeader = { (s: String) in s.trimmingCharacters(in: .whitespaces).hasPrefix("[") }
        let body = table.components(separatedBy: "\n").filter { !$0.isEmpty }
        if let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == header }) {
            var end = start + 1
            while end < lines.count, !isHeader(lines[end]) { end += 1 }
            // Blank lines and comments just before the next table belong to it.
            while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
            lines.replaceSubrange(start..<end, with: body)
        } else {
            if let last = lines.last, !last.isEmpty { lines.append("") }
            lines += body
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
