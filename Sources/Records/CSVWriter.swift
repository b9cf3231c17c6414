/// Writes CSV as RFC 4180 describes it and Excel opens it by double-click:
/// UTF-8 bytes (a file should start with `byteOrderMark`, without which
/// Excel reads Chinese text as the local ANSI code page), records ended by
/// CRLF, fields separated by commas and quoted only when they contain a
/// comma, a double quote, CR or LF (a quote inside is written twice).
/// With `guardsFormulas` (the default) every field also goes through
/// `CSVFormulaGuard`.
///
/// Bytes are appended to a buffer the caller owns, field by field, so large
/// exports can be flushed as they go without a String per cell.
public struct CSVWriter: Sendable, Equatable {
    /// UTF-8 byte order mark, EF BB BF: tells Excel the file is UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Prefix cells that a spreadsheet would run as formulas (see `CSVFormulaGuard`).
    public var guardsFormulas: Bool

    public init(guardsFormulas: Bool = true) {
        self.guardsFormulas = guardsFormulas
    }

    /// Appends one record: the fields `body` adds, then CRLF.
    public func appendRow(to out: inout [UInt8], _ body: (inout CSVRow) -> Void) {
        var row = CSVRow(guardsFormulas: guardsFormulas)
        swap(&row.bytes, &out)          // hand the buffer over without copying it
        body(&row)
        row.endFieldIfOpen()
        swap(&row.bytes, &out)
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Appends one record of text fields.
    public func appendRow(_ fields: some Sequence<String>, to out: inout [UInt8]) {
        appendRow(to: &out) { row in
            for field in fields { row.field(field) }
        }
    }
}

/// One CSV record being written (see `CSVWriter.appendRow(to:_:)`): add
/// whole fields with `field(_:)`, or build one from pieces between
/// `beginField()` and `endField()`.
public struct CSVRow {
    var bytes: [UInt8] = []
    let guardsFormulas: Bool
    private var fieldCount = 0
    private var fieldStart = 0
    private var fieldOpen = false
    private var needsQuotes = false

    init(guardsFormulas: Bool) {
        self.guardsFormulas = guardsFormulas
    }

    /// Adds a text field; nil is an empty field.
    public mutating func field(_ text: String?) {
        beginField()
        if let text { append(text) }
        endField()
    }

    /// Adds an integer field; nil is an empty field.
    public mutating func field(_ number: Int64?) {
        beginField()
        if let number { appendASCII(String(number)) }  // up to 15 digits fit a String without allocating
        endField()
    }

    /// Adds an integer field; nil is an empty field.
    public mutating func field(_ number: Int?) {
        field(number.map(Int64.init))
    }

    /// Starts a field built from pieces (ends any field still open).
    public mutating func beginField() {
        endFieldIfOpen()
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldCount += 1
        fieldStart = bytes.count
        fieldOpen = true
        needsQuotes = false
    }

    /// Appends text to the open field, escaping as needed.
    public mutating func append(_ text: some StringProtocol) {
        precondition(fieldOpen, "CSVRow.append: call beginField() first")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""):
                bytes.append(byte)
                needsQuotes = true
            case UInt8(ascii: ","), 0x0D, 0x0A:
                needsQuotes = true
            default:
                break
            }
            bytes.append(byte)
        }
    }

    /// Closes the open field: adds the formula guard and the quotes it needs.
    public mutating func endField() {
        precondition(fieldOpen, "CSVRow.endField: no field is open")
        fieldOpen = false
        let prefixed = guardsFormulas && CSVFormulaGuard.needsPrefix(utf8: bytes[fieldStart...])
        if prefixed { bytes.insert(UInt8(ascii: "'"), at: fieldStart) }
        if needsQuotes {
            bytes.insert(UInt8(ascii: "\""), at: fieldStart)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    mutating func endFieldIfOpen() {
        if fieldOpen { endField() }
    }

    /// Appends text known to hold no byte that needs escaping.
    mutating func appendASCII(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a local date-time as "YYYY-MM-DD HH:MM:SS".
    mutating func append(_ time: LocalTimestamp) {
        precondition(fieldOpen, "CSVRow.append: call beginField() first")
        time.append(to: &bytes)
    }

    /// Appends milliseconds as seconds with one decimal, rounded to the
    /// nearest tenth, halves away from zero: 12 345 ms → "12.3", 450 ms → "0.5".
    mutating func appendTenthsOfSecond(milliseconds ms: Int64) {
        precondition(fieldOpen, "CSVRow.append: call beginField() first")
        let magnitude = ms.magnitude
        let tenths = magnitude / 100 + (magnitude % 100 >= 50 ? 1 : 0)
        if ms < 0 && tenths > 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(contentsOf: String(tenths / 10).utf8)
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(tenths % 10))
    }
}
