#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Erlang C (M/M/N): Poisson arrivals, exponential handle times, `agents`
/// agents, callers who never give up, served in order of arrival.
public struct ErlangC: Sendable, Equatable {
    public var traffic: Traffic
    public var agents: Int

    public init(traffic: Traffic, agents: Int) {
        self.traffic = traffic
        self.agents = agents
    }

    /// Erlang B blocking probability for `servers` and `load` Erlangs, by the
    /// recursion B(k) = A·B(k−1) / (k + A·B(k−1)), B(0) = 1.
    public static func erlangB(servers: Int, load: Double) -> Double {
        var b = 1.0
        if servers > 0 {
            for k in 1...servers { b = load * b / (Double(k) + load * b) }
        }
        return b
    }

    /// Whether the queue is stable (agents > offered load); otherwise every
    /// caller waits and waits grow without end.
    public var isStable: Bool { Double(agents) > traffic.erlangs }

    /// Probability that a caller waits: C(N, A) = N·B / (N − A·(1 − B)).
    public var probabilityOfWaiting: Double {
        let a = traffic.erlangs, n = Double(agents)
        guard isStable else { return 1 }
        let b = Self.erlangB(servers: agents, load: a)
        return n * b / (n - a * (1 - b))
    }

    /// Fraction of callers answered within `threshold` seconds:
    /// 1 − C·e^(−(N − A)·t / AHT).
    public func serviceLevel(within threshold: Double) -> Double {
        guard isStable else { return 0 }
        let a = traffic.erlangs, n = Double(agents)
        return 1 - probabilityOfWaiting * exp(-(n - a) * threshold / traffic.handleTime)
    }

    /// Average speed of answer, seconds: C · AHT / (N − A).
    public var averageSpeedOfAnswer: Double {
        guard isStable else { return .infinity }
        return probabilityOfWaiting * traffic.handleTime / (Double(agents) - traffic.erlangs)
    }

    /// Share of staffed time spent handling calls: A / N.
    public var occupancy: Double { min(1, traffic.erlangs / Double(max(1, agents))) }
}
