/// What a queue should achieve.
public struct StaffingTarget: Sendable, Equatable {
    /// Fraction answered within `threshold` seconds (0.8 for "80/20").
    public var serviceLevel: Double
    public var threshold: Double
    /// Highest acceptable abandon rate (Erlang A only).
    public var maxAbandonRate: Double?
    /// Highest acceptable average speed of answer, seconds (Erlang C only).
    public var maxAverageSpeedOfAnswer: Double?

    public init(serviceLevel: Double, threshold: Double, maxAbandonRate: Double? = nil, maxAverageSpeedOfAnswer: Double? = nil) {
        self.serviceLevel = serviceLevel
        self.threshold = threshold
        self.maxAbandonRate = maxAbandonRate
        self.maxAverageSpeedOfAnswer = maxAverageSpeedOfAnswer
    }
}

/// One staffing level and what the model predicts for it.
public struct StaffingRow: Sendable, Equatable {
    public var agents: Int
    public var serviceLevel: Double
    public var probabilityOfWaiting: Double
    /// Erlang C: ASA of all callers; Erlang A: mean wait of all callers (seconds).
    public var averageWait: Double
    /// Erlang A only (0 for Erlang C).
    public var abandonRate: Double
    public var occupancy: Double
    public var meetsTarget: Bool
}

/// Finds staffing levels: Erlang C when callers never give up (`patience`
/// nil), Erlang A otherwise.
public enum Staffing {
    public static func row(traffic: Traffic, agents: Int, patience: Double?, target: StaffingTarget) -> StaffingRow {
        if let patience {
            let model = ErlangA(traffic: traffic, agents: agents, patience: patience)
            let sl = model.serviceLevel(within: target.threshold)
            let meets = sl >= target.serviceLevel && (target.maxAbandonRate.map { model.abandonRate <= $0 } ?? true)
            return StaffingRow(agents: agents, serviceLevel: sl, probabilityOfWaiting: model.probabilityOfWaiting,
                               averageWait: model.averageWait, abandonRate: model.abandonRate,
                               occupancy: model.occupancy, meetsTarget: meets)
        }
        let model = ErlangC(traffic: traffic, agents: agents)
        let sl = model.serviceLevel(within: target.threshold)
        let meets = model.isStable && sl >= target.serviceLevel
            && (target.maxAverageSpeedOfAnswer.map { model.averageSpeedOfAnswer <= $0 } ?? true)
        return StaffingRow(agents: agents, serviceLevel: sl, probabilityOfWaiting: model.probabilityOfWaiting,
                           averageWait: model.averageSpeedOfAnswer, abandonRate: 0,
                           occupancy: model.occupancy, meetsTarget: meets)
    }

    /// The fewest agents that meet the target (nil if none up to `limit`).
    public static func agentsNeeded(traffic: Traffic, patience: Double?, target: StaffingTarget, limit: Int = 2000) -> Int? {
        let start = patience == nil ? max(1, Int(traffic.erlangs.rounded(.down)) + 1) : 1
        guard start <= limit else { return nil }
        for n in start...limit where row(traffic: traffic, agents: n, patience: patience, target: target).meetsTarget {
            return n
        }
        return nil
    }

    /// Agents to schedule so that `needed` are on the phones when a share
    /// `shrinkage` of paid time goes to breaks, training and absence.
    public static func scheduled(needed: Int, shrinkage: Double) -> Int {
        guard shrinkage > 0, shrinkage < 1 else { return needed }
        return Int((Double(needed) / (1 - shrinkage)).rounded(.up))
    }
}
