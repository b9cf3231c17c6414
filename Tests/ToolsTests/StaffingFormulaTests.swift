import Testing
import Reports
import Tools

@Suite struct StaffingFormulaTests {
    @Test("kefu staffing with --customers sizes the peak hour by the planning formula and Erlang C side by side")
    func formulaBesideErlang() throws {
        var options = StaffingOptions()
        options.handleTime = 180
        options.formula = PlanningFormula(customers: 200_000, dailyCallRate: 0.01, peakHourShare: 0.15, handleTime: 180, maxOccupancy: 0.85)
        let report = try StaffingTool.run(options)
        // Peak hour: 300 calls of 180 s = 15 Erlangs; 80 % within 20 s needs 19 by Erlang C.
        #expect(report.options.callsPerHour == 300)
        #expect(report.needed == 19)
        #expect(report.text.contains("planning formula: 200000 customers × 0.01 calls/day × 15.0 % in the peak hour × 180 s ÷ (3600 × 85.0 % occupancy) = 17.6 → 18 agents (no waiting target; Erlang: 19)"))
        var bad = options
        bad.formula?.peakHourShare = 1.5
        #expect(throws: UsageError.self) { try StaffingTool.run(bad) }
    }
}
