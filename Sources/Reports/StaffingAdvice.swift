/// "You had M agents, you needed N": each staffing interval's measured
/// traffic put through Erlang C.
///
/// - calls: calls offered in the interval (they arrived in it and joined a
///   queue), as a rate per hour of the interval;
/// - AHT: mean talk + wrap-up of those answered;
/// - agents had M: mean agents logged in and not paused over the interval;
/// - agents needed N: the fewest agents Erlang C says meet the target with
///   that traffic (`Staffing.agentsNeeded`, callers assumed patient);
/// - predicted service level: Erlang C's for M rounded to the nearest
///   whole agent (half up), percent.
/// All queues are pooled: agents' states do not say which queue they serve.
public struct StaffingAdviceRow: Sendable, Equatable {
    /// Unix ms.
    public var start: Int64
    public var durationMilliseconds: Int64
    public var calls: Int
    /// Seconds; nil when no call was answered.
    public var averageHandleSeconds: Double?
    public var agentsHad: Double
    /// 0 without calls; nil when the AHT is unknown or no staffing up to
    /// the search limit meets the target.
    public var agentsNeeded: Int?
    /// Nil without calls or without an AHT.
    public var predictedServiceLevelPercent: Double?

    public init(start: Int64, durationMilliseconds: Int64, calls: Int, averageHandleSeconds: Double?,
                agentsHad: Double, agentsNeeded: Int?, predictedServiceLevelPercent: Double?) {
        self.start = start
        self.durationMilliseconds = durationMilliseconds
        self.calls = calls
        self.averageHandleSeconds = averageHandleSeconds
        self.agentsHad = agentsHad
        self.agentsNeeded = agentsNeeded
        self.predictedServiceLevelPercent = predictedServiceLevelPercent
    }

    /// Advice for one measured interval.
    public init(_ interval: StaffingInterval, target: StaffingTarget) {
        var needed: Int?
        var predicted: Double?
        if interval.offered == 0 {
            needed = 0
        } else if let aht = interval.averageHandleSeconds, aht > 0 {
            let traffic = Traffic(callsPerHour: interval.callsPerHour, handleTime: aht)
            needed = Staffing.agentsNeeded(traffic: traffic, patience: nil, target: target)
            let had = Int(interval.agentsHad.rounded(.toNearestOrAwayFromZero))
            predicted = ErlangC(traffic: traffic, agents: had).serviceLevel(within: target.threshold) * 100
        }
        self.init(start: interval.start, durationMilliseconds: interval.durationMilliseconds, calls: interval.offered,
                  averageHandleSeconds: interval.averageHandleSeconds, agentsHad: interval.agentsHad,
                  agentsNeeded: needed, predictedServiceLevelPercent: predicted)
    }
}

extension CenterReport {
    /// Staffing advice for every interval of the window, against `target`
    /// (default 80 % answered within 20 s).
    public func staffingAdvice(target: StaffingTarget = StaffingTarget(serviceLevel: 0.8, threshold: 20)) -> [StaffingAdviceRow] {
        staffingIntervals.map { StaffingAdviceRow($0, target: target) }
    }
}
