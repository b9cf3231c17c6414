/// Round-robin with memory: the next agent in configuration order after the
/// one this queue offered last, wrapping round.
public struct RoundRobin: RoutingStrategy {
    public init() {}
    public var name: String { "round-robin" }
    public var summary: String { "the next agent after the one offered last, in turn" }
    public func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int] {
        let last = context.lastOffered ?? Int.min
        let after = candidates.indices.filter { candidates[$0].order > last }
        let pool = after.isEmpty ? Array(candidates.indices) : after
        let pick = pool.min { candidates[$0].order < candidates[$1].order }!
        return [pick]
    }
}
