import Records

/// What the calls on one line did in a span of time: how many, how their
/// lines were released (by `ReleaseReason.Kind`; "unknown" for rows from
/// before release reasons were kept), and the DTMF receiver's counters.
public struct LineTally: Sendable, Equatable {
    public var line: Int
    public var calls = 0
    /// Calls by release kind.
    public var releases: [String: Int] = [:]
    /// DTMF keys detected after the answer, and keys detected while the
    /// caller talked with an agent (talk-off suspects).
    public var dtmfKeys = 0
    public var falseDigits = 0

    public init(line: Int) { self.line = line }

    /// Calls that ended by waiting (a timeout, the longest call): the box
    /// may have missed the line's hang-up signal.
    public var endedByWaiting: Int {
        ReleaseReason.Kind.allCases.filter(\.suggestsMissedHangUp).reduce(0) { $0 + (releases[$1.rawValue] ?? 0) }
    }
}

extension CallStore {
    /// Per line, the calls that arrived in [from, to) (Unix ms) and ended.
    public func lineTallies(from: Int64, to: Int64) throws(SQLiteError) -> [Int: LineTally] {
        var out: [Int: LineTally] = [:]
        _ = try db.statement("""
            SELECT line, coalesce(release_kind, 'unknown'), count(*), coalesce(sum(dtmf_keys), 0), coalesce(sum(false_digit_suspects), 0)
            FROM calls WHERE arrived_ms >= ?1 AND arrived_ms < ?2 AND state != 'in-progress'
            GROUP BY line, release_kind
            """).rows([from, to]) { s in
            var tally = out[s.int(0)] ?? LineTally(line: s.int(0))
            let n = s.int(2)
            tally.calls += n
            tally.releases[s.string(1), default: 0] += n
            tally.dtmfKeys += s.int(3)
            tally.falseDigits += s.int(4)
            out[tally.line] = tally
        }
        return out
    }
}
