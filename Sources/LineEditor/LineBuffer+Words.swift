/// Word motions and kills.
///
/// Two notions of "word", as in readline's emacs mode:
/// - motions (alt-b/alt-f, ctrl-left/right) step over runs of letters and
///   digits, so they stop at punctuation such as `-` or `/`;
/// - ctrl-w deletes back to the previous whitespace, so `queue/sales-east`
///   goes in one press.
/// Han characters count as letters, so a run of Chinese text is one word.
extension LineBuffer {
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// Moves to the start of the current or previous word.
    public mutating func moveWordLeft() {
        var position = cursor
        while position > 0, !Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        cursor = position
    }

    /// Moves past the end of the current or next word.
    public mutating func moveWordRight() {
        var position = cursor
        while position < count, !Self.isWordCharacter(characters[position]) { position += 1 }
        while position < count, Self.isWordCharacter(characters[position]) { position += 1 }
        cursor = position
    }

    /// Cuts from the cursor to the end of the line into the kill buffer (ctrl-k).
    @discardableResult
    public mutating func killToEnd() -> Bool {
        kill(cursor..<count)
    }

    /// Cuts from the start of the line to the cursor into the kill buffer (ctrl-u).
    @discardableResult
    public mutating func killToStart() -> Bool {
        kill(0..<cursor)
    }

    /// Cuts the whitespace-delimited word before the cursor, with the
    /// whitespace between it and the cursor, into the kill buffer (ctrl-w).
    @discardableResult
    public mutating func deleteWordBackward() -> Bool {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        return kill(start..<cursor)
    }

    /// Inserts the last killed text at the cursor (ctrl-y). False when
    /// nothing has been killed.
    @discardableResult
    public mutating func yank() -> Bool {
        guard !killed.isEmpty else { return false }
        for character in killed { insert(character) }
        return true
    }

    /// Removes `range`, remembers it for yank and leaves the cursor where it
    /// was cut. An empty range changes nothing, so an idle ctrl-k at the end
    /// of the line does not lose the previous kill.
    private mutating func kill(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        killed = Array(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
        return true
    }
}
