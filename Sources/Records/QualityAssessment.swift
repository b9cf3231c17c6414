/// A call's quality-inspection score (0…100) and what lowered it, from its
/// measured talk (`TalkMeter`), connected time, survey and hold time. Rules
/// and points are in `QualitySettings`. Data that is missing is listed in
/// `notAssessed` rather than guessed.
public struct QualityAssessment: Sendable, Equatable {
    /// A finding and the points it cost.
    public struct Entry: Sendable, Hashable {
        public var finding: QualityFinding
        public var points: Int
        public init(finding: QualityFinding, points: Int) {
            self.finding = finding
            self.points = points
        }
    }

    /// 100 minus the points of all entries, not below 0.
    public var score: Int
    /// In a fixed order: short call, silences, over-talk, talk ratio, hold, survey.
    public var entries: [Entry]
    /// What could not be judged.
    public var notAssessed: [QualityCheck]

    public var findings: [QualityFinding] { entries.map(\.finding) }

    public init(score: Int, entries: [Entry], notAssessed: [QualityCheck]) {
        self.score = score
        self.entries = entries
        self.notAssessed = notAssessed
    }

    /// Assesses one call.
    /// - Parameters:
    ///   - connectedMilliseconds: time connected to the agent (`CallDetail.talkMilliseconds`).
    ///   - surveyScore: nil when no score was given.
    ///   - surveyScale: the survey's top score (5 for "press 1–5"); below 1 the survey is not judged.
    ///   - holdMilliseconds: total hold time, nil when unknown.
    public static func evaluate(summary: TalkSummary, connectedMilliseconds: Int64, surveyScore: Int?,
                                surveyScale: Int, holdMilliseconds: Int64?,
                                settings: QualitySettings = QualitySettings()) -> QualityAssessment {
        var entries: [Entry] = []
        var notAssessed: [QualityCheck] = []

        if connectedMilliseconds < settings.shortCallMilliseconds {
            entries.append(Entry(finding: .veryShortCall(connectedMilliseconds: connectedMilliseconds),
                                 points: settings.shortCallPoints))
        }
        if summary.longSilenceCount > 0 {
            entries.append(Entry(
                finding: .longSilences(count: summary.longSilenceCount, totalMilliseconds: summary.longSilenceMilliseconds,
                                       longestMilliseconds: summary.longestSilenceMilliseconds),
                points: min(summary.longSilenceCount * settings.longSilencePointsEach, settings.longSilencePointsMax)))
        }
        if let overTalk = summary.overTalkShare, let agentShare = summary.agentShare {
            if overTalk > settings.overTalkShareLimit {
                entries.append(Entry(finding: .excessiveOverTalk(share: overTalk), points: settings.overTalkPoints))
            }
            if !settings.agentShareRange.contains(agentShare) {
                entries.append(Entry(finding: .lopsidedTalk(agentShare: agentShare), points: settings.lopsidedPoints))
            }
        } else {
            notAssessed.append(.talk)
        }
        if let hold = holdMilliseconds {
            if hold > settings.longHoldMilliseconds {
                entries.append(Entry(finding: .longHold(milliseconds: hold), points: settings.longHoldPoints))
            }
        } else {
            notAssessed.append(.hold)
        }
        if let score = surveyScore, surveyScale >= 1 {
            if score * settings.lowSurveyScale <= settings.lowSurveyScore * surveyScale {
                entries.append(Entry(finding: .lowSurveyScore(score: score, scale: surveyScale),
                                     points: settings.lowSurveyPoints))
            }
        } else {
            notAssessed.append(.survey)
        }

        let deducted = entries.reduce(0) { $0 + $1.points }
        return QualityAssessment(score: max(0, 100 - deducted), entries: entries, notAssessed: notAssessed)
    }
}
