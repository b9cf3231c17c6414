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

    /// The words an administrator knows the type by, for messages.
    public var typeName: Bilingual {
        switch self {
        case .string: Bilingual("a string", "字符串")
        case .integer: Bilingual("an integer", "整数")
        case .float: Bilingual("a decimal number", "小数")
        case .boolean: Bilingual("true/false", "布尔值 true/false")
        case .array: Bilingual("a list", "列表")
        case .table: Bilingual("a table", "表")
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
