import Tools

/// A TOML file as lines grouped by table, for rewriting some tables while
/// keeping everything else byte for byte: comments, order, blank lines.
/// (Kefu's TOML parser reads values; this keeps the text around them.)
struct TOMLDocument: Equatable {
    /// One key with its value's lines (a multi-line array continues), or a
    /// run of comment and blank lines (key nil).
    struct Item: Equatable {
        var key: String?
        var lines: [String]
    }

    struct Table: Equatable {
        /// Comment and blank lines just before the header (they describe it).
        var leading: [String]
        var header: String
        /// "lines.pstn" for `[lines.pstn]` (and for `[[lines.pstn]]`).
        var name: String
        var items: [Item]

        /// The raw text of a key's value (`"fxo"`), if the table has the key.
        func value(_ key: String) -> String? {
            guard let item = items.first(where: { $0.key == key }), let first = item.lines.first,
                  let eq = first.firstIndex(of: "=") else { return nil }
            return TOMLDocument.withoutComment(first[first.index(after: eq)...]).trimmingCharacters(in: " \t")
        }
    }

    /// Lines before the first table.
    var preamble: [String]
    var tables: [Table]

    init(preamble: [String] = [], tables: [Table] = []) {
        self.preamble = preamble
        self.tables = tables
    }

    init(parsing text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var preamble: [String] = []
        var tables: [Table] = []
        var depth = 0
        for line in lines {
            if depth == 0, let name = Self.headerName(line) {
                var leading: [String] = []
                if var last = tables.popLast() {
                    while let item = last.items.last, item.key == nil {
                        leading = item.lines + leading
                        last.items.removeLast()
                    }
                    tables.append(last)
                } else {
                    // Comments just above the first table describe it, not the file.
                    while let l = preamble.last, Self.isComment(l) { leading.insert(preamble.removeLast(), at: 0) }
                }
                tables.append(Table(leading: leading, header: line, name: name, items: []))
                continue
            }
            guard !tables.isEmpty else { preamble.append(line); continue }
            if depth > 0 {
                tables[tables.count - 1].items[tables[tables.count - 1].items.count - 1].lines.append(line)
            } else if let key = Self.keyName(line) {
                tables[tables.count - 1].items.append(Item(key: key, lines: [line]))
            } else if let last = tables[tables.count - 1].items.last, last.key == nil {
                tables[tables.count - 1].items[tables[tables.count - 1].items.count - 1].lines.append(line)
            } else {
                tables[tables.count - 1].items.append(Item(key: nil, lines: [line]))
            }
            depth = max(0, depth + Self.bracketBalance(line))
        }
        self.preamble = preamble
        self.tables = tables
    }

    var text: String {
        var out = preamble
        for t in tables { out += t.leading + [t.header] + t.items.flatMap(\.lines) }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    /// The text before a `#` that is outside quotes.
    static func withoutComment(_ text: Substring) -> Substring {
        var quote: Character?
        var escaped = false
        for i in text.indices {
            let ch = text[i]
            if let q = quote {
                if escaped { escaped = false } else if ch == "\\" && q == "\"" { escaped = true } else if ch == q { quote = nil }
                continue
            }
            if ch == "\"" || ch == "'" { quote = ch } else if ch == "#" { return text[..<i] }
        }
        return text
    }

    static func isComment(_ line: String) -> Bool {
        line.trimmingCharacters(in: " \t").hasPrefix("#")
    }

    /// `lines.pstn` for `[lines.pstn]` or `[[lines.pstn]]` (a comment may follow); nil otherwise.
    static func headerName(_ line: String) -> String? {
        var s = Substring(line.trimmingCharacters(in: " \t"))
        guard s.hasPrefix("[") else { return nil }
        if let hash = s.firstIndex(of: "#") { s = Substring(s[..<hash].trimmingCharacters(in: " \t")) }
        guard s.hasSuffix("]") else { return nil }
        let inner = s.drop { $0 == "[" }.reversed().drop { $0 == "]" }.reversed()
        let name = String(inner).split(separator: ".").map { $0.trimmingCharacters(in: " \t\"") }.joined(separator: ".")
        return name.isEmpty ? nil : name
    }

    /// The key of a `key = value` line (quotes removed), or nil.
    static func keyName(_ line: String) -> String? {
        let s = Substring(line)
        guard let eq = s.firstIndex(of: "="), !isComment(line) else { return nil }
        let key = s[..<eq].trimmingCharacters(in: " \t").trimmingCharacters(in: "\"'")
        return key.isEmpty ? nil : key
    }

    /// Open minus closed square brackets outside strings and comments (a multi-line array continues while > 0).
    static func bracketBalance(_ line: String) -> Int {
        let body: Substring
        if keyName(line) != nil, let eq = line.firstIndex(of: "=") {
            body = line[line.index(after: eq)...]
        } else if isComment(line) {
            return 0
        } else {
            body = Substring(line)
        }
        var balance = 0
        var quote: Character?
        var escaped = false
        for ch in body {
            if let q = quote {
                if escaped { escaped = false } else if ch == "\\" && q == "\"" { escaped = true } else if ch == q { quote = nil }
                continue
            }
            switch ch {
            case "\"", "'": quote = ch
            case "#": return balance
            case "[": balance += 1
            case "]": balance -= 1
            default: break
            }
        }
        return balance
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String { Substring(self).trimmingCharacters(in: set) }
}

/// TOML values as setup writes them.
enum TOMLText {
    /// A basic string: TOML's escapes are JSON's.
    static func string(_ s: String) -> String { JSONLine.quote(s) }

    static func strings(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ", ") + "]" }

    /// A bare key when it can be one, else quoted.
    static func key(_ k: String) -> String {
        k.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ? k : string(k)
    }
}

