/// A strict reader for the part of TOML (v1.0) an administrator needs:
/// comments, `[tables]`, `[[arrays of tables]]`, dotted keys, basic and literal
/// strings, decimal integers and decimals, booleans, lists (over several lines,
/// trailing comma allowed) and inline tables. Dates, times, multi-line
/// strings, hex/octal/binary and inf/nan are refused with a message saying how
/// to write the value instead (a bare `09:00` gets "write times as strings").
///
/// Why not a library: the config is checked as a whole and every complaint
/// names file:line; a general TOML library gives lines for syntax errors only.
/// After a syntax error the parser skips to the next statement and goes on,
/// so one run reports every problem in the file.
public enum TOMLParser {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        /// The reason in English.
        public var message: String
        /// The same reason in simplified Chinese.
        public var chinese: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The document, and every syntax or structure error found in it.
    /// Statements with errors are left out of the document.
    public static func parse(_ text: String) -> (table: TOMLTable, errors: [Failure]) {
        var scanner = Scanner(Array(text.utf8))
        let root = TableBuilder(line: 1, explicit: true)
        var current = root
        var errors: [Failure] = []
        while !scanner.atEnd {
            scanner.skipBlanks()
            let start = scanner.offset
            do throws(Failure) {
                guard let byte = scanner.peek else { break }
                if byte == UInt8(ascii: "\r") && !scanner.atNewline {
                    throw scanner.fail("a carriage return (\\r) with no line feed after it: save the file with Unix (LF) or Windows (CRLF) line ends",
                                       "回车符（\\r）后面没有换行符：请以 Unix（LF）或 Windows（CRLF）换行格式保存文件")
                }
                if byte == UInt8(ascii: "#") || scanner.atNewline {
                    scanner.skipComment()
                    try scanner.endOfLine()
                } else if byte == UInt8(ascii: "[") {
                    current = try header(&scanner, root: root)
                    try scanner.endOfLine()
                } else {
                    let (path, keyLine) = try scanner.key()
                    scanner.skipBlanks()
                    let key = path.joined(separator: ".")
                    try scanner.expect("=", "expected '=' after the key '\(key)'", "配置项 '\(key)' 后面应有 '='")
                    scanner.skipBlanks()
                    let node = try scanner.value()
                    try current.insert(path: path, node: node, keyLine: keyLine)
                    try scanner.endOfLine()
                }
            } catch {
                errors.append(error)
                scanner.recover()
                // A statement that failed where it began must not be read again.
                if scanner.offset <= start { scanner.skipLine() }
            }
        }
        return (root.freeze(), errors)
    }

    private static func header(_ scanner: inout Scanner, root: TableBuilder) throws(Failure) -> TableBuilder {
        let line = scanner.line
        scanner.advance()
        let isArray = scanner.peek == UInt8(ascii: "[")
        if isArray { scanner.advance() }
        scanner.skipBlanks()
        let (path, _) = try scanner.key()
        scanner.skipBlanks()
        try scanner.expect("]", "expected ']' to close the table name", "表名缺少结尾的 ']'")
        if isArray { try scanner.expect("]", "expected ']]' to close the table-array name", "表数组名缺少结尾的 ']]'") }
        return try root.open(path: path, isArray: isArray, line: line)
    }
}

// MARK: - Document structure

/// A table while the document is read; frozen into `TOMLTable` at the end.
private final class TableBuilder {
    enum Slot {
        case value(TOMLNode, keyLine: Int)
        case table(TableBuilder, keyLine: Int)
        case tables([TableBuilder], keyLine: Int)
    }

    let line: Int
    var explicit: Bool
    var order: [String] = []
    var slots: [String: Slot] = [:]

    init(line: Int, explicit: Bool) {
        self.line = line
        self.explicit = explicit
    }

    private func set(_ key: String, _ slot: Slot) {
        if slots[key] == nil { order.append(key) }
        slots[key] = slot
    }

    /// Walks to (creating as needed) the table a header or dotted key names.
    private func descend(_ key: String, line: Int, display: String) throws(TOMLParser.Failure) -> TableBuilder {
        switch slots[key] {
        case nil:
            let child = TableBuilder(line: line, explicit: false)
            set(key, .table(child, keyLine: line))
            return child
        case .table(let child, _)?:
            return child
        case .tables(let list, _)?:
            return list[list.count - 1]
        case .value(_, let keyLine)?:
            throw .init(line: line, message: "'\(display)' is already a value (line \(keyLine)), not a table",
                        chinese: "'\(display)' 已经是一个值（第 \(keyLine) 行），不是表")
        }
    }

    func open(path: [String], isArray: Bool, line: Int) throws(TOMLParser.Failure) -> TableBuilder {
        let display = path.joined(separator: ".")
        var table = self
        for key in path.dropLast() { table = try table.descend(key, line: line, display: display) }
        let last = path[path.count - 1]
        switch (table.slots[last], isArray) {
        case (nil, false):
            let child = TableBuilder(line: line, explicit: true)
            table.set(last, .table(child, keyLine: line))
            return child
        case (nil, true):
            let child = TableBuilder(line: line, explicit: true)
            table.set(last, .tables([child], keyLine: line))
            return child
        case (.table(let child, _)?, false) where !child.explicit:
            child.explicit = true
            return child
        case (.table(let child, _)?, false):
            throw .init(line: line, message: "table [\(display)] is defined twice (first on line \(child.line))",
                        chinese: "表 [\(display)] 定义了两次（第一次在第 \(child.line) 行）")
        case (.tables(var list, let keyLine)?, true):
            let child = TableBuilder(line: line, explicit: true)
            list.append(child)
            table.set(last, .tables(list, keyLine: keyLine))
            return child
        case (.tables(_, let keyLine)?, false):
            throw .init(line: line, message: "[\(display)] is a table array (line \(keyLine)); write [[\(display)]]",
                        chinese: "[\(display)] 是表数组（第 \(keyLine) 行）；请写成 [[\(display)]]")
        case (.table(let child, _)?, true):
            throw .init(line: line, message: "[[\(display)]] is already a plain table (line \(child.line))",
                        chinese: "[[\(display)]] 已经是普通表（第 \(child.line) 行）")
        case (.value(_, let keyLine)?, _):
            throw .init(line: line, message: "'\(display)' is already a value (line \(keyLine)), not a table",
                        chinese: "'\(display)' 已经是一个值（第 \(keyLine) 行），不是表")
        }
    }

    func insert(path: [String], node: TOMLNode, keyLine: Int) throws(TOMLParser.Failure) {
        let display = path.joined(separator: ".")
        var table = self
        for key in path.dropLast() { table = try table.descend(key, line: keyLine, display: display) }
        let last = path[path.count - 1]
        if let existing = table.slots[last] {
            let first: Int
            switch existing {
            case .value(_, let l), .table(_, let l), .tables(_, let l): first = l
            }
            throw .init(line: keyLine, message: "key '\(display)' is set twice (first on line \(first))",
                        chinese: "配置项 '\(display)' 设置了两次（第一次在第 \(first) 行）")
        }
        table.set(last, .value(node, keyLine: keyLine))
    }

    func freeze() -> TOMLTable {
        var table = TOMLTable(line: line)
        for key in order {
            switch slots[key]! {
            case .value(let node, let keyLine):
                table.entries.append(.init(key: key, line: keyLine, node: node))
            case .table(let child, let keyLine):
                table.entries.append(.init(key: key, line: keyLine, node: TOMLNode(.table(child.freeze()), line: child.line)))
            case .tables(let list, let keyLine):
                let nodes = list.map { TOMLNode(.table($0.freeze()), line: $0.line) }
                table.entries.append(.init(key: key, line: keyLine, node: TOMLNode(.array(nodes), line: keyLine)))
            }
        }
        return table
    }
}
