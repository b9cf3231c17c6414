/// An agent, by the number or name the call center uses for them ("1001").
public struct AgentID: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public static func < (a: AgentID, b: AgentID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}

/// A queue, by its configured name ("sales").
public struct QueueID: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public static func < (a: QueueID, b: QueueID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}

/// A recorded prompt, by name ("queue-full", "callback-confirmed").
public struct PromptID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

/// One call through the box, from the line seizing to the last hang-up. The
/// call-control layer hands them out; the ACD only compares them.
public struct CallID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public static func < (a: CallID, b: CallID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "call-\(rawValue)" }
}

/// A line or phone port, by its DAHDI channel number (or a simulated one).
public struct ChannelID: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { rawValue = value }
    public static func < (a: ChannelID, b: ChannelID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "channel \(rawValue)" }
}
