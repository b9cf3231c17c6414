/// Sorted, non-overlapping code point ranges searched by bisection.
struct CodePointRanges: Sendable {
    let ranges: [ClosedRange<UInt32>]

    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

/// The code point tables behind `DisplayWidth`, kept by hand (after Unicode's
/// EastAsianWidth.txt and the nonspacing/enclosing mark categories) so the
/// appliance needs neither terminfo nor the C library's locale data.
enum WidthTables {
    /// Combining marks and zero-width format characters.
    static let zeroWidth = CodePointRanges([
        0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x05BF...0x05BF,
        0x05C1...0x05C2, 0x05C4...0x05C5, 0x05C7...0x05C7, 0x0610...0x061A,
        0x064B...0x065F, 0x0670...0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4,
        0x06E7...0x06E8, 0x06EA...0x06ED, 0x0711...0x0711, 0x0730...0x074A,
        0x0900...0x0902, 0x093A...0x093A, 0x093C...0x093C, 0x0941...0x0948,
        0x094D...0x094D, 0x0951...0x0957, 0x0962...0x0963, 0x0E31...0x0E31,
        0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x0EB1...0x0EB1, 0x0EB4...0x0EBC,
        0x0EC8...0x0ECE, 0x0F18...0x0F19, 0x0F35...0x0F35, 0x0F37...0x0F37,
        0x0F39...0x0F39, 0x0F71...0x0F7E, 0x0F80...0x0F84,
        0x1160...0x11FF,            // Hangul medial vowels and final consonants
        0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
        0x200B...0x200F,            // zero width space, joiners, direction marks
        0x2028...0x202E, 0x2060...0x2064, 0x20D0...0x20FF,
        0x302A...0x302D,            // ideographic tone marks
        0x3099...0x309A,            // combining kana voiced sound marks
        0xD7B0...0xD7FF,            // Hangul Jamo Extended-B (conjoining)
        0xFE00...0xFE0F,            // variation selectors
        0xFE20...0xFE2F, 0xFEFF...0xFEFF,
        0x1D167...0x1D169, 0x1D17B...0x1D182,
        0xE0000...0xE007F,          // tags
        0xE0100...0xE01EF,          // variation selectors supplement
    ])

    /// East Asian Wide and Fullwidth characters, plus emoji shown as pictures.
    static let wide = CodePointRanges([
        0x1100...0x115F,            // Hangul Jamo initial consonants
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653,
        0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB,
        0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4,
        0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757,
        0x2795...0x2797, 0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C,
        0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x2FFF,            // CJK radicals, Kangxi, description characters
        0x3000...0x303F,            // CJK symbols and punctuation
        0x3041...0x33FF,            // kana, Bopomofo, compatibility Jamo, enclosed CJK
        0x3400...0x4DBF,            // CJK Extension A
        0x4E00...0x9FFF,            // CJK Unified Ideographs
        0xA000...0xA4CF,            // Yi
        0xA960...0xA97F,            // Hangul Jamo Extended-A
        0xAC00...0xD7A3,            // Hangul syllables
        0xF900...0xFAFF,            // CJK compatibility ideographs
        0xFE10...0xFE19,            // vertical forms
        0xFE30...0xFE6F,            // CJK compatibility forms, small variants
        0xFF01...0xFF60,            // fullwidth ASCII and punctuation
        0xFFE0...0xFFE6,            // fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
        0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F64F,          // pictographs, emoticons
        0x1F680...0x1F6FF,          // transport and map symbols
        0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD,          // CJK Extensions B–F, compatibility supplement
        0x30000...0x3FFFD,          // CJK Extensions G–H
    ])
}
