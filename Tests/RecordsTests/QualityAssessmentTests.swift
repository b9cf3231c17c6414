import Testing
import Records

/// A summary with the given talk times (ms) and no long silences.
private func talk(caller: Int64, agent: Int64, over: Int64, total: Int64 = 120_000) -> TalkSummary {
    TalkSummary(totalMilliseconds: total, callerTalkMilliseconds: caller, agentTalkMilliseconds: agent,
                overTalkMilliseconds: over, longestSilenceMilliseconds: 3_000)
}

@Suite struct QualityAssessmentTests {
    @Test("A good call with every figure known scores 100 with no findings")
    func goodCall() {
        let a = QualityAssessment.evaluate(summary: talk(caller: 50_000, agent: 60_000, over: 5_000),
                                           connectedMilliseconds: 120_000, surveyScore: 5, surveyScale: 5,
                                           holdMilliseconds: 30_000)
        #expect(a == QualityAssessment(score: 100, entries: [], notAssessed: []))
    }

    @Test("Unknown hold and no survey are reported as not assessed, not guessed")
    func unknowns() {
        let a = QualityAssessment.evaluate(summary: talk(caller: 50_000, agent: 60_000, over: 5_000),
                                           connectedMilliseconds: 120_000, surveyScore: nil, surveyScale: 5,
                                           holdMilliseconds: nil)
        #expect(a.score == 100)
        #expect(a.findings.isEmpty)
        #expect(a.notAssessed == [.hold, .survey])
    }

    @Test("A short, talked-over, one-sided call with long hold and a low score loses 70 points")
    func badCall() {
        // caller 1 000 + agent 9 000 − over 2 000 = 8 000 ms of talk: over-talk 25 %, agent share 90 %.
        let a = QualityAssessment.evaluate(summary: talk(caller: 1_000, agent: 9_000, over: 2_000, total: 15_000),
                                           connectedMilliseconds: 15_000, surveyScore: 2, surveyScale: 5,
                                           holdMilliseconds: 90_000)
        #expect(a.entries == [
            .init(finding: .veryShortCall(connectedMilliseconds: 15_000), points: 10),
            .init(finding: .excessiveOverTalk(share: 0.25), points: 15),
            .init(finding: .lopsidedTalk(agentShare: 0.9), points: 10),
            .init(finding: .longHold(milliseconds: 90_000), points: 10),
            .init(finding: .lowSurveyScore(score: 2, scale: 5), points: 25),
        ])
        #expect(a.score == 30)
        #expect(a.notAssessed.isEmpty)
    }

    @Test("Long silences cost 10 points each, at most 30")
    func longSilences() {
        var summary = talk(caller: 50_000, agent: 60_000, over: 5_000)
        summary.longSilenceCount = 2
        summary.longSilenceMilliseconds = 25_000
        summary.longestSilenceMilliseconds = 14_000
        let two = QualityAssessment.evaluate(summary: summary, connectedMilliseconds: 120_000, surveyScore: nil,
                                             surveyScale: 5, holdMilliseconds: nil)
        #expect(two.entries == [.init(finding: .longSilences(count: 2, totalMilliseconds: 25_000, longestMilliseconds: 14_000),
                                      points: 20)])
        #expect(two.score == 80)

        summary.longSilenceCount = 4
        summary.longSilenceMilliseconds = 52_000
        summary.longestSilenceMilliseconds = 16_000
        let four = QualityAssessment.evaluate(summary: summary, connectedMilliseconds: 120_000, surveyScore: nil,
                                              surveyScale: 5, holdMilliseconds: nil)
        #expect(four.entries.map(\.points) == [30])
        #expect(four.score == 70)
    }

    @Test("Limits are exclusive: 15 % over-talk, 85 % agent share, 20 s connected and 60 s hold pass")
    func boundaries() {
        // 5 750 + 5 750 − 1 500 = 10 000 ms of talk: over-talk exactly 15 %.
        let even = QualityAssessment.evaluate(summary: talk(caller: 5_750, agent: 5_750, over: 1_500),
                                              connectedMilliseconds: 20_000, surveyScore: 3, surveyScale: 5,
                                              holdMilliseconds: 60_000)
        #expect(even.findings.isEmpty)
        let agentHeavy = QualityAssessment.evaluate(summary: talk(caller: 1_500, agent: 8_500, over: 0),
                                                    connectedMilliseconds: 60_000, surveyScore: nil, surveyScale: 5,
                                                    holdMilliseconds: nil)
        #expect(agentHeavy.findings.isEmpty)
        let callerHeavy = QualityAssessment.evaluate(summary: talk(caller: 8_600, agent: 1_400, over: 0),
                                                     connectedMilliseconds: 60_000, surveyScore: nil, surveyScale: 5,
                                                     holdMilliseconds: nil)
        #expect(callerHeavy.findings == [.lopsidedTalk(agentShare: 0.14)])
    }

    @Test("A low survey score is 2 of 5 or the same ratio on other scales")
    func surveyScales() {
        func low(_ score: Int, of scale: Int) -> Bool {
            QualityAssessment.evaluate(summary: talk(caller: 50_000, agent: 60_000, over: 0),
                                       connectedMilliseconds: 120_000, surveyScore: score, surveyScale: scale,
                                       holdMilliseconds: nil)
                .findings == [.lowSurveyScore(score: score, scale: scale)]
        }
        #expect(low(1, of: 5) && low(2, of: 5) && !low(3, of: 5))
        #expect(low(4, of: 10) && !low(5, of: 10))
        #expect(low(1, of: 3) && !low(2, of: 3))
    }

    @Test("A survey without a usable scale is not judged")
    func badScale() {
        let a = QualityAssessment.evaluate(summary: talk(caller: 50_000, agent: 60_000, over: 0),
                                           connectedMilliseconds: 120_000, surveyScore: 1, surveyScale: 0,
                                           holdMilliseconds: 0)
        #expect(a.findings.isEmpty)
        #expect(a.notAssessed == [.survey])
    }

    @Test("With nobody speaking, over-talk and talk ratio are not judged but the silence is")
    func silentCall() {
        let summary = TalkSummary(totalMilliseconds: 30_000, longestSilenceMilliseconds: 30_000,
                                  longSilenceCount: 1, longSilenceMilliseconds: 30_000)
        let a = QualityAssessment.evaluate(summary: summary, connectedMilliseconds: 30_000, surveyScore: nil,
                                           surveyScale: 5, holdMilliseconds: nil)
        #expect(a.findings == [.longSilences(count: 1, totalMilliseconds: 30_000, longestMilliseconds: 30_000)])
        #expect(a.notAssessed == [.talk, .hold, .survey])
        #expect(a.score == 90)
    }

    @Test("The score stops at 0 and the settings change limits and points")
    func settings() {
        var settings = QualitySettings()
        settings.shortCallPoints = 80
        settings.lowSurveyPoints = 50
        let floored = QualityAssessment.evaluate(summary: talk(caller: 5_000, agent: 5_000, over: 0),
                                                 connectedMilliseconds: 5_000, surveyScore: 1, surveyScale: 5,
                                                 holdMilliseconds: nil, settings: settings)
        #expect(floored.entries.map(\.points) == [80, 50])
        #expect(floored.score == 0)

        settings = QualitySettings()
        settings.longHoldMilliseconds = 120_000
        let hold = QualityAssessment.evaluate(summary: talk(caller: 50_000, agent: 60_000, over: 0),
                                              connectedMilliseconds: 120_000, surveyScore: nil, surveyScale: 5,
                                              holdMilliseconds: 90_000, settings: settings)
        #expect(hold.findings.isEmpty)
    }
}

@Suite struct QualityFindingTextTests {
    @Test("Findings read as report lines with their figures")
    func descriptions() {
        #expect(QualityFinding.veryShortCall(connectedMilliseconds: 15_000).description == "very short call: connected 15.0 s")
        #expect(QualityFinding.longSilences(count: 2, totalMilliseconds: 25_000, longestMilliseconds: 14_050).description
                == "2 long silences, 25.0 s in all, longest 14.1 s")
        #expect(QualityFinding.longSilences(count: 1, totalMilliseconds: 10_000, longestMilliseconds: 10_000).description
                == "1 long silence, 10.0 s in all, longest 10.0 s")
        #expect(QualityFinding.excessiveOverTalk(share: 0.25).description == "over-talk 25 % of talk time")
        #expect(QualityFinding.lopsidedTalk(agentShare: 0.9).description == "agent spoke 90 % of the speech")
        #expect(QualityFinding.longHold(milliseconds: 90_000).description == "on hold 90.0 s")
        #expect(QualityFinding.lowSurveyScore(score: 2, scale: 5).description == "low survey score: 2 of 5")
    }
}
