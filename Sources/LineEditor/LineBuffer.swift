/// The line being edited: its characters and a cursor between them.
///
/// Pure value type, so every editing rule is testable without a terminal.
/// Positions count `Character`s (what the user sees as one symbol), never
/// bytes or scalars, so a CJK character or an accented letter moves and
/// deletes as one unit. The cursor ranges over `0...count`.
public struct LineBuffer: Sendable, Equatable {
    /// The line's characters, in order.
    public internal(set) var characters: [Character]
    /// Where the next insertion goes: 0 is before the first character.
    public internal(set) var cursor: Int
    /// The text removed by the last kill (ctrl-k, ctrl-u, ctrl-w), which
    /// ctrl-y inserts again. It survives `replace(with:)`, as in readline.
    public internal(set) var killed: [Character] = []

    /// A line holding `text`, the cursor at its end.
    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The line as a string.
    public var text: String { String(characters) }
    /// Number of characters.
    public var count: Int { characters.count }
    /// True when the line has no characters (ctrl-d then means end of input).
    public var isEmpty: Bool { characters.isEmpty }

    /// Display columns of the whole line.
    public var width: Int { DisplayWidth.of(characters) }
    /// Display columns before the cursor: where the cursor sits relative to
    /// the line's first column.
    public var cursorColumn: Int { DisplayWidth.of(characters[..<cursor]) }

    /// Inserts `character` at the cursor and moves the cursor past it.
    /// A combining mark (or anything else that joins the previous character
    /// into one grapheme) merges with that character instead of becoming a
    /// separate, zero-width position.
    public mutating func insert(_ character: Character) {
        if cursor > 0 {
            let joined = String(characters[cursor - 1]) + String(character)
            if joined.count == 1, let merged = joined.first {
                characters[cursor - 1] = merged
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Inserts every character of `text` at the cursor.
    public mutating func insert(contentsOf text: String) {
        for character in text { insert(character) }
    }

    /// Removes the character before the cursor (backspace). False at the start.
    @discardableResult
    public mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        cursor -= 1
        characters.remove(at: cursor)
        return true
    }

    /// Removes the character under the cursor (delete). False at the end.
    @discardableResult
    public mutating func deleteForward() -> Bool {
        guard cursor < characters.count else { return false }
        characters.remove(at: cursor)
        return true
    }

    /// Moves one character left. False at the start.
    @discardableResult
    public mutating func moveLeft() -> Bool {
        guard cursor > 0 else { return false }
        cursor -= 1
        return true
    }

    /// Moves one character right. False at the end.
    @discardableResult
    public mutating func moveRight() -> Bool {
        guard cursor < characters.count else { return false }
        cursor += 1
        return true
    }

    /// Moves to the start of the line.
    public mutating func moveHome() { cursor = 0 }

    /// Moves to the end of the line.
    public mutating func moveEnd() { cursor = characters.count }

    /// Replaces the whole line (a history entry, a reset), cursor at its end.
    /// The kill buffer is kept.
    public mutating func replace(with text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Replaces the characters in `range` with `text` and puts the cursor
    /// after the inserted text (used by completion).
    public mutating func replace(_ range: Range<Int>, with text: String) {
        let clamped = range.clamped(to: 0..<characters.count)
        let inserted = Array(text)
        characters.replaceSubrange(clamped, with: inserted)
        cursor = clamped.lowerBound + inserted.count
    }
}
