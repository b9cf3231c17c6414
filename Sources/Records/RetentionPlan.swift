/// What retention deletes now, and whether recording must stop.
///
/// 1. Every recording older than its period (`RetentionRules.keptDays`) is
///    deleted as `.expired`.
/// 2. If free space after that is still below `minFreeBytes` and the rules
///    say `.deleteOldest`, unflagged recordings are deleted oldest first
///    (by start, then call id) as `.spaceFloor` until the floor is met.
///    Flagged recordings are never deleted early.
/// 3. `mustStopRecording` is set when free space after the plan is still
///    below the floor (always the case under `.stopRecording` when low).
public struct RetentionPlan: Sendable, Equatable {
    /// Why a recording is deleted.
    public enum Reason: Sendable, Hashable {
        /// Older than the days it is kept for.
        case expired(keptDays: Int)
        /// Deleted early to keep the disk above its free-space floor.
        case spaceFloor
    }

    public struct Deletion: Sendable, Hashable {
        public var recording: StoredRecording
        public var reason: Reason
        public init(recording: StoredRecording, reason: Reason) {
            self.recording = recording
            self.reason = reason
        }
    }

    /// Expired recordings oldest first, then space-floor ones oldest first.
    public var deletions: [Deletion]
    /// Bytes the deletions free.
    public var freedBytes: Int64
    /// Free bytes once the deletions are done.
    public var freeBytesAfter: Int64
    /// Free space stays below the floor: new calls must not be recorded.
    public var mustStopRecording: Bool

    /// - Parameters:
    ///   - now: Unix milliseconds.
    ///   - freeBytes: free space on the recordings' disk now.
    public init(recordings: [StoredRecording], rules: RetentionRules, now: Int64, freeBytes: Int64) {
        let oldestFirst = recordings.sorted { ($0.started, $0.callID) < ($1.started, $1.callID) }
        var deletions: [Deletion] = []
        var kept: [StoredRecording] = []
        var freed: Int64 = 0
        for recording in oldestFirst {
            if now > rules.expiry(of: recording) {
                deletions.append(Deletion(recording: recording, reason: .expired(keptDays: rules.keptDays(for: recording))))
                freed += recording.bytes
            } else {
                kept.append(recording)
            }
        }
        if rules.whenFull == .deleteOldest {
            for recording in kept where !recording.flagged {
                if freeBytes + freed >= rules.minFreeBytes { break }
                deletions.append(Deletion(recording: recording, reason: .spaceFloor))
                freed += recording.bytes
            }
        }
        self.deletions = deletions
        freedBytes = freed
        freeBytesAfter = freeBytes + freed
        mustStopRecording = freeBytes + freed < rules.minFreeBytes
    }
}
