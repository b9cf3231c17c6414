import Records
import Reports
import Testing

@Suite struct AgentReportTests {
    let report = Fixture.report()

    func agent(_ id: String, in report: CenterReport? = nil) -> AgentReport {
        (report ?? self.report).agents.first { $0.agent == id }!
    }

    @Test("every agent with time or calls gets a row, by id")
    func rows() {
        #expect(report.agents.map(\.agent) == ["8001", "8002", "8003"])
    }

    @Test("8001: time by state clipped to the window, pauses by reason, occupancy")
    func timeBudget() {
        let t = agent("8001").time
        // Available since 19:00: counted from 20:00. Logged out at 03:00.
        #expect(t.loggedInMilliseconds == 25_200_000)
        #expect(t.pausedMilliseconds == 3_300_000)
        #expect(t.pausedByReason == ["lunch": 1_800_000, "break": 1_500_000])
        #expect(t.ringingMilliseconds == 5_000)
        #expect(t.onCallMilliseconds == 720_000)
        #expect(t.wrapUpMilliseconds == 140_000)
        #expect(t.availableMilliseconds == 21_035_000)
        #expect(t.staffedMilliseconds == 21_900_000)
        // (720 + 140) ÷ (25 200 − 3 300).
        #expect(agent("8001").occupancyPercent == 86_000.0 / 21_900)
    }

    @Test("8002: logged out before the window, a pause without a reason, still in at the end")
    func openAtTheEnd() {
        let t = agent("8002").time
        // 20:05 to 04:00, the last state (available) still open at `to`.
        #expect(t.loggedInMilliseconds == 28_500_000)
        #expect(t.pausedByReason == ["": 1_200_000])
        #expect(t.onCallMilliseconds == 840_000)
        #expect(t.wrapUpMilliseconds == 60_000)
        #expect(t.availableMilliseconds == 26_400_000)
        #expect(agent("8002").occupancyPercent == 90_000.0 / 27_300)
    }

    @Test("8003: a pause running past the window counts up to its end")
    func clippedAtTheEnd() {
        let t = agent("8003").time
        #expect(t.loggedInMilliseconds == 25_800_000)
        #expect(t.pausedByReason == ["lunch": 1_800_000])
        #expect(t.ringingMilliseconds == 3_000)
        #expect(t.onCallMilliseconds == 450_000)
        #expect(t.wrapUpMilliseconds == 30_000)
        #expect(t.availableMilliseconds == 23_517_000)
        // 480 ÷ 24 000.
        #expect(agent("8003").occupancyPercent == 2)
    }

    @Test("calls answered, handle time with the wrap-up that followed each, CSAT")
    func calls() {
        let a = agent("8001"), b = agent("8002"), c = agent("8003")
        // 8001: calls 1, 7, 12: talk 300 + 120 + 300, wrap-up 60 + 50 + 30; scores 5, 3, 5.
        #expect(a.answered == 3)
        #expect(a.handleTalkMilliseconds == 720_000)
        #expect(a.handleWrapUpMilliseconds == 140_000)
        #expect(a.averageHandleSeconds == 860.0 / 3)
        #expect(a.surveys.csatPercent == 200.0 / 3)
        // 8002: calls 2, 9: (240 + 30) + (600 + 30) = 900 ÷ 2; scores 4, 1.
        #expect(b.answered == 2)
        #expect(b.averageHandleSeconds == 450)
        #expect(b.surveys.csatPercent == 50)
        #expect(b.surveys.dsatPercent == 50)
        // 8003: calls 6, 10 (no wrap-up state after 10): (180 + 30) + 270 = 480 ÷ 2; one score, 2.
        #expect(c.answered == 2)
        #expect(c.handleWrapUpMilliseconds == 30_000)
        #expect(c.averageHandleSeconds == 240)
        #expect(c.surveys.count == 1)
        #expect(c.surveys.csatPercent == 0)
    }

    @Test("offers and missed offers come from the queue events in the window, or are left out")
    func offers() {
        #expect(report.agents.map(\.offers) == [2, 2, 1])
        #expect(report.agents.map(\.missedOffers) == [0, 1, 1])
        let without = Fixture.report(events: nil)
        #expect(without.agents.map(\.offers) == [nil, nil, nil])
        #expect(without.agents.map(\.missedOffers) == [nil, nil, nil])
    }

    @Test("a wrap-up is charged to the call it follows, not to a neighbour's")
    func wrapUpBelongsToItsCall() {
        let t0 = Fixture.at(20, 1), t1 = Fixture.at(20, 3)
        func answered(_ id: Int64, _ agent: String) -> CallDetail {
            Fixture.call(id, nil, "sales", arrived: t0 - 5_000, queued: t0 - 4_000, connected: t0, ended: t1, "agent-hung-up", agent: agent)
        }
        let states = [
            Fixture.state("A", "on-call", t0, call: 1),
            Fixture.state("B", "on-call", t0, call: 2),
            Fixture.state("C", "on-call", t0),                  // states that name no call
            Fixture.state("A", "wrap-up", t1),                  // follows call 1: 30 s
            Fixture.state("B", "available", t1),                // call 2: no wrap-up
            Fixture.state("B", "wrap-up", t1 + 200, call: 7),   // names another call
            Fixture.state("C", "wrap-up", t1 + 300),            // matched by time: 19.7 s
            Fixture.state("A", "available", t1 + 30_000),
            Fixture.state("B", "available", t1 + 10_000),
            Fixture.state("C", "available", t1 + 20_000),
        ].sorted { $0.at < $1.at }
        let r = CenterReport.compute(calls: [answered(1, "A"), answered(2, "B"), answered(3, "C")],
                                     agentStates: states, window: Fixture.window)
        #expect(r.agents.map(\.handleWrapUpMilliseconds) == [30_000, 0, 19_700])
        #expect(r.total.calls.wrapUpMilliseconds == 49_700)
    }

    @Test("states out of time order give the same report")
    func unsortedStates() {
        #expect(Fixture.report(states: Fixture.states.reversed()) == report)
    }
}
