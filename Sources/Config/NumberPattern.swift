/// A pattern a telephone number must match to be dialled out, in the
/// notation installers know from PBX dial plans: a digit stands for itself,
/// `X` any digit, `Z` 1–9, `N` 2–9, `[1-5]` or `[1357]` one digit of a set,
/// and a final `.` one or more further digits. `1[3-9]XXXXXXXXX` is a
/// mainland mobile number; `0[1-9]XXXXXXXX.` a number with its area code.
public struct NumberPattern: Sendable, Equatable, CustomStringConvertible {
    enum Element: Sendable, Equatable {
        case digits(Set<Character>)
        /// One or more further digits (only last).
        case rest
    }

    public let text: String
    let elements: [Element]

    /// Why a pattern cannot be read, in English (`message`) and in Chinese.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
        public var chinese: String
    }

    public init(_ text: String) throws(ParseError) {
        self.text = text
        var elements: [Element] = []
        var chars = Array(text)
        if chars.first == "_" { chars.removeFirst() }  // the PBX habit of marking patterns
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "0"..."9", "*", "#": elements.append(.digits([c]))
            case "X", "x": elements.append(.digits(Set("0123456789")))
            case "Z", "z": elements.append(.digits(Set("123456789")))
            case "N", "n": elements.append(.digits(Set("23456789")))
            case ".":
                guard i == chars.count - 1 else { throw ParseError(message: "'.' (one or more digits) may only end the pattern", chinese: "'.'（一位或多位数字）只能写在号码规则的末尾") }
                elements.append(.rest)
            case "[":
                guard let close = chars[i...].firstIndex(of: "]") else { throw ParseError(message: "'[' has no closing ']'", chinese: "'[' 缺少对应的 ']'") }
                let set = try Self.digitSet(Array(chars[(i + 1)..<close]))
                elements.append(.digits(set))
                i = close
            default:
                throw ParseError(message: "'\(c)' is not a pattern character (digits, X, Z, N, [..], and a final '.')",
                                 chinese: "'\(c)' 不是号码规则中的字符（可用：数字、X、Z、N、[..] 及末尾的 '.'）")
            }
            i += 1
        }
        guard !elements.isEmpty, elements != [.rest] else { throw ParseError(message: "the pattern is empty", chinese: "号码规则为空") }
        self.elements = elements
    }

    static func digitSet(_ body: [Character]) throws(ParseError) -> Set<Character> {
        var set: Set<Character> = []
        var i = 0
        while i < body.count {
            let c = body[i]
            guard c.isASCII, c.isNumber else {
                throw ParseError(message: "'[\(String(body))]' may hold only digits and ranges such as 3-9",
                                 chinese: "'[\(String(body))]' 中只能写数字和 3-9 这样的范围")
            }
            if i + 2 < body.count, body[i + 1] == "-" {
                let end = body[i + 2]
                guard end.isASCII, end.isNumber, end >= c else { throw ParseError(message: "'\(c)-\(end)' is not a digit range", chinese: "'\(c)-\(end)' 不是有效的数字范围") }
                for d in c.asciiValue!...end.asciiValue! { set.insert(Character(UnicodeScalar(d))) }
                i += 3
            } else {
                set.insert(c)
                i += 1
            }
        }
        guard !set.isEmpty else { throw ParseError(message: "'[]' holds no digit", chinese: "'[]' 中没有数字") }
        return set
    }

    /// Whether the whole number matches.
    public func matches(_ number: String) -> Bool {
        let digits = Array(number)
        for (i, element) in elements.enumerated() {
            switch element {
            case .rest:
                return digits.count > i && digits[i...].allSatisfy { $0.isASCII && $0.isNumber }
            case .digits(let set):
                guard i < digits.count, set.contains(digits[i]) else { return false }
            }
        }
        return digits.count == elements.count
    }

    public var description: String { text }
}
