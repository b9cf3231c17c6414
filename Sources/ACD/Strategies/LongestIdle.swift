/// The agent who has been free longest (since their last call's wrap-up,
/// their login or their unpause).
public struct LongestIdle: RoutingStrategy {
    public init() {}
    public var name: String { "longest-idle" }
    public var summary: String { "the agent free for the longest time" }
    public func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int] {
        [candidates.indexOfBest(RoutingCandidate.idleLonger)]
    }
}
