/// Always the first free agent in configuration order (a fixed hunt order).
public struct Linear: RoutingStrategy {
    public init() {}
    public var name: String { "linear" }
    public var summary: String { "the first free agent in configured order" }
    public func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int] {
        [candidates.indexOfBest { $0.order < $1.order }]
    }
}
