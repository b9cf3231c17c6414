/// Post-call survey scores of a group of calls.
///
/// Satisfied (CSAT) means a score of at least 4 on a 5-point scale,
/// dissatisfied (DSAT) at most 2; other scales keep the same proportions
/// (score·5 ≥ 4·scale, score·5 ≤ 2·scale: on a 10-point scale ≥ 8 and ≤ 4).
/// The middle score counts in neither, so CSAT + DSAT can be under 100 %.
public struct SurveyTally: Sendable, Equatable {
    /// Calls with a score.
    public var count = 0
    public var satisfied = 0
    public var dissatisfied = 0
    public var scoreTotal = 0

    public init() {}

    /// Counts one score on a 1…`scale` survey.
    public mutating func add(score: Int, scale: Int) {
        count += 1
        scoreTotal += score
        if score * 5 >= 4 * scale { satisfied += 1 }
        if score * 5 <= 2 * scale { dissatisfied += 1 }
    }

    /// Adds another group's scores.
    public mutating func merge(_ other: SurveyTally) {
        count += other.count
        satisfied += other.satisfied
        dissatisfied += other.dissatisfied
        scoreTotal += other.scoreTotal
    }

    /// Satisfied ÷ surveys, percent (nil without surveys).
    public var csatPercent: Double? { Ratio.percent(satisfied, of: count) }
    /// Dissatisfied ÷ surveys, percent (nil without surveys).
    public var dsatPercent: Double? { Ratio.percent(dissatisfied, of: count) }
    /// Mean score (nil without surveys).
    public var averageScore: Double? { count > 0 ? Double(scoreTotal) / Double(count) : nil }
}
