import Testing
import Records

private let day = RetentionRules.dayMilliseconds
private let now: Int64 = 400 * day

private func recording(_ id: Int64, _ queue: String?, ageDays: Int64, plus extra: Int64 = 0, bytes: Int64 = 100,
                       flagged: Bool = false) -> StoredRecording {
    StoredRecording(callID: id, path: "/rec/\(id).wav", queue: queue, started: now - ageDays * day - extra,
                    bytes: bytes, flagged: flagged)
}

private func summary(_ plan: RetentionPlan) -> [String] {
    plan.deletions.map { deletion in
        switch deletion.reason {
        case .expired(let days): "\(deletion.recording.callID) expired \(days)"
        case .spaceFloor: "\(deletion.recording.callID) floor"
        }
    }
}

@Suite struct RetentionPlanTests {
    let ageRules = try! RetentionRules(days: 30, queueDays: ["sales": 7, "complaints": 90], flaggedDays: 180,
                                       minFreeBytes: 1_000)

    @Test("Each queue keeps its own number of days; unlisted queues and no queue keep the default")
    func ageByQueue() {
        let recordings = [
            recording(1, "sales", ageDays: 8),
            recording(2, "sales", ageDays: 6),
            recording(3, nil, ageDays: 31),
            recording(4, "support", ageDays: 29),
            recording(5, "complaints", ageDays: 89),
            recording(6, "complaints", ageDays: 91),
        ]
        let plan = RetentionPlan(recordings: recordings, rules: ageRules, now: now, freeBytes: 1_000_000)
        #expect(summary(plan) == ["6 expired 90", "3 expired 30", "1 expired 7"])
        #expect(plan.freedBytes == 300)
        #expect(plan.freeBytesAfter == 1_000_300)
        #expect(!plan.mustStopRecording)
    }

    @Test("A recording exactly its period old is kept; one millisecond older is deleted")
    func boundary() {
        let plan = RetentionPlan(recordings: [recording(7, "sales", ageDays: 7), recording(8, "sales", ageDays: 7, plus: 1)],
                                 rules: ageRules, now: now, freeBytes: 1_000_000)
        #expect(summary(plan) == ["8 expired 7"])
    }

    @Test("Flagged recordings are kept for the flagged period, and never for less than their queue's")
    func flaggedKeptLonger() {
        let recordings = [
            recording(1, "sales", ageDays: 100, flagged: true),
            recording(2, "sales", ageDays: 181, flagged: true),
        ]
        let plan = RetentionPlan(recordings: recordings, rules: ageRules, now: now, freeBytes: 1_000_000)
        #expect(summary(plan) == ["2 expired 180"])

        let shortFlag = try! RetentionRules(days: 30, queueDays: ["complaints": 90], flaggedDays: 60, minFreeBytes: 0)
        #expect(shortFlag.keptDays(for: recording(3, "complaints", ageDays: 0, flagged: true)) == 90)
        #expect(shortFlag.keptDays(for: recording(4, "sales", ageDays: 0, flagged: true)) == 60)
        #expect(shortFlag.keptDays(for: recording(5, "sales", ageDays: 0)) == 30)
    }

    // Shared by the free-space tests: one expired recording, one flagged, three deletable.
    private func lowDisk() -> [StoredRecording] {
        [
            recording(14, nil, ageDays: 5, bytes: 300),
            recording(10, nil, ageDays: 40, bytes: 200),
            recording(12, nil, ageDays: 15, bytes: 300),
            recording(11, nil, ageDays: 20, bytes: 500, flagged: true),
            recording(13, nil, ageDays: 10, bytes: 300),
        ]
    }

    @Test("Below the floor, deleteOldest removes the oldest unflagged recordings until the floor is met")
    func spaceFloor() throws {
        let rules = try RetentionRules(days: 30, flaggedDays: 90, minFreeBytes: 800, whenFull: .deleteOldest)
        let plan = RetentionPlan(recordings: lowDisk(), rules: rules, now: now, freeBytes: 100)
        // 100 + 200 (expired) = 300; + 300 (id 12) = 600; + 300 (id 13) = 900 ≥ 800. Flagged 11 is skipped.
        #expect(summary(plan) == ["10 expired 30", "12 floor", "13 floor"])
        #expect(plan.freedBytes == 800)
        #expect(plan.freeBytesAfter == 900)
        #expect(!plan.mustStopRecording)
    }

    @Test("When even every unflagged recording is not enough, recording must stop; flagged ones survive")
    func floorUnreachable() throws {
        let rules = try RetentionRules(days: 30, flaggedDays: 90, minFreeBytes: 5_000, whenFull: .deleteOldest)
        let plan = RetentionPlan(recordings: lowDisk(), rules: rules, now: now, freeBytes: 100)
        #expect(summary(plan) == ["10 expired 30", "12 floor", "13 floor", "14 floor"])
        #expect(plan.freeBytesAfter == 1_200)
        #expect(plan.mustStopRecording)
    }

    @Test("With stopRecording nothing is deleted early; low space only sets the stop flag")
    func stopRecording() throws {
        let rules = try RetentionRules(days: 30, flaggedDays: 90, minFreeBytes: 800, whenFull: .stopRecording)
        let plan = RetentionPlan(recordings: lowDisk(), rules: rules, now: now, freeBytes: 100)
        #expect(summary(plan) == ["10 expired 30"])
        #expect(plan.freeBytesAfter == 300)
        #expect(plan.mustStopRecording)
    }

    @Test("Above the floor, deleteOldest deletes nothing early")
    func aboveFloor() throws {
        let rules = try RetentionRules(days: 30, flaggedDays: 90, minFreeBytes: 800, whenFull: .deleteOldest)
        let plan = RetentionPlan(recordings: lowDisk(), rules: rules, now: now, freeBytes: 600)
        #expect(summary(plan) == ["10 expired 30"])
        #expect(!plan.mustStopRecording)
    }

    @Test("Recordings started at the same moment go oldest call id first")
    func ties() throws {
        let rules = try RetentionRules(days: 30, flaggedDays: 90, minFreeBytes: 100, whenFull: .deleteOldest)
        let plan = RetentionPlan(recordings: [recording(21, nil, ageDays: 3), recording(20, nil, ageDays: 3)],
                                 rules: rules, now: now, freeBytes: 0)
        #expect(summary(plan) == ["20 floor"])
    }

    @Test("Rules with a period under one day or a negative floor are refused with the culprit named")
    func invalidRules() {
        #expect(throws: RetentionRulesError.periodTooShort(queue: nil, days: 0)) {
            try RetentionRules(days: 0, flaggedDays: 90, minFreeBytes: 0)
        }
        #expect(throws: RetentionRulesError.periodTooShort(queue: "a", days: -1)) {
            try RetentionRules(days: 30, queueDays: ["b": 0, "a": -1, "c": 5], flaggedDays: 90, minFreeBytes: 0)
        }
        #expect(throws: RetentionRulesError.flaggedPeriodTooShort(days: 0)) {
            try RetentionRules(days: 30, flaggedDays: 0, minFreeBytes: 0)
        }
        #expect(throws: RetentionRulesError.negativeFloor(bytes: -1)) {
            try RetentionRules(days: 30, flaggedDays: 90, minFreeBytes: -1)
        }
        #expect(RetentionRulesError.periodTooShort(queue: "a", days: -1).description
                == "retention: days for queue 'a' must be at least 1 (got -1)")
    }
}
