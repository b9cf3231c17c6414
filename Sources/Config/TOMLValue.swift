/// A TOML value as Kefu's parser reads it: every value and every key keeps
/// the line it was written on, so each later complaint can name file:line.

/// A value and the (1-based) line it starts on.
public struct TOMLNode: Sendable, Equatable {
    public var value: TOMLValue
    public var line: Int

    public init(_ value: TOMLValue, line: Int) {
        self.value = value
        self.line = line
    }
}

public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLNode])
    case table(TOMLTable)

    /// The word an administrator knows the type by, for messages.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a decimal number"
        case .boolean: "true/false"
        case .array: "a list"
        case .table: "a table"
        }
    }
}

/// A table: its keys in the order written, each with the line of the key.
public struct TOMLTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var line: Int
        public var node: TOMLNode
    }

    public var entries: [Entry]
    /// The line of the table's header (`[name]`), of its first key for a
    /// table made implicitly, or 1 for the document itself.
    public var line: Int

    public init(entries: [Entry] = [], line: Int) {
        self.entries = entries
        self.line = line
    }

    public subscript(key: String) -> TOMLNode? {
        entries.first(where: { $0.key == key })?.node
    }

    public func entry(_ key: String) -> Entry? {
        entries.first(where: { $0.key == key })
    }

    public var keys: [String] { entries.map(\.key) }
}
