/// The agent with the least total talk time; longest idle breaks ties.
public struct LeastTalkTime: RoutingStrategy {
    public init() {}
    public var name: String { "least-talk-time" }
    public var summary: String { "the agent with the least total talk time" }
    public func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int] {
        [candidates.indexOfBest { a, b in
            a.talkTime != b.talkTime ? a.talkTime < b.talkTime : RoutingCandidate.idleLonger(a, b)
        }]
    }
}
