/// Reads one TOML table into typed values, reporting to a sink every key of
/// the wrong type, every required key that is missing and, at `finish()`,
/// every key nobody asked for (with a "did you mean" hint).
final class TableReader {
    let table: TOMLTable
    /// How messages name the table: `[queues.sales]`.
    let path: String
    /// Where in the file, for messages: `[queues.sales]` (`[queues.sales] 中`)
    /// or the top level (顶层).
    var place: Bilingual { path.isEmpty ? Bilingual("the top level", "顶层") : Bilingual(path, "\(path) 中") }
    let sink: DiagnosticSink
    private var asked: [String] = []

    init(_ table: TOMLTable, path: String, sink: DiagnosticSink) {
        self.table = table
        self.path = path
        self.sink = sink
    }

    var line: Int { table.line }

    private func take(_ key: String) -> TOMLTable.Entry? {
        if !asked.contains(key) { asked.append(key) }
        return table.entry(key)
    }

    private func wrongType(_ entry: TOMLTable.Entry, _ expected: Bilingual) {
        let found = entry.node.value.typeName
        let wanted = expected.chinese.first?.isASCII == true ? " " + expected.chinese : expected.chinese  // 必须是 true 或 false
        sink.error(entry.node.line, "'\(entry.key)' in \(place.english) must be \(expected.english), not \(found.english)",
                   "\(place.chinese)的 '\(entry.key)' 必须是\(wanted)，不能是\(found.chinese)")
    }

    func missing(_ key: String, _ what: Bilingual) {
        sink.error(table.line, "\(path) needs '\(key)' (\(what.english))", "\(path) 缺少 '\(key)'（\(what.chinese)）")
    }

    func has(_ key: String) -> Bool { table.entry(key) != nil }

    func string(_ key: String, required what: Bilingual? = nil) -> Located<String>? {
        guard let entry = take(key) else { if let what { missing(key, what) }; return nil }
        guard case .string(let s) = entry.node.value else { wrongType(entry, Bilingual("a string in quotes", "带引号的字符串")); return nil }
        return Located(s, line: entry.node.line)
    }

    func int(_ key: String, in range: ClosedRange<Int>, required what: Bilingual? = nil) -> Located<Int>? {
        guard let entry = take(key) else { if let what { missing(key, what) }; return nil }
        guard case .integer(let n) = entry.node.value else { wrongType(entry, Bilingual("a whole number", "整数")); return nil }
        guard range.contains(n) else {
            sink.error(entry.node.line, "'\(key)' in \(path) must be between \(range.lowerBound) and \(range.upperBound), not \(n)",
                       "\(path) 中的 '\(key)' 必须在 \(range.lowerBound) 到 \(range.upperBound) 之间，不能是 \(n)")
            return nil
        }
        return Located(n, line: entry.node.line)
    }

    /// A key that may be true/false or one of some words (`record = "on-demand"`).
    func boolOrWord(_ key: String, words: [String]) -> Located<String>? {
        guard let entry = take(key) else { return nil }
        switch entry.node.value {
        case .boolean(let b): return Located(b ? "true" : "false", line: entry.node.line)
        case .string(let s) where words.contains(s): return Located(s, line: entry.node.line)
        case .string(let s):
            let hint = didYouMean(s, words), all = words.joined(separator: ", ")
            sink.error(entry.node.line, "'\(key)' in \(path) is '\(s)'\(hint.english); use true, false or one of: \(all)",
                       "\(path) 中的 '\(key)' 是 '\(s)'\(hint.chinese)；请用 true、false 或以下之一：\(all)")
            return nil
        default:
            let quoted = words.map { "\"\($0)\"" }.joined(separator: ", ")
            wrongType(entry, Bilingual("true, false or one of \(quoted)", "true、false 或 \(quoted) 之一"))
            return nil
        }
    }

    func bool(_ key: String) -> Located<Bool>? {
        guard let entry = take(key) else { return nil }
        guard case .boolean(let b) = entry.node.value else { wrongType(entry, Bilingual("true or false", "true 或 false")); return nil }
        return Located(b, line: entry.node.line)
    }

    /// Seconds, whole or decimal, returned as milliseconds.
    func seconds(_ key: String, in range: ClosedRange<Double>) -> Located<Int>? {
        guard let entry = take(key) else { return nil }
        let value: Double
        switch entry.node.value {
        case .integer(let n): value = Double(n)
        case .float(let d): value = d
        default: wrongType(entry, Bilingual("a number of seconds", "秒数")); return nil
        }
        guard range.contains(value) else {
            let low = format(range.lowerBound), high = format(range.upperBound)
            sink.error(entry.node.line, "'\(key)' in \(path) must be between \(low) and \(high) seconds, not \(format(value))",
                       "\(path) 中的 '\(key)' 必须在 \(low) 到 \(high) 秒之间，不能是 \(format(value))")
            return nil
        }
        return Located(Int((value * 1000).rounded()), line: entry.node.line)
    }

    /// A string or a list of strings.
    func strings(_ key: String, required what: Bilingual? = nil) -> [Located<String>]? {
        guard let entry = take(key) else { if let what { missing(key, what) }; return nil }
        switch entry.node.value {
        case .string(let s): return [Located(s, line: entry.node.line)]
        case .array(let items):
            var out: [Located<String>] = []
            for item in items {
                guard case .string(let s) = item.value else {
                    sink.error(item.line, "'\(key)' in \(path) must list strings in quotes, not \(item.value.typeName.english)",
                               "\(path) 中的 '\(key)' 必须列出带引号的字符串，不能是\(item.value.typeName.chinese)")
                    continue
                }
                out.append(Located(s, line: item.line))
            }
            return out
        default:
            wrongType(entry, Bilingual("a string or a list of strings", "字符串或字符串列表")); return nil
        }
    }

    func subtable(_ key: String, required: Bool = false) -> TableReader? {
        guard let entry = take(key) else {
            if required { sink.error(table.line, "\(path) needs a [\(childPath(key))] table", "\(path) 缺少 [\(childPath(key))] 表") }
            return nil
        }
        guard case .table(let t) = entry.node.value else { wrongType(entry, Bilingual("a table", "表")); return nil }
        return TableReader(t, path: "[\(childPath(key))]", sink: sink)
    }

    /// `[queues.sales]`, `[queues.support]`, …: each named child table.
    func namedTables(_ key: String) -> [(name: Located<String>, reader: TableReader)] {
        guard let entry = take(key) else { return [] }
        guard case .table(let t) = entry.node.value else { wrongType(entry, Bilingual("a table of named tables", "由各个命名表组成的表")); return [] }
        var out: [(Located<String>, TableReader)] = []
        for child in t.entries {
            guard case .table(let c) = child.node.value else {
                sink.error(child.line, "'\(child.key)' in [\(key)] must be a table: write [\(key).\(child.key)]",
                           "[\(key)] 中的 '\(child.key)' 必须是表：请写成 [\(key).\(child.key)]")
                continue
            }
            out.append((Located(child.key, line: child.line), TableReader(c, path: "[\(key).\(child.key)]", sink: sink)))
        }
        return out
    }

    /// Marks a key as handled elsewhere (no unknown-key report).
    func ignore(_ key: String) {
        if !asked.contains(key) { asked.append(key) }
    }

    /// Every entry of this table as (key, node), marking them all as read.
    func allEntries() -> [TOMLTable.Entry] {
        for e in table.entries where !asked.contains(e.key) { asked.append(e.key) }
        return table.entries
    }

    /// Reports keys that were never asked for.
    func finish() {
        for entry in table.entries where !asked.contains(entry.key) {
            let hint = didYouMean(entry.key, asked)
            sink.error(entry.line, "unknown key '\(entry.key)' in \(place.english)\(hint.english)",
                       "\(place.chinese)有未知的配置项 '\(entry.key)'\(hint.chinese)")
        }
    }

    private func childPath(_ key: String) -> String {
        path.hasPrefix("[") ? String(path.dropFirst().dropLast()) + "." + key : key
    }
}

func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
