import Records
import Reports
import Testing

@Suite struct QueueReportTests {
    let report = Fixture.report()

    @Test("each queue with calls gets a row, by name, and menus-only calls are counted apart")
    func rows() {
        #expect(report.queues.map(\.queue) == ["sales", "support"])
        #expect(report.queues.map(\.serviceLevelSeconds) == [20, 10])
        // Call 8 ended in the menus; calls 100, 13, 14 lie outside the window.
        #expect(report.callsNotQueued == 1)
    }

    @Test("sales: offered, outcomes, service level, waits, AHT with wrap-up, surveys and FCR")
    func sales() {
        let c = report.queues[0].calls
        // Calls 1, 2, 3, 4, 5, 10.
        #expect(c.offered == 6)
        #expect(c.answered == 3)                 // 1, 2, 10
        #expect(c.abandoned == 2)                // 3 (3 s), 4 (62 s)
        #expect(c.shortAbandons == 1)            // 3: within 5 s
        #expect(c.refused == 1)                  // 5
        #expect(c.otherEnds == 0)
        // Within 20 s: 1 (15 s), 10 (10 s); 2 waited 35 s. 2 ÷ (6 − 1) = 40 %.
        #expect(c.answeredWithinThreshold == 2)
        #expect(c.serviceLevelPercent == 40)
        // ASA (15 + 35 + 10) ÷ 3 = 20 s; abandon wait (3 + 62) ÷ 2 = 32.5 s.
        #expect(c.averageSpeedOfAnswerSeconds == 20)
        #expect(c.averageAbandonWaitSeconds == 32.5)
        // Longest: the refused call 5, 120 s in the queue.
        #expect(c.longestWaitSeconds == 120)
        // AHT: (300 + 60) + (240 + 30) + (270 + 0) = 900 s ÷ 3 = 300 s.
        #expect(c.talkMilliseconds == 810_000)
        #expect(c.wrapUpMilliseconds == 90_000)
        #expect(c.averageHandleSeconds == 300)
        // Scores 5 and 4: both satisfied, none dissatisfied, mean 4.5.
        #expect(c.surveys.count == 2)
        #expect(c.surveys.csatPercent == 100)
        #expect(c.surveys.dsatPercent == 0)
        #expect(c.surveys.averageScore == 4.5)
        // FCR base 1, 2, 10; 1 repeats (call 6 after 1 h), 10 repeats (call 13
        // after the window, 4 h 20 min later): 1 ÷ 3.
        #expect(c.resolutionBase == 3)
        #expect(c.repeatCalls == 2)
        #expect(c.firstCallResolutionPercent == 100.0 / 3)
        #expect(c.abandonPercent == 100.0 / 3)
    }

    @Test("support: a caller from yesterday's repeat, a number-less call, a late repeat outside 24 h")
    func support() {
        let c = report.queues[1].calls
        // Calls 6, 7, 9, 11, 12.
        #expect(c.offered == 5)
        #expect(c.answered == 4)
        #expect(c.abandoned == 1)
        #expect(c.shortAbandons == 1)            // 11: 4 s
        #expect(c.refused == 0)
        // Within 10 s: 6 (8 s), 9 (5 s), 12 (6 s); 7 waited 12 s. 3 ÷ (5 − 1) = 75 %.
        #expect(c.serviceLevelPercent == 75)
        // ASA (8 + 12 + 5 + 6) ÷ 4 = 7.75 s.
        #expect(c.averageSpeedOfAnswerSeconds == 7.75)
        #expect(c.averageAbandonWaitSeconds == 4)
        #expect(c.longestWaitSeconds == 12)
        // AHT: 210 + 170 + 630 + 330 = 1 340 s ÷ 4 = 335 s.
        #expect(c.averageHandleSeconds == 335)
        // Scores 2, 3, 1, 5: satisfied 1 (25 %), dissatisfied 2 (50 %), mean 2.75.
        #expect(c.surveys.csatPercent == 25)
        #expect(c.surveys.dsatPercent == 50)
        #expect(c.surveys.averageScore == 2.75)
        // FCR base 6, 9, 12 (7 has no number). 6 is the caller's last call;
        // 9's next call comes 24 h 10 min later: none repeats.
        #expect(c.resolutionBase == 3)
        #expect(c.repeatCalls == 0)
        #expect(c.firstCallResolutionPercent == 100)
    }

    @Test("the total row adds the queues, each call against its own queue's threshold")
    func total() {
        let t = report.total
        #expect(t.isTotal && t.serviceLevelSeconds == nil)
        let c = t.calls
        #expect((c.offered, c.answered, c.abandoned, c.shortAbandons, c.refused) == (11, 7, 3, 2, 1))
        // (2 + 3) ÷ (11 − 2).
        #expect(c.serviceLevelPercent == 500.0 / 9)
        // ASA (60 + 31) ÷ 7 = 13 s; abandon wait (3 + 62 + 4) ÷ 3 = 23 s; AHT 2 240 ÷ 7 = 320 s.
        #expect(c.averageSpeedOfAnswerSeconds == 13)
        #expect(c.averageAbandonWaitSeconds == 23)
        #expect(c.longestWaitSeconds == 120)
        #expect(c.averageHandleSeconds == 320)
        // Six scores 5, 4, 2, 3, 1, 5: satisfied 3, dissatisfied 2, sum 20.
        #expect(c.surveys.csatPercent == 50)
        #expect(c.surveys.dsatPercent == 200.0 / 6)
        #expect(c.surveys.averageScore == 20.0 / 6)
        // FCR: 6 in the base, 2 repeats.
        #expect(c.firstCallResolutionPercent == 400.0 / 6)
    }

    @Test("without the calls after the window a repeat there goes unseen")
    func repeatsNeedTheLaterCalls() {
        let inWindow = Fixture.calls.filter { $0.arrived < Fixture.window.to }
        let sales = Fixture.report(calls: inWindow).queues[0].calls
        #expect(sales.repeatCalls == 1)          // only call 1
        #expect(sales.firstCallResolutionPercent == 200.0 / 3)
        // A shorter repeat window no longer reaches from call 10 to call 13 (4 h 20 min).
        var settings = Fixture.settings
        settings.repeatWindowHours = 4
        #expect(Fixture.report(settings: settings).queues[0].calls.repeatCalls == 1)
    }

    @Test("first-call resolution tells thousands of callers apart, whatever their numbers look like")
    func manyCallers() {
        // 3 000 callers, each answered once in the window and calling again
        // 23 h later (even k: a repeat) or 25 h later (odd k: not one).
        // Numbers: international, national, and long non-numeric ids.
        var calls: [CallDetail] = []
        for k in 0..<3000 {
            let number = k % 3 == 0 ? "+8613\(900_000_000 + k)" : k % 3 == 1 ? "0\(10_000_000 + k)" : "sip-trunk-caller-identity-\(k)"
            let first = Fixture.window.from + Int64(k) * 1000
            calls.append(Fixture.call(Int64(k), number, "q", arrived: first, queued: first + 1000, connected: first + 2000,
                                      ended: first + 60_000, "agent-hung-up", agent: "8001"))
            let again = first + (k % 2 == 0 ? 23 : 25) * 3_600_000
            calls.append(Fixture.call(Int64(10_000 + k), number, "q", arrived: again, queued: nil, connected: nil,
                                      ended: again + 5000, "menu-hangup"))
        }
        calls.sort { $0.arrived < $1.arrived }
        let q = CenterReport.compute(calls: calls, window: Fixture.window).queues[0].calls
        #expect(q.offered == 3000)
        #expect(q.resolutionBase == 3000)
        #expect(q.repeatCalls == 1500)
    }

    @Test("a booked callback counts as offered but not abandoned; its own call counts as a callback reached, not as a second offer")
    func callbacksAreCountedApart() {
        let t = Fixture.window.from
        var leg = Fixture.call(2, "13800138000", "q", arrived: t + 600_000, queued: nil, connected: t + 610_000,
                               ended: t + 700_000, "agent-hung-up", agent: "8001")
        leg.direction = "callback"
        leg.origin = 1
        let calls = [Fixture.call(1, "13800138000", "q", arrived: t, queued: t + 10_000, connected: nil, ended: t + 60_000, "callback-booked"), leg]
        let r = CenterReport.compute(calls: calls, window: Fixture.window)
        let q = r.queues[0].calls
        #expect(q.offered == 1 && q.answered == 0 && q.abandoned == 0 && q.otherEnds == 0)
        #expect(q.callbacksBooked == 1)
        #expect(q.callbacksConnected == 1)
        #expect(r.agents.first { $0.agent == "8001" }?.answered == 1, "the agent handled the callback")
    }

    @Test("a queue named in the settings gets a row without calls; others use the default threshold")
    func configuredQueues() {
        var settings = Fixture.settings
        settings.serviceLevelSeconds = ["billing": 30, "sales": 20]
        let r = Fixture.report(settings: settings)
        #expect(r.queues.map(\.queue) == ["billing", "sales", "support"])
        #expect(r.queues[0].calls == CallFigures())
        #expect(r.queues[0].calls.serviceLevelPercent == nil)
        // Support at the default 20 s: 7's 12 s now counts too: 4 ÷ 4.
        #expect(r.queues[2].serviceLevelSeconds == 20)
        #expect(r.queues[2].calls.serviceLevelPercent == 100)
    }

    @Test("calls out of arrival order give the same report")
    func unsortedCalls() {
        #expect(Fixture.report(calls: Fixture.calls.reversed()) == report)
    }

    @Test("outcomes follow connected and the end reason")
    func outcomes() {
        var c = CallDetail(callID: 1, line: 1, arrived: 0)
        for (reason, outcome) in [("caller-loop-drop", QueueOutcome.abandoned), ("caller-busy-tone", .abandoned),
                                  ("abandoned-ringing", .abandoned), ("queue-refused", .refused),
                                  ("line-failed", .other), ("interrupted", .other), ("route-not-supported", .other)] {
            c.endReason = reason
            #expect(QueueOutcome(c) == outcome, "\(reason)")
        }
        c.connected = 5
        c.endReason = "caller-loop-drop"
        #expect(QueueOutcome(c) == .answered)
    }

    @Test("survey thresholds keep their proportions on other scales")
    func surveyScales() {
        var ten = SurveyTally()
        for score in 1...10 { ten.add(score: score, scale: 10) }
        // Satisfied 8, 9, 10; dissatisfied 1…4.
        #expect((ten.satisfied, ten.dissatisfied) == (3, 4))
        var three = SurveyTally()
        for score in 1...3 { three.add(score: score, scale: 3) }
        #expect((three.satisfied, three.dissatisfied) == (1, 1))
        #expect(SurveyTally().csatPercent == nil)
    }
}
