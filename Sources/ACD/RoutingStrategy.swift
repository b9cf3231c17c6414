import Telephony

/// A free agent who may take the caller, as a strategy sees them.
public struct RoutingCandidate: Sendable, Equatable {
    public var id: AgentID
    /// Position in the configuration (linear order, round-robin order).
    public var order: Int
    /// When they last became free (after wrap-up, login or unpause).
    public var idleSince: SampleTime
    public var callsTaken: Int
    public var talkTime: SampleTime
    /// Sum of their levels in the skills the queue requires.
    public var skillScore: Int

    public init(id: AgentID, order: Int, idleSince: SampleTime, callsTaken: Int = 0, talkTime: SampleTime = .zero, skillScore: Int = 0) {
        self.id = id
        self.order = order
        self.idleSince = idleSince
        self.callsTaken = callsTaken
        self.talkTime = talkTime
        self.skillScore = skillScore
    }
}

/// What a strategy may read and remember while choosing.
public struct RoutingContext: Sendable {
    public var now: SampleTime
    public var random: SeededRandom
    /// Round-robin memory of this queue: the order of the agent last offered a call.
    public var lastOffered: Int?
    public init(now: SampleTime, random: SeededRandom, lastOffered: Int? = nil) {
        self.now = now
        self.random = random
        self.lastOffered = lastOffered
    }
}

/// One way of choosing whose phone rings. Each strategy is its own type in
/// Strategies/ and is registered once, in `RoutingStrategies.table`.
public protocol RoutingStrategy: Sendable {
    /// The name configurations use ("longest-idle").
    var name: String { get }
    /// One line for `kefu` help and documentation.
    var summary: String { get }
    /// Indices into `candidates` (never empty; configuration order) of the
    /// agents to ring at once: one, or several for ring-all.
    func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int]
}

/// Every routing strategy, registered in one place.
public enum RoutingStrategies {
    public static let table: [any RoutingStrategy] = [
        RingAll(), LongestIdle(), RoundRobin(), FewestCalls(), LeastTalkTime(),
        Linear(), RandomAgent(), SkillsWeighted(),
    ]

    public static var names: [String] { table.map(\.name) }

    public static func named(_ name: String) -> (any RoutingStrategy)? {
        table.first { $0.name == name }
    }
}

extension Array where Element == RoutingCandidate {
    /// The index of the first candidate that no other precedes under `precedes`.
    func indexOfBest(_ precedes: (RoutingCandidate, RoutingCandidate) -> Bool) -> Int {
        var best = 0
        for i in indices.dropFirst() where precedes(self[i], self[best]) { best = i }
        return best
    }
}

extension RoutingCandidate {
    /// Longest idle first; configuration order breaks ties.
    static func idleLonger(_ a: RoutingCandidate, _ b: RoutingCandidate) -> Bool {
        a.idleSince != b.idleSince ? a.idleSince < b.idleSince : a.order < b.order
    }
}
