/// Call detail records as a CSV file for Excel (see `CSVWriter` for the
/// dialect: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula guard).
///
/// One row per call, columns as `CDRColumn` lists them:
/// - call id; arrival as local "YYYY-MM-DD HH:MM:SS" at `utcOffsetSeconds`;
/// - caller number, caller name, queue, agent (empty when unknown);
/// - wait and talk in seconds with one decimal, rounded to the nearest tenth
///   (halves away from zero): a tenth keeps sub-second waits visible for
///   service-level checks; empty when the call never reached an agent;
/// - end reason, survey score;
/// - menus passed joined by " > "; collected data as `key=value; key=value`
///   sorted by key (written as stored: the cell is for reading, not parsing);
/// - recording path.
///
/// Whole files come from `export(_:)`; large ones go out in chunks through
/// `stream(_:chunkBytes:to:)`, or row by row with `appendPreamble(to:)` and
/// `appendRow(_:to:)` into a buffer the caller flushes.
public struct CDRExport: Sendable, Equatable {
    public var headerLanguage: CDRColumn.Language
    /// Seconds east of UTC for the arrival column (China: 28 800).
    public var utcOffsetSeconds: Int
    public var writer: CSVWriter

    public init(headerLanguage: CDRColumn.Language = .english, utcOffsetSeconds: Int = 0,
                writer: CSVWriter = CSVWriter()) {
        self.headerLanguage = headerLanguage
        self.utcOffsetSeconds = utcOffsetSeconds
        self.writer = writer
    }

    /// Appends what a file starts with: the byte order mark and the header row.
    public func appendPreamble(to out: inout [UInt8]) {
        out.append(contentsOf: CSVWriter.byteOrderMark)
        writer.appendRow(CDRColumn.allCases.lazy.map { $0.title(headerLanguage) }, to: &out)
    }

    /// Appends one call's row (CRLF included).
    public func appendRow(_ call: CallDetail, to out: inout [UInt8]) {
        writer.appendRow(to: &out) { row in
            row.field(call.callID)
            row.beginField()
            row.append(LocalTimestamp(unixMilliseconds: call.arrived, utcOffsetSeconds: utcOffsetSeconds))
            row.endField()
            row.field(call.callerNumber)
            row.field(call.callerName)
            row.field(call.queue)
            row.field(call.agent)
            Self.seconds(call.waitedMilliseconds, in: &row)
            Self.seconds(call.talkMilliseconds, in: &row)
            row.field(call.endReason)
            row.field(call.surveyScore)
            row.beginField()
            for (i, menu) in call.menuPath.enumerated() {
                if i > 0 { row.append(" > ") }
                row.append(menu)
            }
            row.endField()
            row.beginField()
            for (i, key) in call.data.keys.sorted().enumerated() {
                if i > 0 { row.append("; ") }
                row.append(key)
                row.append("=")
                row.append(call.data[key] ?? "")
            }
            row.endField()
            row.field(call.recording)
        }
    }

    /// A whole file: BOM, header, one row per call.
    public func export(_ calls: some Sequence<CallDetail>) -> [UInt8] {
        var out: [UInt8] = []
        appendPreamble(to: &out)
        for call in calls { appendRow(call, to: &out) }
        return out
    }

    /// A whole file as text; it starts with U+FEFF, the byte order mark.
    public func exportString(_ calls: some Sequence<CallDetail>) -> String {
        String(decoding: export(calls), as: UTF8.self)
    }

    /// Writes a file through `sink` in chunks of about `chunkBytes` (whole
    /// rows only; the first chunk starts with the BOM and header), reusing
    /// one buffer, so a million rows never sit in memory at once.
    /// Stops at the sink's first error.
    public func stream<E: Error>(_ calls: some Sequence<CallDetail>, chunkBytes: Int = 64 * 1024,
                                 to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(max(chunkBytes, 0) + 1024)
        appendPreamble(to: &buffer)
        for call in calls {
            appendRow(call, to: &buffer)
            if buffer.count >= chunkBytes {
                try sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink(buffer) }
    }

    private static func seconds(_ milliseconds: Int64?, in row: inout CSVRow) {
        row.beginField()
        if let milliseconds { row.appendTenthsOfSecond(milliseconds: milliseconds) }
        row.endField()
    }
}
