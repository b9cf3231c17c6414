/// A free agent drawn at random (from the engine's seeded generator).
public struct RandomAgent: RoutingStrategy {
    public init() {}
    public var name: String { "random" }
    public var summary: String { "a free agent at random" }
    public func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int] {
        [Int(context.random.next() % UInt64(candidates.count))]
    }
}
