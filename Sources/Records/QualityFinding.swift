/// Something about a call a quality inspector should look at, with the
/// figure that was measured. `description` reads as a line of a report
/// ("over-talk 25 % of talk time").
public enum QualityFinding: Sendable, Hashable, CustomStringConvertible {
    /// Connected for less than the short-call limit.
    case veryShortCall(connectedMilliseconds: Int64)
    /// Mutual silences at least the long-silence length.
    case longSilences(count: Int, totalMilliseconds: Int64, longestMilliseconds: Int64)
    /// Both sides speaking at once for this share of the talk time.
    case excessiveOverTalk(share: Double)
    /// The agent's share of the speech is outside the accepted range.
    case lopsidedTalk(agentShare: Double)
    /// The caller was on hold longer than the limit.
    case longHold(milliseconds: Int64)
    /// The caller's survey score is at or below the low mark.
    case lowSurveyScore(score: Int, scale: Int)

    public var description: String {
        switch self {
        case .veryShortCall(let ms):
            "very short call: connected \(Self.seconds(ms)) s"
        case .longSilences(let count, let total, let longest):
            "\(count) long silence\(count == 1 ? "" : "s"), \(Self.seconds(total)) s in all, longest \(Self.seconds(longest)) s"
        case .excessiveOverTalk(let share):
            "over-talk \(Self.percent(share)) % of talk time"
        case .lopsidedTalk(let agentShare):
            "agent spoke \(Self.percent(agentShare)) % of the speech"
        case .longHold(let ms):
            "on hold \(Self.seconds(ms)) s"
        case .lowSurveyScore(let score, let scale):
            "low survey score: \(score) of \(scale)"
        }
    }

    /// Seconds with one decimal, as the CDR export writes them.
    private static func seconds(_ milliseconds: Int64) -> String {
        var row = CSVRow(guardsFormulas: false)
        row.beginField()
        row.appendTenthsOfSecond(milliseconds: milliseconds)
        row.endField()
        return String(decoding: row.bytes, as: UTF8.self)
    }

    /// A share as a whole percentage, rounded half up.
    private static func percent(_ share: Double) -> Int {
        Int((share * 100).rounded())
    }
}

/// A part of the assessment that could not be judged for lack of data.
public enum QualityCheck: Sendable, Hashable {
    /// No survey score (not asked, or the caller did not answer).
    case survey
    /// Hold time unknown.
    case hold
    /// Nobody spoke, so over-talk and the talk ratio mean nothing.
    case talk
}
