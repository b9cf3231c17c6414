/// Reads one TOML table into typed values, reporting to a sink every key of
/// the wrong type, every required key that is missing and, at `finish()`,
/// every key nobody asked for (with a "did you mean" hint).
final class TableReader {
    let table: TOMLTable
    /// How messages name the table: `[queues.sales]`.
    let path: String
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

    private func wrongType(_ entry: TOMLTable.Entry, _ expected: String) {
        sink.error(entry.node.line, "'\(entry.key)' in \(path) must be \(expected), not \(entry.node.value.typeName)")
    }

    func missing(_ key: String, _ what: String) {
        sink.error(table.line, "\(path) needs '\(key)' (\(what))")
    }

    func has(_ key: String) -> Bool { table.entry(key) != nil }

    func string(_ key: String, required what: String? = nil) -> Located<String>? {
        guard let entry = take(key) else { if let what { missing(key, what) }; return nil }
        guard case .string(let s) = entry.node.value else { wrongType(entry, "a string in quotes"); return nil }
        return Located(s, line: entry.node.line)
    }

    func int(_ key: String, in range: ClosedRange<Int>, required what: String? = nil) -> Located<Int>? {
        guard let entry = take(key) else { if let what { missing(key, what) }; return nil }
        guard case .integer(let n) = entry.node.value else { wrongType(entry, "a whole number"); return nil }
        guard range.contains(n) else {
            sink.error(entry.node.line, "'\(key)' in \(path) must be between \(range.lowerBound) and \(range.upperBound), not \(n)")
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
            sink.error(entry.node.line, "'\(key)' in \(path) is '\(s)'\(didYouMean(s, words)); use true, false or one of: \(words.joined(separator: ", "))")
            return nil
        default:
            wrongType(entry, "true, false or one of \(words.map { "\"\($0)\"" }.joined(separator: ", "))")
            return nil
        }
    }

    func bool(_ key: String) -> Located<Bool>? {
        guard let entry = take(key) else { return nil }
        guard case .boolean(let b) = entry.node.value else { wrongType(entry, "true or false"); return nil }
        return Located(b, line: entry.node.line)
    }

    /// Seconds, whole or decimal, returned as milliseconds.
    func seconds(_ key: String, in range: ClosedRange<Double>) -> Located<Int>? {
        guard let entry = take(key) else { return nil }
        let value: Double
        switch entry.node.value {
        case .integer(let n): value = Double(n)
        case .float(let d): value = d
        default: wrongType(entry, "a number of seconds"); return nil
        }
        guard range.contains(value) else {
            sink.error(entry.node.line, "'\(key)' in \(path) must be between \(format(range.lowerBound)) and \(format(range.upperBound)) seconds, not \(format(value))")
            return nil
        }
        return Located(Int((value * 1000).rounded()), line: entry.node.line)
    }

    /// A string or a list of strings.
    func strings(_ key: String, required what: String? = nil) -> [Located<String>]? {
        guard let entry = take(key) else { if let what { missing(key, what) }; return nil }
        switch entry.node.value {
        case .string(let s): return [Located(s, line: entry.node.line)]
        case .array(let items):
            var out: [Located<String>] = []
            for item in items {
                guard case .string(let s) = item.value else {
                    sink.error(item.line, "'\(key)' in \(path) must list strings in quotes, not \(item.value.typeName)")
                    continue
                }
                out.append(Located(s, line: item.line))
            }
            return out
        default:
            wrongType(entry, "a string or a list of strings"); return nil
        }
    }

    func subtable(_ key: String, required: Bool = false) -> TableReader? {
        guard let entry = take(key) else {
            if required { sink.error(table.line, "\(path) needs a [\(childPath(key))] table") }
            return nil
        }
        guard case .table(let t) = entry.node.value else { wrongType(entry, "a table"); return nil }
        return TableReader(t, path: "[\(childPath(key))]", sink: sink)
    }

    /// `[queues.sales]`, `[queues.support]`, …: each named child table.
    func namedTables(_ key: String) -> [(name: Located<String>, reader: TableReader)] {
        guard let entry = take(key) else { return [] }
        guard case .table(let t) = entry.node.value else { wrongType(entry, "a table of named tables"); return [] }
        var out: [(Located<String>, TableReader)] = []
        for child in t.entries {
            guard case .table(let c) = child.node.value else {
                sink.error(child.line, "'\(child.key)' in [\(key)] must be a table: write [\(key).\(child.key)]")
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
            sink.error(entry.line, "unknown key '\(entry.key)' in \(path == "" ? "the top level" : path)\(didYouMean(entry.key, asked))")
        }
    }

    private func childPath(_ key: String) -> String {
        path.hasPrefix("[") ? String(path.dropFirst().dropLast()) + "." + key : key
    }
}

func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
