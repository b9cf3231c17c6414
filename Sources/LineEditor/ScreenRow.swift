/// The single terminal row the editor draws on: its characters from column
/// 0 (prompt, scroll markers and visible text) and the cursor's column.
///
/// The editor keeps the row it last drew, so each change is sent as the
/// smallest rewrite (see `transition`), which matters at 115200 baud.
struct ScreenRow: Sendable, Equatable {
    var cells: [Character] = []
    var cursorColumn = 0

    static let empty = ScreenRow()

    var width: Int { DisplayWidth.of(cells) }

    /// Bytes turning `old` (as on screen, cursor included) into `new`: move
    /// to the first differing character, rewrite from there, erase what is
    /// left of the old row (ESC [ K), then put the cursor in place. Uses
    /// only CR, ESC [ K and ESC [ n C / D, which every VT100 understands.
    /// `eraseRest` forces the erase when what is on screen is not known.
    static func transition(from old: ScreenRow, to new: ScreenRow, eraseRest: Bool = false) -> [UInt8] {
        var common = 0
        var column = 0
        while common < old.cells.count, common < new.cells.count, old.cells[common] == new.cells[common] {
            column += DisplayWidth.of(old.cells[common])
            common += 1
        }
        let unchanged = common == old.cells.count && common == new.cells.count
        if unchanged && !eraseRest {
            return cursorMove(from: old.cursorColumn, to: new.cursorColumn)
        }
        var out = cursorMove(from: old.cursorColumn, to: column)
        let tail = new.cells[common...]
        out.append(contentsOf: String(tail).utf8)
        let end = column + DisplayWidth.of(tail)
        if eraseRest || old.width > end { out.append(contentsOf: eraseToEndOfLine) }
        out.append(contentsOf: cursorMove(from: end, to: new.cursorColumn))
        return out
    }

    /// ESC [ K.
    static let eraseToEndOfLine: [UInt8] = [0x1B, 0x5B, 0x4B]

    /// Relative cursor motion on the row: CR to reach column 0, otherwise
    /// ESC [ n D (left) or ESC [ n C (right).
    static func cursorMove(from: Int, to: Int) -> [UInt8] {
        if to == from { return [] }
        if to == 0 { return [0x0D] }
        let (count, final) = to < from ? (from - to, UInt8(ascii: "D")) : (to - from, UInt8(ascii: "C"))
        return [0x1B, 0x5B] + Array(String(count).utf8) + [final]
    }
}
