/// Learning a terminal's width from the terminal itself, as serial consoles
/// do: a serial line has no window size for the kernel to report, but any
/// VT100-compatible terminal (and every ssh client's) answers a cursor
/// position query.
///
/// `request` saves the cursor (ESC 7), moves it as far right as it goes
/// (ESC [999C stops at the last column) and asks where it is (ESC [6n). The
/// terminal answers `ESC [ row ; column R`, and that column is the width.
/// `restoreCursor` (ESC 8) then puts the cursor back where it was.
///
/// The answer arrives as input, mixed with whatever the user types at the
/// same moment; `reply(in:)` separates the two so no keystroke is lost.
enum WidthQuery {
    /// Save cursor, move far right, report the cursor position.
    static let request: [UInt8] = Array("\u{1B}7\u{1B}[999C\u{1B}[6n".utf8)
    /// Back to where the cursor was before `request`.
    static let restoreCursor: [UInt8] = Array("\u{1B}8".utf8)
    /// How long to wait for the answer: many round trips over ssh, or the
    /// reply's few bytes at 9600 baud, yet short enough not to be noticed
    /// at the first prompt when a terminal does not answer at all.
    static let timeoutMilliseconds: Int32 = 150
    /// More digits than this in a row or column number is not a reply.
    static let maximumDigits = 5

    /// A cursor position report and the bytes read around it.
    struct Reply: Sendable, Equatable {
        /// The cursor's row, from 1.
        var row: Int
        /// The cursor's column, from 1: after `request`, the width.
        var column: Int
        /// Everything read except the report, in order: keys typed before
        /// and after it, and any malformed sequence (a terminal that
        /// answers something else). These go to the key decoder.
        var otherBytes: [UInt8]
    }

    /// Finds the first complete cursor position report in `bytes` (all the
    /// input read since `request` was sent). Nil when there is none yet:
    /// the reply may still be on its way, possibly half of it already read.
    static func reply(in bytes: [UInt8]) -> Reply? {
        var start = 0
        while let escape = bytes[start...].firstIndex(of: 0x1B) {
            if let (row, column, end) = report(in: bytes, at: escape) {
                return Reply(row: row, column: column, otherBytes: Array(bytes[..<escape] + bytes[end...]))
            }
            start = escape + 1
        }
        return nil
    }

    /// The report `ESC [ row ; column R` starting at `escape`: its numbers
    /// and the index after its `R`; nil when the bytes there are not one.
    private static func report(in bytes: [UInt8], at escape: Int) -> (row: Int, column: Int, end: Int)? {
        var index = escape + 1
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        guard let row = number(in: bytes, at: &index),
              index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
        index += 1
        guard let column = number(in: bytes, at: &index),
              index < bytes.count, bytes[index] == UInt8(ascii: "R") else { return nil }
        return (row, column, index + 1)
    }

    /// The decimal number at `index` (1 to `maximumDigits` digits), moving
    /// `index` past it.
    private static func number(in bytes: [UInt8], at index: inout Int) -> Int? {
        var value = 0
        var digits = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
            if digits > maximumDigits { return nil }
        }
        return digits > 0 ? value : nil
    }
}
