/// Who is asking, and what they may do.
public struct Operator: Sendable, Equatable, CustomStringConvertible {
    public enum Role: String, Sendable, Comparable, CaseIterable {
        case viewer, supervisor, admin
        var rank: Int { [.viewer: 0, .supervisor: 1, .admin: 2][self]! }
        public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
    }

    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }

    public var description: String { "\(name) (\(role.rawValue))" }
}
