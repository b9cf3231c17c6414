/// The best-qualified agent: the highest sum of levels in the skills the
/// queue requires; longest idle breaks ties.
public struct SkillsWeighted: RoutingStrategy {
    public init() {}
    public var name: String { "skills-weighted" }
    public var summary: String { "the agent with the highest levels in the queue's skills" }
    public func choose(from candidates: [RoutingCandidate], context: inout RoutingContext) -> [Int] {
        [candidates.indexOfBest { a, b in
            a.skillScore != b.skillScore ? a.skillScore > b.skillScore : RoutingCandidate.idleLonger(a, b)
        }]
    }
}
