import Records
import Reports
import Testing

@Suite struct IntervalReportTests {
    let intervals = Fixture.report().intervals

    @Test("hours are local: the window's eight hours run 20:00 to 03:00 at +8, each covered once")
    func hourCoverage() {
        #expect(intervals.hours.count == 24)
        #expect(intervals.hours.map(\.label).prefix(2) == ["00:00", "01:00"])
        let covered = intervals.hours.filter { $0.coveredMilliseconds > 0 }.map { $0.hour! }
        #expect(covered == [0, 1, 2, 3, 20, 21, 22, 23])
        #expect(intervals.hours.allSatisfy { $0.coveredMilliseconds == 0 || $0.coveredMilliseconds == 3_600_000 })
        #expect(intervals.hours[12].arrivalsPerHour == nil)
    }

    @Test("calls fall in the local hour of their arrival, across midnight")
    func hourFigures() {
        let h = intervals.hours
        // 20: calls 1–5. Answered 1, 2; abandoned 3 (short), 4; within T: 1. 1 ÷ (5 − 1).
        #expect((h[20].calls.offered, h[20].calls.answered, h[20].calls.abandoned) == (5, 2, 2))
        #expect(h[20].calls.serviceLevelPercent == 25)
        #expect(h[20].calls.averageHandleSeconds == 315)      // (360 + 270) ÷ 2
        #expect(h[20].arrivalsPerHour == 5)
        // 21: call 6; 22: call 7 (call 8 never queued; 7 missed support's 10 s).
        #expect((h[21].calls.offered, h[21].calls.serviceLevelPercent, h[21].calls.averageHandleSeconds) == (1, 100, 210))
        #expect((h[22].calls.offered, h[22].calls.serviceLevelPercent, h[22].calls.averageHandleSeconds) == (1, 0, 170))
        // 23: call 9, though it ends after midnight.
        #expect((h[23].calls.offered, h[23].calls.averageHandleSeconds) == (1, 630))
        // 00: call 10; 01: calls 11 (short abandon) and 12.
        #expect((h[0].calls.offered, h[0].calls.serviceLevelPercent, h[0].calls.averageHandleSeconds) == (1, 100, 270))
        #expect((h[1].calls.offered, h[1].calls.answered, h[1].calls.shortAbandons) == (2, 1, 1))
        #expect(h[1].calls.serviceLevelPercent == 100)
        #expect(h[1].calls.averageHandleSeconds == 330)
        // 02, 03: covered, quiet.
        #expect(h[2].calls.offered == 0 && h[2].arrivalsPerHour == 0 && h[2].calls.serviceLevelPercent == nil)
    }

    @Test("days are local: four hours of 1 May and four of 2 May")
    func days() {
        let d = intervals.days
        #expect(d.map(\.label) == ["2024-05-01", "2024-05-02"])
        #expect(d.map(\.start) == [Fixture.midnight, Fixture.midnight + 86_400_000])
        #expect(d.map(\.coveredMilliseconds) == [14_400_000, 14_400_000])
        // 1 May: calls 1–7 and 9, less 8 (menus only): 8 offered. Answered 1, 2,
        // 6, 7, 9; abandoned 3 (short), 4; refused 5. Within T: 1, 6, 9 → 3 ÷ (8 − 1).
        #expect((d[0].calls.offered, d[0].calls.answered, d[0].calls.abandoned, d[0].calls.refused) == (8, 5, 2, 1))
        #expect(d[0].calls.serviceLevelPercent == 300.0 / 7)
        #expect(d[0].calls.averageHandleSeconds == 328)     // (360 + 270 + 210 + 170 + 630) ÷ 5
        #expect(d[0].arrivalsPerHour == 2)                  // 8 in 4 h
        // 2 May: calls 10, 11, 12. Within T: 10, 12 → 2 ÷ (3 − 1).
        #expect((d[1].calls.offered, d[1].calls.answered, d[1].calls.abandoned) == (3, 2, 1))
        #expect(d[1].calls.serviceLevelPercent == 100)
        #expect(d[1].calls.averageHandleSeconds == 300)     // (270 + 330) ÷ 2
        #expect(d[1].arrivalsPerHour == 0.75)
    }

    @Test("busiest hours: covered hours by calls offered, ties by hour")
    func busiest() {
        let order = intervals.busiestHours().map { $0.hour! }
        #expect(order == [20, 1, 0, 21, 22, 23, 2, 3])
    }

    @Test("a window that starts mid-hour covers part of that hour")
    func partialHours() {
        let w = ReportWindow(from: Fixture.at(20, 30), to: Fixture.at(21, 15), utcOffsetSeconds: Fixture.offset)
        let r = CenterReport.compute(calls: Fixture.calls, window: w, settings: Fixture.settings)
        #expect(r.intervals.hours[20].coveredMilliseconds == 1_800_000)
        #expect(r.intervals.hours[21].coveredMilliseconds == 900_000)
        // 20:30–21:00 holds calls 4 and 5: 2 calls in half an hour.
        #expect(r.intervals.hours[20].arrivalsPerHour == 4)
        #expect(r.intervals.days.map(\.coveredMilliseconds) == [2_700_000])
    }
}
