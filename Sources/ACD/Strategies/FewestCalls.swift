/// The agent who has taken the fewest calls; longest idle breaks ties.
public struct FewestCalls: RoutingStrategy {
    public init() {}
    public var name: String { "fewest-calls" }
    public var summary: String { "the agent who has taken the fewest calls" }
    public func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int] {
        [candidates.indexOfBest { a, b in
            a.callsTaken != b.callsTaken ? a.callsTaken < b.callsTaken : RoutingCandidate.idleLonger(a, b)
        }]
    }
}
