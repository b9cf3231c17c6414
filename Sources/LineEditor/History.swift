/// The lines entered so far, oldest first, with shell-like recording rules
/// and up/down navigation.
///
/// Recording rules (bash's `ignoreboth`): blank lines, lines starting with a
/// space (a way to keep e.g. a command with a PIN out of the file) and a
/// repeat of the newest entry are not recorded; past `maxCount` the oldest
/// entries are dropped.
public struct History: Sendable, Equatable {
    /// Recorded lines, oldest first.
    public internal(set) var entries: [String]
    /// Most entries kept; older ones are dropped first.
    public let maxCount: Int

    /// Navigation position: an index into `entries`, or `entries.count`
    /// for the line being typed (the draft).
    var position: Int
    /// Text the user had at each position before moving away from it: the
    /// draft, and edits made to recalled entries (kept until the line is
    /// entered, never written back into `entries`).
    var edits: [Int: String] = [:]

    /// An empty history keeping at most `maxCount` (at least 1) entries.
    public init(maxCount: Int = 500) {
        self.maxCount = max(1, maxCount)
        entries = []
        position = 0
    }

    /// Whether `add` would record `line` now.
    public func accepts(_ line: String) -> Bool {
        guard let first = line.first, first != " " else { return false }
        guard !line.allSatisfy(\.isWhitespace) else { return false }
        guard !line.contains(where: \.isNewline) else { return false }
        return line != entries.last
    }

    /// Records `line` if the rules allow (see the type's notes) and ends any
    /// navigation. Returns whether it was recorded.
    @discardableResult
    public mutating func add(_ line: String) -> Bool {
        resetNavigation()
        guard accepts(line) else { return false }
        entries.append(line)
        if entries.count > maxCount { entries.removeFirst(entries.count - maxCount) }
        position = entries.count
        return true
    }

    /// Forgets all entries.
    public mutating func removeAll() {
        entries.removeAll()
        resetNavigation()
    }
}
