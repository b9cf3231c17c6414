#if canImport(Glibc)
import Glibc
#endif
import Testing
import Reports

/// Erlang C by its textbook formula, written out here independently of the
/// library's recursion: C = (Aᴺ/N!)·N/(N−A) ÷ (Σₖ₌₀ᴺ⁻¹ Aᵏ/k! + (Aᴺ/N!)·N/(N−A)),
/// with the terms computed in logarithms.
func textbookErlangC(agents n: Int, erlangs a: Double) -> Double {
    func term(_ k: Int) -> Double { exp(Double(k) * log(a) - lgamma(Double(k + 1))) }
    let waiting = term(n) * Double(n) / (Double(n) - a)
    let below = (0..<n).reduce(0.0) { $0 + term($1) }
    return waiting / (below + waiting)
}

@Suite struct ErlangCTests {
    @Test func twoErlangsOnThreeAgentsWaitFourNinthsOfTheTime() {
        // The classic hand-worked case: A = 2, N = 3 → C = 4/9.
        let model = ErlangC(traffic: Traffic(callsPerHour: 30, handleTime: 240), agents: 3)
        #expect(abs(model.probabilityOfWaiting - 4.0 / 9.0) < 1e-12)
        #expect(abs(model.averageSpeedOfAnswer - 4.0 / 9.0 * 240) < 1e-9)
    }

    @Test func probabilityOfWaitingMatchesTheTextbookFormula() {
        for (rate, aht, agents) in [(200.0, 180.0, 12), (300, 180, 20), (600, 300, 55), (1200, 300, 110), (50, 120, 3)] {
            let model = ErlangC(traffic: Traffic(callsPerHour: rate, handleTime: aht), agents: agents)
            let expected = textbookErlangC(agents: agents, erlangs: rate * aht / 3600)
            #expect(abs(model.probabilityOfWaiting - expected) < 1e-9, "\(rate)/h \(aht) s \(agents)")
        }
    }

    @Test func serviceLevelFollowsTheExponentialWaitTail() {
        // 300 calls/h, 180 s, 20 agents: C = 0.160429, SL(20 s) = 1 − C·e^(−5·20/180).
        let model = ErlangC(traffic: Traffic(callsPerHour: 300, handleTime: 180), agents: 20)
        #expect(abs(model.probabilityOfWaiting - 0.16042938741692364) < 1e-12)
        #expect(abs(model.serviceLevel(within: 20) - 0.9079530901827292) < 1e-12)
        #expect(abs(model.serviceLevel(within: 0) - (1 - model.probabilityOfWaiting)) < 1e-12)
        #expect(abs(model.occupancy - 0.75) < 1e-12)
    }

    @Test func anOverloadedQueueHasEveryCallerWaiting() {
        let model = ErlangC(traffic: Traffic(callsPerHour: 400, handleTime: 180), agents: 20)
        #expect(!model.isStable)
        #expect(model.probabilityOfWaiting == 1)
        #expect(model.serviceLevel(within: 20) == 0)
        #expect(model.averageSpeedOfAnswer == .infinity)
    }
}

@Suite struct ErlangATests {
    @Test func endlessPatienceGivesErlangC() {
        let traffic = Traffic(callsPerHour: 300, handleTime: 180)
        let a = ErlangA(traffic: traffic, agents: 18, patience: 1e9)
        let c = ErlangC(traffic: traffic, agents: 18)
        #expect(abs(a.probabilityOfWaiting - c.probabilityOfWaiting) < 1e-4)
        #expect(abs(a.serviceLevel(within: 20) - c.serviceLevel(within: 20)) < 1e-4)
        #expect(a.abandonRate < 1e-5)
    }

    @Test func patienceEqualToHandleTimeBehavesLikeInfinitelyManyAgents() {
        // With θ = μ every caller in the system leaves at rate μ: M/M/∞, so the
        // number in the system is Poisson(A) and P(wait) = P(Poisson(A) ≥ N).
        let a = ErlangA(traffic: Traffic(callsPerHour: 160, handleTime: 180), agents: 10, patience: 180)
        #expect(abs(a.probabilityOfWaiting - 0.28337574127298853) < 1e-9)
    }

    @Test func serviceLevelRunsFromNoWaitToEveryoneNotAbandoning() {
        let a = ErlangA(traffic: Traffic(callsPerHour: 300, handleTime: 180), agents: 15, patience: 90)
        #expect(abs(a.serviceLevel(within: 0) - (1 - a.probabilityOfWaiting)) < 1e-9)
        #expect(abs(a.serviceLevel(within: 3600) - (1 - a.abandonRate)) < 1e-6)
        var last = 0.0
        for t in stride(from: 0.0, through: 120, by: 10) {
            let sl = a.serviceLevel(within: t)
            #expect(sl >= last)
            last = sl
        }
    }

    @Test func overloadIsStableWhenCallersGiveUp() {
        let a = ErlangA(traffic: Traffic(callsPerHour: 400, handleTime: 180), agents: 15, patience: 60)
        #expect(a.abandonRate > 0.1 && a.abandonRate < 0.6)
        #expect(a.occupancy <= 1)
        // Served calls keep every agent nearly busy: (1 − abandon)·A ≤ N.
        #expect((1 - a.abandonRate) * 20 <= 15 + 1e-9)
    }

    @Test func moreAgentsMeanFewerAbandons() {
        let traffic = Traffic(callsPerHour: 300, handleTime: 180)
        let rates = (12...20).map { ErlangA(traffic: traffic, agents: $0, patience: 120).abandonRate }
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 > $1 })
    }
}

@Suite struct StaffingTests {
    @Test func staffingFindsTheFewestAgentsMeetingTheTarget() {
        // Checked against the textbook formula: 19 agents give 84.3 %, 18 only 74.1 %.
        let target = StaffingTarget(serviceLevel: 0.8, threshold: 20)
        #expect(Staffing.agentsNeeded(traffic: Traffic(callsPerHour: 300, handleTime: 180), patience: nil, target: target) == 19)
        #expect(Staffing.agentsNeeded(traffic: Traffic(callsPerHour: 200, handleTime: 180), patience: nil, target: target) == 14)
        let strict = StaffingTarget(serviceLevel: 0.9, threshold: 15)
        #expect(Staffing.agentsNeeded(traffic: Traffic(callsPerHour: 600, handleTime: 240), patience: nil, target: strict) == 48)
    }

    @Test func abandoningCallersNeedFewerAgentsThanErlangCSays() throws {
        let traffic = Traffic(callsPerHour: 300, handleTime: 180)
        let target = StaffingTarget(serviceLevel: 0.8, threshold: 20)
        let c = try #require(Staffing.agentsNeeded(traffic: traffic, patience: nil, target: target))
        let a = try #require(Staffing.agentsNeeded(traffic: traffic, patience: 120, target: target))
        #expect(a <= c)
        // An abandon-rate ceiling can only add agents.
        let capped = StaffingTarget(serviceLevel: 0.8, threshold: 20, maxAbandonRate: 0.01)
        #expect(try #require(Staffing.agentsNeeded(traffic: traffic, patience: 120, target: capped)) >= a)
    }

    @Test func shrinkageRoundsScheduledAgentsUp() {
        #expect(Staffing.scheduled(needed: 19, shrinkage: 0.3) == 28)
        #expect(Staffing.scheduled(needed: 20, shrinkage: 0.2) == 25)
        #expect(Staffing.scheduled(needed: 20, shrinkage: 0) == 20)
    }

    @Test func trafficIsCallsTimesHandleTime() {
        #expect(Traffic(callsPerHour: 300, handleTime: 180).erlangs == 15)
    }
}

@Suite struct PlanningFormulaTests {
    @Test("the planning formula: 200 000 customers × 0.01 × 15 % × 180 s ÷ (3600 × 85 %) = 17.6 → 18 agents")
    func handComputed() {
        let f = PlanningFormula(customers: 200_000, dailyCallRate: 0.01, peakHourShare: 0.15, handleTime: 180, maxOccupancy: 0.85)
        #expect(f.peakHourCalls == 300)
        #expect(abs(f.agents - 300 * 180 / (3600 * 0.85)) < 1e-12)
        #expect(abs(f.agents - 17.647) < 0.001)
        #expect(f.agentsNeeded == 18)
    }
}
