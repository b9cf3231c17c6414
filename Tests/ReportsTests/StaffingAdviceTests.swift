#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Records
import Reports
import Testing

/// Erlang C from its textbook series, independent of the library:
/// C = (Aᴺ/N!)·N/(N−A) ÷ (Σₖ₌₀ᴺ⁻¹ Aᵏ/k! + (Aᴺ/N!)·N/(N−A)), with each Aᵏ/k!
/// built from the one before; and the service level 1 − C·e^(−(N−A)·t/AHT).
private func seriesServiceLevel(agents n: Int, erlangs a: Double, aht: Double, within t: Double) -> Double {
    var term = 1.0, below = 0.0
    for k in 0..<n {
        below += term
        term *= a / Double(k + 1)
    }
    let top = term * Double(n) / (Double(n) - a)
    let c = top / (below + top)
    return 1 - c * exp(-(Double(n) - a) * t / aht)
}

@Suite struct StaffingAdviceTests {
    let report = Fixture.report()
    let target = StaffingTarget(serviceLevel: 0.8, threshold: 20)

    @Test("the window is cut into half hours from its start")
    func intervals() {
        let s = report.staffingIntervals
        #expect(s.count == 16)
        #expect(s.first?.start == Fixture.at(20, 0))
        #expect(s.last?.start == Fixture.at(27, 30))
        #expect(s.allSatisfy { $0.durationMilliseconds == 1_800_000 })
        #expect(s.map(\.offered).reduce(0, +) == report.total.calls.offered)
    }

    @Test("20:00–20:30: had 1.83 agents, needed what the textbook Erlang C says")
    func firstHalfHour() {
        // Calls 1, 2, 3 arrived: 3 in 30 min = 6 per hour; answered 1 and 2:
        // AHT (360 + 270) ÷ 2 = 315 s; A = 6 × 315 / 3600 = 0.525 Erlang.
        // Staffed: 8001 all 1 800 s, 8002 from 20:05 1 500 s, 8003 not yet in:
        // 3 300 ÷ 1 800 = 11/6 agents, modelled as 2.
        let row = report.staffingAdvice(target: target)[0]
        #expect(row.start == Fixture.at(20, 0))
        #expect(row.calls == 3)
        #expect(row.averageHandleSeconds == 315)
        #expect(row.agentsHad == 11.0 / 6)
        let a = 0.525
        let needed = (1...10).first { n in Double(n) > a && seriesServiceLevel(agents: n, erlangs: a, aht: 315, within: 20) >= 0.8 }
        #expect(needed == 2)                      // one agent: 49.1 %; two: 90.1 %
        #expect(row.agentsNeeded == needed)
        let predicted = seriesServiceLevel(agents: 2, erlangs: a, aht: 315, within: 20) * 100
        #expect(abs(row.predictedServiceLevelPercent! - predicted) < 1e-9)
    }

    @Test("no answered calls: no AHT, so no advice; no calls: nobody needed")
    func quietIntervals() {
        let rows = report.staffingAdvice(target: target)
        // 20:30–21:00: calls 4 (abandoned) and 5 (refused). 8001 and 8002 all
        // along, 8003 from 20:50: 4 200 s ÷ 1 800.
        #expect(rows[1].calls == 2)
        #expect(rows[1].averageHandleSeconds == nil)
        #expect(rows[1].agentsNeeded == nil)
        #expect(rows[1].predictedServiceLevelPercent == nil)
        #expect(rows[1].agentsHad == 7.0 / 3)
        // 02:00–02:30: no calls; 8001 on a break until 02:10: (1 200 + 1 800 + 1 800) ÷ 1 800.
        #expect(rows[12].calls == 0)
        #expect(rows[12].agentsNeeded == 0)
        #expect(rows[12].predictedServiceLevelPercent == nil)
        #expect(rows[12].agentsHad == 8.0 / 3)
    }

    @Test("hour-long intervals when the settings ask for them")
    func hourly() {
        var settings = Fixture.settings
        settings.staffingIntervalMinutes = 60
        let s = Fixture.report(settings: settings).staffingIntervals
        #expect(s.count == 8)
        // 20:00–21:00: calls 1–5; staffed 3 600 + 3 300 + 600 s.
        #expect(s[0].offered == 5)
        #expect(s[0].staffedMilliseconds == 7_500_000)
    }
}
