/// The thresholds a call-center report is measured against. Defaults are
/// the common industry ones; the console passes the config's values.
public struct ReportSettings: Sendable, Equatable {
    /// Service-level threshold T per queue, seconds: the config's
    /// `service_level` (80/20 is common; China hotlines often use 90 % in
    /// 10 s). Queues named here get a report row even without calls.
    public var serviceLevelSeconds: [String: Int]
    /// T for a queue not named in `serviceLevelSeconds`.
    public var defaultServiceLevelSeconds: Int
    /// A caller who hangs up within this many seconds of joining the queue is
    /// a short abandon: a misdial or a change of mind, not a service failure,
    /// so service level leaves them out.
    public var shortAbandonSeconds: Int
    /// A caller who calls again within this many hours of a call's arrival
    /// makes that call a repeat (not resolved first time).
    public var repeatWindowHours: Int
    /// Highest survey score (scores run 1…`surveyScale`).
    public var surveyScale: Int
    /// Length of the staffing-advice intervals, minutes (30 or 60).
    public var staffingIntervalMinutes: Int
    /// How far, milliseconds, an agent's wrap-up may start from a call's end
    /// and still belong to it (both stamps come from the same clock tick,
    /// so they normally agree exactly).
    public var wrapUpMatchMilliseconds: Int64

    public init(serviceLevelSeconds: [String: Int] = [:], defaultServiceLevelSeconds: Int = 20,
                shortAbandonSeconds: Int = 5, repeatWindowHours: Int = 24, surveyScale: Int = 5,
                staffingIntervalMinutes: Int = 30, wrapUpMatchMilliseconds: Int64 = 1000) {
        self.serviceLevelSeconds = serviceLevelSeconds
        self.defaultServiceLevelSeconds = defaultServiceLevelSeconds
        self.shortAbandonSeconds = shortAbandonSeconds
        self.repeatWindowHours = repeatWindowHours
        self.surveyScale = surveyScale
        self.staffingIntervalMinutes = staffingIntervalMinutes
        self.wrapUpMatchMilliseconds = wrapUpMatchMilliseconds
    }

    /// T for `queue`, seconds.
    public func serviceLevelSeconds(for queue: String) -> Int {
        serviceLevelSeconds[queue] ?? defaultServiceLevelSeconds
    }

    var staffingIntervalMilliseconds: Int64 { Int64(max(1, staffingIntervalMinutes)) * 60_000 }
    var repeatWindowMilliseconds: Int64 { Int64(repeatWindowHours) * 3_600_000 }
    var shortAbandonMilliseconds: Int64 { Int64(shortAbandonSeconds) * 1000 }
}
