import LineEditor

/// The fixed words of the tools' text in the operator's language (English
/// or Chinese), and padding by terminal columns so tables stay aligned
/// when a heading or a cell holds Chinese (each character two columns).
/// Data (names, numbers, paths, ids) is never translated.
struct ToolText: Sendable {
    let chinese: Bool

    /// `english`, or `zh` for a Chinese reader.
    func callAsFunction(_ english: String, _ zh: String) -> String { chinese ? zh : english }

    /// `s` padded to `width` terminal columns, then a space if it fills them.
    static func cell(_ s: String, _ width: Int) -> String {
        let columns = DisplayWidth.of(s)
        return columns >= width ? s + " " : s + String(repeating: " ", count: width - columns)
    }

    /// `s` right-aligned in `width` terminal columns (numbers under a heading).
    static func right(_ s: String, _ width: Int) -> String {
        let columns = DisplayWidth.of(s)
        return columns >= width ? s : String(repeating: " ", count: width - columns) + s
    }

    /// Rows (the heading first) with every column but the last padded to
    /// its widest cell, two spaces between columns; no spaces end a line.
    static func columns(_ rows: [[String]]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows { for (i, s) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(s)) } }
        return rows.map { row in
            var line = Substring(row.enumerated().map { i, s in
                i == row.count - 1 ? s : s + String(repeating: " ", count: widths[i] - DisplayWidth.of(s) + 2)
            }.joined())
            while line.hasSuffix(" ") { line = line.dropLast() }
            return String(line)
        }
    }
}
