/// Supplies completion candidates for the word at the cursor: given the
/// whole line and the cursor (a `Character` offset into it), returns the
/// full words that could replace the word before the cursor (the text back
/// to the previous whitespace). Candidates need not be sorted or unique.
public typealias CompletionSource = @Sendable (_ line: String, _ cursor: Int) -> [String]

/// What one press of tab does, decided from the word and the candidates.
public enum CompletionAction: Sendable, Equatable {
    /// Replace the word before the cursor with this text.
    case replaceWord(String)
    /// Show these candidates (sorted, unique) below the line.
    case list([String])
    /// Nothing to do: ring the bell.
    case none
}

/// Tab completion rules, as in readline: one candidate is completed and
/// followed by a space; several are completed to their longest common
/// prefix; when that adds nothing, the first tab rings the bell and a
/// further tab lists them.
public enum Completion {
    /// Start (a `Character` offset) of the word ending at `cursor`: the
    /// position after the previous whitespace.
    public static func wordStart(in characters: [Character], cursor: Int) -> Int {
        var start = min(max(cursor, 0), characters.count)
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        return start
    }

    /// The longest prefix, in whole characters, shared by all `candidates`.
    public static func longestCommonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            var length = 0
            for (a, b) in zip(prefix, candidate) {
                guard a == b else { break }
                length += 1
            }
            prefix.removeLast(prefix.count - length)
        }
        return String(prefix)
    }

    /// The action for a tab press on `word` with these candidates;
    /// `repeated` is true when the previous key was also tab.
    public static func action(word: String, candidates: [String], repeated: Bool) -> CompletionAction {
        let unique = Array(Set(candidates)).sorted()
        guard let only = unique.first else { return .none }
        if unique.count == 1 { return .replaceWord(only + " ") }
        let prefix = longestCommonPrefix(unique)
        if prefix.count > word.count { return .replaceWord(prefix) }
        return repeated ? .list(unique) : .none
    }
}
