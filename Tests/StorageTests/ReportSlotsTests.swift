import Foundation
import Records
import Reports
import Storage
import Testing

@Suite struct ReportSlotsTests {
    static func store(_ scratch: Scratch, _ batches: [[StoreItem]]) throws -> CallStore {
        let store = try CallStore(path: scratch.path + "/kefu.db")
        for batch in batches { try store.write(batch) }
        return store
    }

    /// Every row of the days in memory, as the engine takes them.
    static func fromMemory(_ day: ReportDay, _ window: ReportWindow) -> CenterReport {
        let calls = (day.calls + day.started.map { CallDetail(callID: $0.id, line: 1, arrived: $0.arrived) })
            .sorted { ($0.arrived, $0.callID) < ($1.arrived, $1.callID) }
        return CenterReport.compute(calls: calls, agentStates: day.states, queueEvents: day.events, window: window, settings: ReportDay.settings)
    }

    static let windows: [ReportWindow] = [
        ReportDay.day(0), ReportDay.day(1),
        ReportWindow(from: ReportDay.day(0).from, to: ReportDay.day(1).to, utcOffsetSeconds: ReportDay.offset),
        ReportWindow(from: ReportDay.day(0).from + 10 * 3_600_000, to: ReportDay.day(0).from + 13 * 3_600_000 + 1_800_000,
                     utcOffsetSeconds: ReportDay.offset),
    ]

    @Test("the half-hour tables give every figure of the report the rows give, for days, two days and hours")
    func tablesMatchRows() throws {
        let scratch = Scratch("slots-match")
        defer { scratch.remove() }
        let day = ReportDay(seed: 7)
        let store = try Self.store(scratch, day.itemsInOrder)
        for window in Self.windows {
            let (fromTables, source) = try store.centerReport(window: window, settings: ReportDay.settings, agents: ReportDay.agents)
            #expect(source == .halfHours)
            let fromRows = try store.centerReportFromRows(window: window, settings: ReportDay.settings, agents: ReportDay.agents)
            #expect(fromTables == fromRows)
            #expect(fromTables == Self.fromMemory(day, window))
            #expect(fromTables.total.calls.offered > 0 && fromTables.total.calls.repeatCalls > 0)
            #expect(fromTables.total.calls.wrapUpMilliseconds > 0 && !fromTables.agents.isEmpty)
        }
    }

    @Test("rows written out of order, and calls written twice, leave the same tables as rows written as they happened")
    func orderDoesNotMatter() throws {
        let inOrder = Scratch("slots-order-a"), scrambled = Scratch("slots-order-b")
        defer { inOrder.remove(); scrambled.remove() }
        let day = ReportDay(seed: 11)
        let a = try Self.store(inOrder, day.itemsInOrder)
        let b = try Self.store(scrambled, day.itemsScrambled)
        for window in Self.windows {
            let slotsA = try #require(try a.reportSlots(window: window, agents: ReportDay.agents))
            let slotsB = try #require(try b.reportSlots(window: window, agents: ReportDay.agents))
            #expect(CenterReport.compute(slots: slotsA, window: window, settings: ReportDay.settings)
                    == CenterReport.compute(slots: slotsB, window: window, settings: ReportDay.settings))
            #expect(try b.centerReport(window: window, settings: ReportDay.settings, agents: ReportDay.agents).0
                    == b.centerReportFromRows(window: window, settings: ReportDay.settings, agents: ReportDay.agents))
        }
    }

    @Test("a database written before the tables existed has its rows counted in when it is opened")
    func backfillAtMigration() throws {
        let scratch = Scratch("slots-backfill")
        defer { scratch.remove() }
        let day = ReportDay(seed: 23)
        let path = scratch.path + "/kefu.db"
        do {
            let db = try SQLiteDatabase(path: path)
            for version in 0..<2 { try db.execute(Schema.migrations[version]) }
            try db.execute("PRAGMA user_version = 2")
            try OldRows.insert(day, into: db)
        }
        let store = try CallStore(path: path)
        #expect(store.db.userVersion == Schema.migrations.count)
        for window in Self.windows {
            let (fromTables, source) = try store.centerReport(window: window, settings: ReportDay.settings, agents: ReportDay.agents)
            #expect(source == .halfHours)
            #expect(fromTables.total.calls.offered > 0)
            #expect(fromTables == Self.fromMemory(day, window))
        }
    }

    @Test("a window not on half hours, or other report rules, are read from the rows")
    func unsuitableWindowsReadRows() throws {
        let scratch = Scratch("slots-rows")
        defer { scratch.remove() }
        let day = ReportDay(seed: 5)
        let store = try Self.store(scratch, day.itemsInOrder)
        let odd = ReportWindow(from: ReportDay.day(0).from + 600_000, to: ReportDay.day(0).to, utcOffsetSeconds: ReportDay.offset)
        #expect(try store.centerReport(window: odd, settings: ReportDay.settings, agents: ReportDay.agents).1 == .rows)
        var hourly = ReportDay.settings
        hourly.repeatWindowHours = 48
        #expect(try store.centerReport(window: ReportDay.day(0), settings: hourly, agents: ReportDay.agents).1 == .rows)
        let nepal = ReportWindow(from: ReportDay.day(0).from, to: ReportDay.day(0).to, utcOffsetSeconds: 20_700)
        #expect(try store.centerReport(window: nepal, settings: ReportDay.settings, agents: ReportDay.agents).1 == .rows)
        // Inside a half hour with rows after it: the rows.
        let cut = ReportWindow(from: ReportDay.day(0).from, to: ReportDay.day(0).to - 600_000, utcOffsetSeconds: ReportDay.offset)
        #expect(try store.centerReport(window: cut, settings: ReportDay.settings, agents: ReportDay.agents).1 == .rows)
    }

    @Test("a report ending now, inside a half hour, comes from the tables with open states counted up to now")
    func todayUpToNow() throws {
        let scratch = Scratch("slots-now")
        defer { scratch.remove() }
        let day = ReportDay(seed: 31)
        let store = try Self.store(scratch, day.itemsInOrder)
        let last = max(day.states.map(\.at).max()!, day.events.map(\.at).max()!, day.calls.map(\.arrived).max()!)
        let window = ReportWindow(from: ReportDay.day(1).from, to: last + 1 + (ReportSlot.isBoundary(last + 1) ? 1 : 0),
                                  utcOffsetSeconds: ReportDay.offset)
        let (fromTables, source) = try store.centerReport(window: window, settings: ReportDay.settings, agents: ReportDay.agents)
        #expect(source == .halfHours)
        #expect(fromTables == (try store.centerReportFromRows(window: window, settings: ReportDay.settings, agents: ReportDay.agents)))
        #expect(fromTables == Self.fromMemory(day, window))
    }

    @Test("retention drops the half hours it cut; reports over them read the rows left, later ones the tables")
    func retentionCut() throws {
        let scratch = Scratch("slots-retention")
        defer { scratch.remove() }
        let day = ReportDay(seed: 3)
        let store = try Self.store(scratch, day.itemsInOrder)
        _ = try store.deleteCalls(before: ReportDay.day(0).from + 12 * 3_600_000 + 60_000)
        let (first, firstSource) = try store.centerReport(window: ReportDay.day(0), settings: ReportDay.settings, agents: ReportDay.agents)
        #expect(firstSource == .rows)
        #expect(first.total.calls.offered > 0)
        let (second, secondSource) = try store.centerReport(window: ReportDay.day(1), settings: ReportDay.settings, agents: ReportDay.agents)
        #expect(secondSource == .halfHours)
        #expect(second == (try store.centerReportFromRows(window: ReportDay.day(1), settings: ReportDay.settings, agents: ReportDay.agents)))
    }
}

/// Rows as firmware before the half-hour tables wrote them (schema 2).
enum OldRows {
    static func insert(_ day: ReportDay, into db: SQLiteDatabase) throws {
        try db.transaction { () throws(SQLiteError) in
            for s in day.started {
                try db.statement("INSERT INTO calls (id, line, arrived_ms, state) VALUES (?1, 1, ?2, 'in-progress')").run([s.id, s.arrived])
            }
            for c in day.calls {
                try db.statement("""
                    INSERT INTO calls (id, line, caller_number, arrived_ms, answered_ms, queued_ms, connected_ms, ended_ms, end_reason,
                        queue, agent, survey_score, state, direction)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'finished', ?13)
                    """).run([c.callID, c.line, c.callerNumber, c.arrived, c.answered, c.queued, c.connected, c.ended, c.endReason,
                              c.queue, c.agent, c.surveyScore, c.direction])
            }
            for s in day.states {
                try db.statement("INSERT INTO agent_states (agent, state, reason, call_id, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .run([s.agent, s.state, s.reason, s.callID, s.at])
            }
            for e in day.events {
                try db.statement("INSERT INTO queue_events (call_id, queue, kind, agent, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .run([e.callID, e.queue, e.kind, e.agent, e.at])
            }
        }
    }
}
