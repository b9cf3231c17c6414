/// Horizontal scrolling: which part of a long line is shown.
///
/// The editor never lets the line wrap: wrapping needs the terminal's exact
/// auto-margin behaviour, which differs between serial terminals and is
/// unknowable without terminfo. Instead the row shows the prompt and a
/// window of the line around the cursor, with `<` where text is hidden to
/// the left and `>` where it is hidden to the right. The row is kept at most
/// `width - 1` columns wide so writing it never reaches the last column.
struct Viewport: Sendable {
    /// Columns for the line when the prompt is too wide for the terminal.
    static func minimumLineColumns(usable: Int) -> Int { max(4, min(10, usable / 2)) }

    /// The row for `buffer` behind `prompt` on a `width`-column terminal.
    /// `windowStart` is the first visible character, kept between calls so
    /// the window only moves as far as the cursor requires.
    static func row(prompt: [Character], buffer: LineBuffer, width: Int, windowStart: inout Int) -> ScreenRow {
        let usable = max(width - 1, 6)
        let shownPrompt = fit(prompt, into: usable - minimumLineColumns(usable: usable))
        let promptWidth = DisplayWidth.of(shownPrompt)
        let widths = buffer.characters.map { DisplayWidth.of($0) }
        let window = visibleRange(widths: widths, cursor: buffer.cursor,
                                  start: windowStart, columns: usable - promptWidth)
        windowStart = window.lowerBound

        var cells = shownPrompt
        var cursorColumn = promptWidth
        if window.lowerBound > 0 {
            cells.append("<")
            cursorColumn += 1
        }
        cells.append(contentsOf: buffer.characters[window])
        cursorColumn += widths[window.lowerBound..<buffer.cursor].reduce(0, +)
        if window.upperBound < widths.count { cells.append(">") }
        return ScreenRow(cells: cells, cursorColumn: cursorColumn)
    }

    /// `prompt` if it fits in `columns`, else its last characters that do:
    /// the end of a prompt (`kefu> `) is what matters while typing.
    static func fit(_ prompt: [Character], into columns: Int) -> [Character] {
        var used = 0
        var start = prompt.count
        while start > 0 {
            let width = DisplayWidth.of(prompt[start - 1])
            guard used + width <= columns else { break }
            used += width
            start -= 1
        }
        return Array(prompt[start...])
    }

    /// The characters to show out of a line with these per-character
    /// `widths` in `columns` columns (markers included), keeping the cursor
    /// visible and moving the window as little as possible from `start`.
    static func visibleRange(widths: [Int], cursor: Int, start: Int, columns: Int) -> Range<Int> {
        let count = widths.count

        func end(from start: Int) -> Int {
            var used = start > 0 ? 1 : 0
            var end = start
            while end < count {
                let marker = end + 1 < count ? 1 : 0
                guard used + widths[end] + marker <= columns else { break }
                used += widths[end]
                end += 1
            }
            return end
        }
        func showsCursor(from start: Int) -> Bool {
            let end = end(from: start)
            return cursor >= start && (cursor < end || (cursor == end && end == count))
        }

        var first = min(max(start, 0), cursor)
        while first < cursor, !showsCursor(from: first) { first += 1 }
        // Scroll back while that still shows the cursor and the line's end,
        // so deleting text fills the row again instead of leaving a gap.
        while first > 0, end(from: first - 1) == count, showsCursor(from: first - 1) { first -= 1 }
        return first..<end(from: first)
    }
}
