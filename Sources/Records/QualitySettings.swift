/// Limits and point deductions of `QualityAssessment`. A call starts at
/// 100 points; each finding deducts its points; the score stops at 0.
///
/// | finding            | raised when                                  | points        |
/// |--------------------|----------------------------------------------|---------------|
/// | very short call    | connected < 20 s                             | 10            |
/// | long silences      | any (see `TalkMeter.Settings`, 10 s)         | 10 each, ≤ 30 |
/// | excessive over-talk| over-talk > 15 % of talk time                | 15            |
/// | lopsided talk      | agent share > 85 % or < 15 % of speech       | 10            |
/// | long hold          | hold > 60 s (only when hold is known)        | 10            |
/// | low survey score   | ≤ 2 on a 5-point scale (same ratio on others)| 25            |
public struct QualitySettings: Sendable, Equatable {
    public var shortCallMilliseconds: Int64 = 20_000
    public var shortCallPoints = 10
    public var longSilencePointsEach = 10
    public var longSilencePointsMax = 30
    /// Over-talk above this share of talk time is excessive.
    public var overTalkShareLimit = 0.15
    public var overTalkPoints = 15
    /// Agent shares of speech outside this range are lopsided (bounds accepted).
    public var agentShareRange: ClosedRange<Double> = 0.15...0.85
    public var lopsidedPoints = 10
    public var longHoldMilliseconds: Int64 = 60_000
    public var longHoldPoints = 10
    /// A score is low when score ÷ scale ≤ lowSurveyScore ÷ lowSurveyScale
    /// (2 of 5: 4 of 10, 1 of 3), compared in whole numbers.
    public var lowSurveyScore = 2
    public var lowSurveyScale = 5
    public var lowSurveyPoints = 25

    public init() {}
}
