/// Calls by local time: per hour of the day (0–23, every day of the window
/// together) and per local day, each bucket holding the calls that arrived
/// in it (a call is placed by its arrival, however long it lasts).
public struct IntervalReport: Sendable, Equatable {
    /// 24 rows, index = local hour.
    public var hours: [IntervalRow]
    /// One row per local day the window touches, in order.
    public var days: [IntervalRow]

    public init(hours: [IntervalRow], days: [IntervalRow]) {
        self.hours = hours
        self.days = days
    }

    /// The hours the window covers, busiest first: by calls offered,
    /// descending, then by hour of the day. Staff planning starts here.
    public func busiestHours() -> [IntervalRow] {
        hours.filter { $0.coveredMilliseconds > 0 }
            .sorted { ($1.calls.offered, $0.hour ?? 0) < ($0.calls.offered, $1.hour ?? 0) }
    }
}

/// One hour-of-day or one day.
public struct IntervalRow: Sendable, Equatable {
    /// "08:00" for an hour, "2024-05-01" for a day.
    public var label: String
    /// The local hour, 0…23 (nil for a day row).
    public var hour: Int?
    /// Unix ms of the day's local midnight (nil for an hour row).
    public var start: Int64?
    /// How much of this hour (summed over the window's days) or day lies
    /// inside the window, ms.
    public var coveredMilliseconds: Int64
    public var calls: CallFigures

    public init(label: String, hour: Int?, start: Int64?, coveredMilliseconds: Int64, calls: CallFigures) {
        self.label = label
        self.hour = hour
        self.start = start
        self.coveredMilliseconds = coveredMilliseconds
        self.calls = calls
    }

    /// Calls offered per hour of covered time (nil when not covered): the
    /// arrival rate staffing models take.
    public var arrivalsPerHour: Double? {
        coveredMilliseconds > 0 ? Double(Int64(calls.offered) * 3_600_000) / Double(coveredMilliseconds) : nil
    }
}
