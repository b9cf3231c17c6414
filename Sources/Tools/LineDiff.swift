/// The lines that differ between two texts (a longest-common-subsequence
/// diff), for `config diff`: what the file on disk changes against the
/// config kefud is running.
public enum LineDiff {
    public enum Change: Sendable, Equatable {
        /// A line only the old text has (its line number there).
        case removed(line: Int, text: String)
        /// A line only the new text has (its line number there).
        case added(line: Int, text: String)
    }

    public static func changes(old: String, new: String) -> [Change] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // lcs[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Change] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                i += 1; j += 1
            } else if i < a.count && (j == b.count || lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.append(.removed(line: i + 1, text: a[i])); i += 1
            } else {
                out.append(.added(line: j + 1, text: b[j])); j += 1
            }
        }
        return out
    }

    /// "-12: old line" / "+12: new line", in order.
    public static func render(_ changes: [Change]) -> [String] {
        changes.map {
            switch $0 {
            case .removed(let line, let text): "-\(line): \(text)"
            case .added(let line, let text): "+\(line): \(text)"
            }
        }
    }
}
