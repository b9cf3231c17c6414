/// Control-key bindings (emacs style, as in bash) and line endings.
extension LineEditor {
    mutating func control(_ letter: Character) -> EditorStep {
        switch letter {
        case "a": buffer.moveHome()
        case "e": buffer.moveEnd()
        case "b": buffer.moveLeft()
        case "f": buffer.moveRight()
        case "k": buffer.killToEnd()
        case "u": buffer.killToStart()
        case "w": buffer.deleteWordBackward()
        case "y": buffer.yank()
        case "p": recall(older: true)
        case "n": recall(older: false)
        case "c":
            return finish(.interrupted, marker: "^C")
        case "d":
            if buffer.isEmpty { return finish(.endOfInput) }
            buffer.deleteForward()
        case "l":
            screen = .empty
            let clear: [UInt8] = [0x1B, 0x5B, 0x48, 0x1B, 0x5B, 0x32, 0x4A]   // ESC [ H, ESC [ 2 J
            return EditorStep(output: clear + refresh(), outcome: .clearScreen)
        default:
            break
        }
        return EditorStep(output: refresh())
    }

    /// Shows the previous (older) or next history entry in place of the line.
    mutating func recall(older: Bool) {
        let current = buffer.text
        let recalled = older ? history.previous(current: current) : history.next(current: current)
        if let recalled { buffer.replace(with: recalled) }
    }

    /// Ends the line: shows its end, writes `marker` (ctrl-c's `^C`), moves
    /// to a new row and gets ready for the next `begin`. An entered line is
    /// offered to the history.
    mutating func finish(_ outcome: EditOutcome, marker: String = "") -> EditorStep {
        buffer.moveEnd()
        var output = refresh()
        output += Array(marker.utf8) + [0x0D, 0x0A]
        if case .entered(let line) = outcome { history.add(line) }
        history.resetNavigation()
        buffer.replace(with: "")
        screen = .empty
        windowStart = 0
        return EditorStep(output: output, outcome: outcome)
    }

    /// Bytes bringing the terminal row up to date with the line.
    mutating func refresh() -> [UInt8] {
        let row = Viewport.row(prompt: Array(prompt), buffer: buffer, width: width, windowStart: &windowStart)
        defer { screen = row }
        return ScreenRow.transition(from: screen, to: row)
    }

    /// Redraws the whole row from column 0 when what is on screen is not
    /// trusted (after a resize).
    mutating func redrawRow() -> [UInt8] {
        let row = Viewport.row(prompt: Array(prompt), buffer: buffer, width: width, windowStart: &windowStart)
        let start = ScreenRow(cells: [], cursorColumn: screen.cursorColumn)
        screen = row
        return ScreenRow.transition(from: start, to: row, eraseRest: true)
    }
}
