/// How many terminal columns text occupies, so the editor can place the
/// cursor correctly on a VT100-style terminal without terminfo or wcwidth.
///
/// Rules, per `Character` (one grapheme cluster, what the user sees as one
/// symbol):
/// - 2 for East Asian Wide and Fullwidth characters (CJK ideographs, kana,
///   Hangul, fullwidth forms, CJK punctuation) and emoji;
/// - 0 for combining marks and other zero-width scalars, and for controls;
/// - 1 otherwise.
///
/// A cluster's width is its first scalar's; an emoji variation selector
/// (U+FE0F) later in the cluster widens a narrow symbol to 2, as terminals do.
public enum DisplayWidth {
    /// Columns one character occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        if base == 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return base
    }

    /// Columns `text` occupies (sum of its characters' widths).
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns a sequence of characters occupies (sum of their widths).
    public static func of<S: Sequence>(_ characters: S) -> Int where S.Element == Character {
        var total = 0
        for character in characters { total += of(character) }
        return total
    }

    /// Columns one Unicode scalar occupies on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if WidthTables.zeroWidth.contains(value) { return 0 }
        if WidthTables.wide.contains(value) { return 2 }
        return 1
    }
}
