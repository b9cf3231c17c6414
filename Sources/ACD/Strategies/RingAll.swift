/// Ring every free eligible agent at once; the first to answer takes the call.
public struct RingAll: RoutingStrategy {
    public init() {}
    public var name: String { "ring-all" }
    public var summary: String { "ring every free agent at once; the first to answer takes the call" }
    public func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int] {
        Array(candidates.indices)
    }
}
