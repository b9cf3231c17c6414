/// A scored call as the supervisor's review list sees it.
public struct ReviewItem: Sendable, Hashable {
    public var callID: Int64
    /// The agent's config id.
    public var agent: String
    /// Local day, "YYYY-MM-DD" (see `LocalTimestamp.date`).
    public var day: String
    /// Quality score, 0…100.
    public var score: Int

    public init(callID: Int64, agent: String, day: String, score: Int) {
        self.callID = callID
        self.agent = agent
        self.day = day
        self.score = score
    }
}

/// The calls a supervisor should listen to: each agent's worst of each day,
/// so every agent gets reviewed, not just the one with the most bad calls.
public enum ReviewList {
    /// The `n` lowest-scored calls per agent per day (equal scores: lower
    /// call id first), ordered by day, agent, score, call id.
    /// `n` of 0 or less gives an empty list.
    public static func worst(_ items: [ReviewItem], perAgentPerDay n: Int) -> [ReviewItem] {
        guard n > 0 else { return [] }
        let ordered = items.sorted {
            ($0.day, $0.agent, $0.score, $0.callID) < ($1.day, $1.agent, $1.score, $1.callID)
        }
        var result: [ReviewItem] = []
        var taken = 0
        var previous: ReviewItem?
        for item in ordered {
            if let previous, previous.day == item.day, previous.agent == item.agent {
                taken += 1
            } else {
                taken = 1
            }
            previous = item
            if taken <= n { result.append(item) }
        }
        return result
    }
}
