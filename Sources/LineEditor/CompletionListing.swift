/// Lays out completion candidates in columns that fit the terminal, ordered
/// down the columns like `ls`, so a long list stays short.
extension Completion {
    /// Rows of text (no line endings, no trailing padding), each at most
    /// `width - 1` columns wide so no row triggers the terminal's auto-wrap;
    /// a candidate wider than that gets a row of its own.
    public static func columns(_ candidates: [String], width: Int) -> [String] {
        guard !candidates.isEmpty else { return [] }
        let gap = 2
        let widest = candidates.map { DisplayWidth.of($0) }.max() ?? 0
        let usable = max(width - 1, 1)
        let columnCount = max(1, (usable + gap) / (widest + gap))
        let rowCount = (candidates.count + columnCount - 1) / columnCount
        var rows: [String] = []
        for row in 0..<rowCount {
            var text = ""
            var index = row
            while index < candidates.count {
                let candidate = candidates[index]
                index += rowCount
                text += candidate
                if index < candidates.count {
                    text += String(repeating: " ", count: widest - DisplayWidth.of(candidate) + gap)
                }
            }
            rows.append(text)
        }
        return rows
    }
}
