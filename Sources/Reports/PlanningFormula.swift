/// The sizing rule of thumb used in Chinese hotline planning (呼叫中心坐席
/// 数量估算): peak-hour calls = customers × daily call rate × peak-hour
/// share; agents = peak-hour calls × AHT ÷ (3600 × maximum occupancy).
/// It ignores waiting (no service level), so it is shown beside Erlang C,
/// not instead of it.
public struct PlanningFormula: Sendable, Equatable {
    public var customers: Double
    /// Calls per customer per day (0.002: one call in 500 customers a day).
    public var dailyCallRate: Double
    /// The busiest hour's share of the day's calls (0.15 typical).
    public var peakHourShare: Double
    /// Average handle time, seconds.
    public var handleTime: Double
    /// The highest occupancy agents can sustain (0.85 typical).
    public var maxOccupancy: Double

    public init(customers: Double, dailyCallRate: Double, peakHourShare: Double, handleTime: Double, maxOccupancy: Double) {
        self.customers = customers
        self.dailyCallRate = dailyCallRate
        self.peakHourShare = peakHourShare
        self.handleTime = handleTime
        self.maxOccupancy = maxOccupancy
    }

    public var peakHourCalls: Double { customers * dailyCallRate * peakHourShare }
    /// The formula's agents, unrounded.
    public var agents: Double { peakHourCalls * handleTime / (3600 * maxOccupancy) }
    /// Whole agents (rounded up).
    public var agentsNeeded: Int { Int(agents.rounded(.up)) }
}
