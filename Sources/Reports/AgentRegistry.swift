/// Agent ids numbered in order of first sight, so per-agent figures live
/// in arrays indexed by number.
struct AgentRegistry {
    private var index = StringNumbering()

    mutating func id(_ name: String) -> Int { index.id(name) }

    var names: [String] { index.keys }
    var count: Int { index.count }
}
