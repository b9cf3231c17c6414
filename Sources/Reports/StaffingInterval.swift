/// What one staffing interval (half hour or hour from the window's start)
/// measured: the traffic that arrived and the agents that were there.
public struct StaffingInterval: Sendable, Equatable {
    /// Unix ms.
    public var start: Int64
    /// Its length inside the window, ms (the last one may be cut short).
    public var durationMilliseconds: Int64
    /// Calls that arrived in the interval and joined a queue.
    public var offered: Int
    /// Of those, answered.
    public var answered: Int
    /// Their talk + wrap-up, ms.
    public var handleMilliseconds: Int64
    /// Agent-milliseconds logged in and not paused during the interval.
    public var staffedMilliseconds: Int64

    public init(start: Int64, durationMilliseconds: Int64, offered: Int = 0, answered: Int = 0,
                handleMilliseconds: Int64 = 0, staffedMilliseconds: Int64 = 0) {
        self.start = start
        self.durationMilliseconds = durationMilliseconds
        self.offered = offered
        self.answered = answered
        self.handleMilliseconds = handleMilliseconds
        self.staffedMilliseconds = staffedMilliseconds
    }

    /// Mean number of agents logged in and not paused.
    public var agentsHad: Double {
        durationMilliseconds > 0 ? Double(staffedMilliseconds) / Double(durationMilliseconds) : 0
    }

    /// AHT of the answered calls, seconds.
    public var averageHandleSeconds: Double? { Ratio.meanSeconds(handleMilliseconds, over: answered) }

    /// Offered calls per hour.
    public var callsPerHour: Double {
        durationMilliseconds > 0 ? Double(Int64(offered) * 3_600_000) / Double(durationMilliseconds) : 0
    }
}
