// Reports — what happened, and what staffing it needed.
//
// What it does: the center's KPIs from stored rows (`CenterReport`: per
// queue offered, answered, abandoned and short abandons, service level,
// ASA, AHT with wrap-up, CSAT/DSAT, first-call resolution by repeat
// callers; per agent answered, AHT, time logged in and paused by reason,
// occupancy; per hour and day; "you had M agents, you needed N" per half
// hour), as tables or CSV for Excel (`ReportCSV`). It also predicts a queue's service from its traffic and staffing
// (Erlang C: callers wait for ever; Erlang A: callers give up after an
// exponentially distributed patience) and finds the fewest agents that
// meet a target (service level within a threshold, abandon rate, ASA). The
// ACD counts what really happened (QueueStatistics in the ACD module);
// these models say what to expect, for `kefu staffing` and for checking
// `kefu sim` against theory.
// How it works: the KPIs are one forward pass over the agents' state
// changes and one backward pass over the calls (the backward pass knows
// each caller's next call, for FCR), with small string tables keyed by
// queue, agent and caller; a million calls take under a second
// (Benchmarks: report-bench). The models are pure functions of numbers. Erlang C uses the stable Erlang B
// recursion; Erlang A solves the birth–death chain of M/M/N+M, truncated
// where its probabilities fall below 1e-15, and gets the waiting-time
// service level by uniformisation of a tagged caller's progress through
// the queue. Times are in seconds; rates per hour on the outside.

/// Offered traffic: how many calls arrive and how long each keeps an agent.
public struct Traffic: Sendable, Equatable {
    public var callsPerHour: Double
    /// Average handle time (talk + wrap-up), seconds.
    public var handleTime: Double
    public init(callsPerHour: Double, handleTime: Double) {
        self.callsPerHour = callsPerHour
        self.handleTime = handleTime
    }
    /// Offered load in Erlangs (agents busy on average if all are answered).
    public var erlangs: Double { callsPerHour / 3600 * handleTime }
    /// Calls per second.
    public var arrivalRate: Double { callsPerHour / 3600 }
}
