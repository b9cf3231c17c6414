import Config
import Console
import Records
import Storage

/// `kefu lines`: what line learning found on a line (`[learned.N]`), and a
/// warning when the line's real calls end by another signal than the one
/// learned (the exchange changed, or the learning call was not typical).
extension ConsoleLines {
    /// The release kind a learned hang-up signal gives.
    static func expectedRelease(_ d: LearnedLine.Disconnect) -> ReleaseReason.Kind {
        switch d {
        case .tone: .busyTone
        case .loopDrop: .loopDrop
        case .polarity: .polarityReversal
        case .none: .quietLine
        }
    }
    /// The release kinds that are the line's own hang-up signal.
    static let lineSignals: [ReleaseReason.Kind] = [.busyTone, .loopDrop, .polarityReversal, .quietLine]

    /// One phrase: the hang-up signal, caller ID and when it was learned.
    static func learnedText(_ l: LearnedLine?, _ language: ConsoleLanguage) -> String {
        func say(_ english: String, _ chinese: String) -> String { ConsoleText.pick(language, english, chinese) }
        guard let l else { return say("not characterised", "尚未测定") }
        var parts: [String]
        switch l.disconnect {
        case .tone:
            let text = l.tone?.text ?? "?"
            parts = l.tone?.onMilliseconds == nil ? [say("hang-up tone \(text)", "挂机音 " + text.replacingOccurrences(of: "continuous", with: "连续"))]
                                                  : [say("hang-up tone \(text) ms", "挂机音 \(text) 毫秒")]
        case .loopDrop:
            parts = [l.loopDropMilliseconds.map { say("loop current drop (\($0) ms)", "环路电流消失 (\($0) 毫秒)") } ?? say("loop current drop", "环路电流消失")]
        case .polarity:
            parts = [say("polarity reversal", "极性反转")]
        case .none:
            let s = (l.silenceHangUp ?? LearnedLine.defaultSilenceHangUp) / 1000
            parts = [say("sends no hang-up signal (released after \(s) s of quiet)", "不发挂机信号 (静默 \(s) 秒后释放)")]
        }
        if let id = l.callerID { parts.append(say("caller ID \(id.rawValue)", "来电显示 \(id.rawValue)")) }
        if let at = l.learnedAt { parts.append(say("learned \(at)", "测定于 \(at)")) }
        return parts.joined(separator: ", ")
    }

    /// A warning when the day's calls end by another line signal than the learned one.
    static func disagreement(_ l: LearnedLine?, channel: Int, day: LineTally, _ language: ConsoleLanguage) -> String? {
        guard let l else { return nil }
        let expected = expectedRelease(l.disconnect)
        let other = lineSignals.filter { $0 != expected }.map { ($0, day.releases[$0.rawValue] ?? 0) }.filter { $0.1 > 0 }
        let others = other.reduce(0) { $0 + $1.1 }
        guard others >= missedAtLeast, others > day.releases[expected.rawValue] ?? 0 else { return nil }
        let seen = other.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        return ConsoleText.pick(language,
            "calls today end by \(seen), not by the learned \(expected.rawValue): the exchange may have changed; run kefu setup learn \(channel) again",
            "今日通话以 \(seen) 结束, 而不是学习到的 \(expected.rawValue): 交换机可能已改变; 请重新运行 kefu setup learn \(channel)")
    }
}
