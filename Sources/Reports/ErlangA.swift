#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Erlang A (M/M/N+M, Palm's model): as Erlang C, but a waiting caller gives
/// up after an exponentially distributed patience of mean `patience`
/// seconds. Stable at any load; closer to a real queue than Erlang C when
/// callers abandon.
public struct ErlangA: Sendable, Equatable {
    public var traffic: Traffic
    public var agents: Int
    /// Mean patience, seconds.
    public var patience: Double

    /// π(k): steady-state probability of k callers in the system.
    public let distribution: [Double]

    public init(traffic: Traffic, agents: Int, patience: Double) {
        self.traffic = traffic
        self.agents = agents
        self.patience = patience
        distribution = Self.solve(traffic: traffic, agents: agents, patience: patience)
    }

    /// Birth–death chain: birth λ; death min(k, N)·μ + max(0, k − N)·θ.
    /// Unnormalised terms, scaled as they go so nothing overflows, cut where
    /// the tail is negligible.
    static func solve(traffic: Traffic, agents n: Int, patience: Double) -> [Double] {
        let lambda = traffic.arrivalRate, mu = 1 / traffic.handleTime, theta = 1 / patience
        var terms: [Double] = [1]
        var term = 1.0, peak = 1.0
        var k = 0
        while true {
            k += 1
            let death = Double(min(k, n)) * mu + Double(max(0, k - n)) * theta
            term *= lambda / death
            if term > 1e250 {  // rescale
                for i in terms.indices { terms[i] /= term }
                peak /= term
                term = 1
            }
            terms.append(term)
            peak = max(peak, term)
            if k > n, term < peak * 1e-16, k > 10 { break }
            if k > 1_000_000 { break }
        }
        let total = terms.reduce(0, +)
        return terms.map { $0 / total }
    }

    /// Probability that a caller finds every agent busy (and waits).
    public var probabilityOfWaiting: Double { distribution[min(agents, distribution.count)...].reduce(0, +) }

    /// Mean number of callers waiting.
    public var meanQueueLength: Double {
        var sum = 0.0
        for k in agents..<distribution.count { sum += Double(k - agents) * distribution[k] }
        return sum
    }

    /// Fraction of callers who give up: θ·E[Q] / λ.
    public var abandonRate: Double { meanQueueLength / patience / traffic.arrivalRate }

    /// Mean wait of all callers (answered or not), seconds: E[Q] / λ (Little).
    public var averageWait: Double { meanQueueLength / traffic.arrivalRate }

    /// Share of staffed time spent handling calls: (1 − abandon) · A / N.
    public var occupancy: Double { min(1, (1 - abandonRate) * traffic.erlangs / Double(max(1, agents))) }

    /// Fraction of all callers answered within `threshold` seconds.
    ///
    /// A caller who finds m callers ahead of them moves up at rate N·μ + m·θ
    /// (an agent frees, or someone ahead gives up) and gives up at rate θ. The
    /// chance of being answered by t is found by uniformisation: a discrete
    /// chain stepping at rate Λ, weighted by Poisson(Λt) step counts.
    public func serviceLevel(within threshold: Double) -> Double {
        let n = agents
        let mu = 1 / traffic.handleTime, theta = 1 / patience
        let immediate = distribution[..<min(n, distribution.count)].reduce(0, +)
        let queued = max(0, distribution.count - n)
        guard queued > 0, threshold > 0 else { return immediate }
        let capacity = Double(n) * mu
        let rate = capacity + Double(queued) * theta + theta
        let steps = rate * threshold
        // g[m]: chance to be answered within the steps taken so far, starting with m ahead.
        var g = [Double](repeating: 0, count: queued)
        var answered = [Double](repeating: 0, count: queued)
        // Poisson weights straight from logarithms, so a long threshold
        // (many steps, e^(−Λt) below the smallest Double) loses nothing.
        func poisson(_ k: Int) -> Double { exp(-steps + Double(k) * log(steps) - lgamma(Double(k) + 1)) }
        var cumulative = poisson(0)
        let maxSteps = Int(steps + 12 * steps.squareRoot() + 20)
        var step = 0
        var next = g
        while step < maxSteps {
            step += 1
            for m in 0..<queued {
                let forward = (capacity + Double(m) * theta) / rate
                let stay = 1 - forward - theta / rate
                next[m] = forward * (m == 0 ? 1 : g[m - 1]) + stay * g[m]
            }
            swap(&g, &next)
            let weight = poisson(step)
            cumulative += weight
            for m in 0..<queued { answered[m] += weight * g[m] }
            if 1 - cumulative < 1e-13, Double(step) > steps { break }
        }
        var level = immediate
        for m in 0..<queued { level += distribution[n + m] * answered[m] }
        return level
    }
}
