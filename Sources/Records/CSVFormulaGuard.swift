/// The rule that keeps a CSV cell from running as a spreadsheet formula
/// ("CSV injection"): caller names, caller-ID numbers and collected digits
/// come from outside the center, and Excel evaluates a cell such as
/// `=HYPERLINK(…)` or `@SUM(…)` when the file is opened.
///
/// A cell gets a leading single quote `'` (Excel then shows it as text) when
/// it starts with:
/// - `=` or `@`;
/// - a tab, a carriage return or a line feed;
/// - `+` or `-`, unless the whole cell is a plain signed decimal number:
///   the sign alone, or the sign then digits, optionally with one `.` and
///   more digits (`+8613812345678`, `-3`, `-0.5`). A plain number cannot call
///   a function or reference a cell, so phone numbers in international form
///   stay exactly as dialled; anything more (`+1+2`, `-A1`, `+86 138…`,
///   `-2.5e3`) is quoted.
///
/// Excel may still *display* a long plain number in scientific notation;
/// importing the column as Text (Data ▸ From Text/CSV) shows it as written.
public enum CSVFormulaGuard {
    /// Whether a cell with this text needs the `'` prefix.
    public static func needsPrefix(_ text: some StringProtocol) -> Bool {
        needsPrefix(utf8: Array(text.utf8)[...])
    }

    /// The same rule over a cell's UTF-8 bytes (as written, quotes doubled).
    static func needsPrefix(utf8 cell: ArraySlice<UInt8>) -> Bool {
        guard let first = cell.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A:
            return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return !isPlainUnsignedNumberOrEmpty(cell.dropFirst())
        default:
            return false
        }
    }

    /// Empty, or `digits` or `digits.digits`.
    private static func isPlainUnsignedNumberOrEmpty(_ rest: ArraySlice<UInt8>) -> Bool {
        if rest.isEmpty { return true }
        var digitsBefore = 0
        var digitsAfter = 0
        var sawPoint = false
        for byte in rest {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            case UInt8(ascii: ".") where !sawPoint:
                sawPoint = true
            default:
                return false
            }
        }
        return digitsBefore > 0 && (!sawPoint || digitsAfter > 0)
    }
}
