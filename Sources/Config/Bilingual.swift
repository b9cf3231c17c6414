/// A text for people in English and in simplified Chinese (zh-CN), with the
/// same data (names, keys, numbers, file names) in both. The checker's
/// diagnostics and the reasons a running config cannot change are made of
/// these, so an installer reads them in the console's language.
public struct Bilingual: Sendable, Hashable, CustomStringConvertible {
    public var english: String
    public var chinese: String

    public init(_ english: String, _ chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    /// The Chinese text for a Chinese reader, the English one otherwise.
    public func text(chinese wanted: Bool) -> String { wanted ? chinese : english }

    public var description: String { english }

    /// Both texts with `other`'s appended (`"a" + "b"` in each language).
    public static func + (a: Bilingual, b: Bilingual) -> Bilingual {
        Bilingual(a.english + b.english, a.chinese + b.chinese)
    }
}
