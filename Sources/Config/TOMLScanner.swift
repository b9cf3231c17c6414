/// The character level of `TOMLParser`: keys, strings, numbers, lists and
/// inline tables over UTF-8 bytes, counting lines as it goes.
struct Scanner {
    typealias Failure = TOMLParser.Failure
    private let bytes: [UInt8]
    private var position = 0
    private(set) var line = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    /// How far into the text the scanner is, in bytes.
    var offset: Int { position }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }
    var atNewline: Bool {
        peek == UInt8(ascii: "\n") || (peek == UInt8(ascii: "\r") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n"))
    }

    mutating func advance() {
        if position < bytes.count, bytes[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
    }

    func fail(_ english: String, _ chinese: String) -> Failure { Failure(line: line, message: english, chinese: chinese) }

    /// Past the next line feed (or to the end).
    mutating func skipLine() {
        while let b = peek, b != UInt8(ascii: "\n") { advance() }
        if !atEnd { advance() }
    }

    mutating func skipBlanks() {
        while let b = peek, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { advance() }
    }

    mutating func skipComment() {
        guard peek == UInt8(ascii: "#") else { return }
        while let b = peek, b != UInt8(ascii: "\n") { advance() }
    }

    /// After a statement: blanks, an optional comment, then a newline or the end.
    mutating func endOfLine() throws(Failure) {
        skipBlanks()
        skipComment()
        if peek == UInt8(ascii: "\r") { advance() }
        guard let b = peek else { return }
        guard b == UInt8(ascii: "\n") else { throw fail("unexpected text after the value: \(rest())", "值后面有多余的内容：\(rest())") }
        advance()
    }

    /// Blanks, newlines and comments (inside a list).
    mutating func skipSpace() {
        while true {
            skipBlanks()
            if peek == UInt8(ascii: "#") { skipComment() }
            if atNewline { if peek == UInt8(ascii: "\r") { advance() }; advance(); continue }
            return
        }
    }

    mutating func expect(_ character: Character, _ english: String, _ chinese: String) throws(Failure) {
        guard let b = peek, b == character.asciiValue! else { throw fail(english, chinese) }
        advance()
    }

    /// The rest of the current line, for messages.
    func rest() -> String {
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        return "'" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "'"
    }

    /// After an error: skip the rest of the line, then any lines that cannot
    /// start a statement (the remainder of a broken list, say).
    mutating func recover() {
        // Skip the rest of the failed line, unless the error was found only
        // on reaching the next line (an unclosed list): that line may be fine.
        var lineStart = position
        while lineStart > 0, bytes[lineStart - 1] == UInt8(ascii: " ") || bytes[lineStart - 1] == UInt8(ascii: "\t") { lineStart -= 1 }
        if !(lineStart == 0 || bytes[lineStart - 1] == UInt8(ascii: "\n")) {
            while let b = peek, b != UInt8(ascii: "\n") { advance() }
            if !atEnd { advance() }
        }
        while !atEnd {
            var probe = position
            while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
            guard probe < bytes.count else { return }
            let b = bytes[probe]
            if b == UInt8(ascii: "[") || b == UInt8(ascii: "#") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { return }
            var end = probe
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if bytes[probe..<end].contains(UInt8(ascii: "=")) && Self.isKeyStart(b) { return }
            while let c = peek, c != UInt8(ascii: "\n") { advance() }
            if !atEnd { advance() }
        }
    }

    // MARK: Keys

    static func isBare(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
    }
    static func isKeyStart(_ b: UInt8) -> Bool { isBare(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") }

    /// A dotted key; returns its parts and the line it is on.
    mutating func key() throws(Failure) -> ([String], Int) {
        let keyLine = line
        var parts: [String] = []
        while true {
            parts.append(try simpleKey())
            skipBlanks()
            guard peek == UInt8(ascii: ".") else { return (parts, keyLine) }
            advance()
            skipBlanks()
        }
    }

    private mutating func simpleKey() throws(Failure) -> String {
        guard let b = peek else { throw fail("expected a key", "此处应有配置项名称") }
        if b == UInt8(ascii: "\"") { return try basicString() }
        if b == UInt8(ascii: "'") { return try literalString() }
        let start = position
        while let c = peek, Self.isBare(c) { advance() }
        guard position > start else {
            if b >= 0x80 { throw fail("a key with letters other than A–Z, 0–9, _ or - must be quoted: \(rest())",
                                        "配置项名称含有 A–Z、0–9、_ 或 - 以外的字符时必须加引号：\(rest())") }
            throw fail("expected a key, found \(rest())", "此处应有配置项名称，却是 \(rest())")
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    // MARK: Values

    mutating func value() throws(Failure) -> TOMLNode {
        let valueLine = line
        guard let b = peek, !atNewline, b != UInt8(ascii: "#") else { throw fail("expected a value after '='", "'=' 后面缺少值") }
        switch b {
        case UInt8(ascii: "\""):
            if position + 2 < bytes.count, bytes[position + 1] == b, bytes[position + 2] == b {
                throw fail("multi-line strings (\"\"\") are not supported; write \\n inside a one-line string",
                           "不支持多行字符串（\"\"\"）；换行请在单行字符串中写 \\n")
            }
            return TOMLNode(.string(try basicString()), line: valueLine)
        case UInt8(ascii: "'"):
            if position + 2 < bytes.count, bytes[position + 1] == b, bytes[position + 2] == b {
                throw fail("multi-line strings (''') are not supported", "不支持多行字符串（'''）")
            }
            return TOMLNode(.string(try literalString()), line: valueLine)
        case UInt8(ascii: "["):
            return TOMLNode(.array(try array()), line: valueLine)
        case UInt8(ascii: "{"):
            return TOMLNode(.table(try inlineTable()), line: valueLine)
        default:
            return TOMLNode(try bareValue(), line: valueLine)
        }
    }

    private mutating func array() throws(Failure) -> [TOMLNode] {
        let start = line
        advance()
        var items: [TOMLNode] = []
        while true {
            skipSpace()
            if peek == UInt8(ascii: "]") { advance(); return items }
            guard !atEnd else { throw Failure(line: start, message: "list not closed with ']'", chinese: "列表缺少结尾的 ']'") }
            items.append(try value())
            skipSpace()
            if peek == UInt8(ascii: ",") { advance(); continue }
            if peek == UInt8(ascii: "]") { advance(); return items }
            guard !atEnd else { throw Failure(line: start, message: "list not closed with ']'", chinese: "列表缺少结尾的 ']'") }
            let found = rest()
            throw Failure(line: start, message: "expected ',' or ']' in the list, found \(found)\(line == start ? "" : " on line \(line)")",
                          chinese: "列表中此处应为 ',' 或 ']'，却是 \(found)\(line == start ? "" : "（第 \(line) 行）")")
        }
    }

    private mutating func inlineTable() throws(Failure) -> TOMLTable {
        let tableLine = line
        advance()
        var table = TOMLTable(line: tableLine)
        skipBlanks()
        if peek == UInt8(ascii: "}") { advance(); return table }
        while true {
            skipBlanks()
            let (path, keyLine) = try key()
            guard path.count == 1 else { throw fail("dotted keys are not supported inside { }; use a [table]", "{ } 内不支持带点的配置项名称；请改用 [表]") }
            if table[path[0]] != nil { throw fail("key '\(path[0])' is set twice in this { } table", "配置项 '\(path[0])' 在此 { } 表中设置了两次") }
            skipBlanks()
            try expect("=", "expected '=' after the key '\(path[0])'", "配置项 '\(path[0])' 后面应有 '='")
            skipBlanks()
            table.entries.append(.init(key: path[0], line: keyLine, node: try value()))
            skipBlanks()
            if peek == UInt8(ascii: ",") { advance(); continue }
            if peek == UInt8(ascii: "}") { advance(); return table }
            throw fail("expected ',' or '}' in the inline table (it must be on one line), found \(rest())",
                       "内联表中此处应为 ',' 或 '}'（内联表必须写在一行内），却是 \(rest())")
        }
    }

    mutating func basicString() throws(Failure) -> String {
        advance()
        var out: [UInt8] = []
        while true {
            guard let b = peek, !atNewline else { throw fail("string not closed with '\"' on this line", "字符串在本行内缺少结尾的 '\"'") }
            advance()
            if b == UInt8(ascii: "\"") { break }
            if b != UInt8(ascii: "\\") { out.append(b); continue }
            guard let e = peek else { throw fail("string not closed", "字符串没有结束") }
            advance()
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = e == UInt8(ascii: "u") ? 4 : 8
                var code: UInt32 = 0
                for _ in 0..<count {
                    guard let h = peek, let digit = Self.hexValue(h) else { throw fail("\\u needs \(count) hex digits", "\\u 后面需要 \(count) 位十六进制数字") }
                    code = code * 16 + digit
                    advance()
                }
                guard let scalar = Unicode.Scalar(code) else { throw fail("\\u\(code) is not a Unicode character", "\\u\(code) 不是有效的 Unicode 字符") }
                out += Array(String(Character(scalar)).utf8)
            default:
                let escape = Character(Unicode.Scalar(e))
                throw fail("unknown escape '\\\(escape)' (use \\\\ for a backslash, or a 'literal string')",
                           "未知的转义 '\\\(escape)'（反斜杠请写 \\\\，或改用单引号字符串 '…'）")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }

    mutating func literalString() throws(Failure) -> String {
        advance()
        let start = position
        while peek != UInt8(ascii: "'") {
            guard !atEnd, !atNewline else { throw fail("string not closed with \"'\" on this line", "字符串在本行内缺少结尾的 \"'\"") }
            advance()
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        advance()
        return text
    }

    /// true, false, an integer or a decimal; anything else gets a message
    /// saying how to write it.
    private mutating func bareValue() throws(Failure) -> TOMLValue {
        let start = position
        while let b = peek, !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ",")
                                || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: "#")) {
            advance()
        }
        let token = String(decoding: bytes[start..<position], as: UTF8.self)
        if token == "true" { return .boolean(true) }
        if token == "false" { return .boolean(false) }
        if let n = Self.integer(token) { return .integer(n) }
        if let d = Self.decimal(token) { return .float(d) }
        if token.contains(":") || Self.looksLikeDate(token) {
            throw fail("dates and times are written as strings here: \"\(token)\"", "此处日期和时间须写成字符串：\"\(token)\"")
        }
        if token.hasPrefix("0x") || token.hasPrefix("0o") || token.hasPrefix("0b") {
            throw fail("only decimal numbers are supported: \(token)", "只支持十进制数：\(token)")
        }
        if Self.integerShape(token) {
            throw fail("number \(token) is not valid (no leading zeros; '_' only between digits; at most 19 digits)",
                       "数字 \(token) 无效（不能有前导零；'_' 只能写在数字之间；最多 19 位）")
        }
        let shown = token.isEmpty ? rest() : "'" + token + "'"
        throw fail("\(shown) is not a value: put text in quotes (\"\(token)\")", "\(shown) 不是有效的值：文字请加引号（\"\(token)\"）")
    }

    private static func integerShape(_ token: String) -> Bool {
        !token.isEmpty && token.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "_" || $0 == "+" || $0 == "-") } && token.contains(where: \.isNumber)
    }

    private static func digits(_ s: Substring) -> String? {
        guard let first = s.first, first.isASCII, first.isNumber, let last = s.last, last.isNumber else { return nil }
        var out = ""
        var previousUnderscore = false
        for c in s {
            if c == "_" { if previousUnderscore { return nil }; previousUnderscore = true; continue }
            guard c.isASCII, c.isNumber else { return nil }
            previousUnderscore = false
            out.append(c)
        }
        return out
    }

    static func integer(_ token: String) -> Int? {
        var body = Substring(token)
        var sign = ""
        if let f = body.first, f == "+" || f == "-" { sign = f == "-" ? "-" : ""; body = body.dropFirst() }
        guard let d = digits(body), d == "0" || !d.hasPrefix("0") else { return nil }
        return Int(sign + d)
    }

    static func decimal(_ token: String) -> Double? {
        var body = Substring(token)
        var sign = ""
        if let f = body.first, f == "+" || f == "-" { sign = f == "-" ? "-" : ""; body = body.dropFirst() }
        var mantissa = body
        var exponent: Substring? = nil
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = digits(parts[0]), whole == "0" || !whole.hasPrefix("0") else { return nil }
        var text = sign + whole
        if parts.count == 2 { guard let fraction = digits(parts[1]) else { return nil }; text += "." + fraction }
        if var e = exponent {
            var eSign = ""
            if let f = e.first, f == "+" || f == "-" { eSign = String(f); e = e.dropFirst() }
            guard let ed = digits(e) else { return nil }
            text += "e" + eSign + ed
        }
        guard parts.count == 2 || exponent != nil else { return nil }
        return Double(text)
    }

    private static func looksLikeDate(_ token: String) -> Bool {
        let parts = token.split(separator: "-")
        return parts.count >= 3 && parts[0].count == 4 && parts[0].allSatisfy(\.isNumber)
    }
}
