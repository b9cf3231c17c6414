import Testing
import LineEditor

// `as Bool` makes #expect evaluate a mutating call once, in place, instead of
// decomposing it into a call on an immutable copy.

/// A buffer holding `text` with the cursor at `cursor`.
private func buffer(_ text: String, cursor: Int) -> LineBuffer {
    var buffer = LineBuffer(text)
    buffer.moveHome()
    for _ in 0..<cursor { buffer.moveRight() }
    return buffer
}

@Suite struct LineBufferTests {
    @Test("Inserting puts characters at the cursor and moves it past them")
    func insertAtCursor() {
        var line = buffer("show", cursor: 2)
        line.insert("X")
        #expect(line.text == "shXow")
        #expect(line.cursor == 3)
        line.insert(contentsOf: "客服")
        #expect(line.text == "shX客服ow")
        #expect(line.cursor == 5)
    }

    @Test("Backspace and delete remove one character, and report when there is none")
    func deleting() {
        var line = buffer("队列ab", cursor: 2)
        #expect(line.deleteBackward() as Bool)
        #expect(line.text == "队ab")
        #expect(line.deleteForward() as Bool)
        #expect(line.text == "队b")
        line.moveHome()
        #expect(!(line.deleteBackward() as Bool))
        line.moveEnd()
        #expect(!(line.deleteForward() as Bool))
        #expect(line.text == "队b")
    }

    @Test("Left, right, home and end stay within the line")
    func motions() {
        var line = LineBuffer("ab")
        #expect(line.cursor == 2)
        #expect(!(line.moveRight() as Bool))
        #expect(line.moveLeft() as Bool)
        #expect(line.cursor == 1)
        line.moveHome()
        #expect(line.cursor == 0)
        #expect(!(line.moveLeft() as Bool))
        line.moveEnd()
        #expect(line.cursor == 2)
    }

    @Test("Word motions step over letters and digits and stop at punctuation")
    func wordMotions() {
        var line = LineBuffer("agent login 1001-east")
        line.moveWordLeft()
        #expect(line.cursor == 17)              // start of "east"
        line.moveWordLeft()
        #expect(line.cursor == 12)              // start of "1001"
        line.moveWordLeft()
        #expect(line.cursor == 6)
        line.moveWordRight()
        #expect(line.cursor == 11)              // end of "login"
        line.moveWordRight()
        #expect(line.cursor == 16)              // end of "1001"
        line.moveHome()
        line.moveWordRight()
        #expect(line.cursor == 5)
    }

    @Test("Ctrl-k cuts to the end and ctrl-y puts it back")
    func killToEndAndYank() {
        var line = buffer("queue sales", cursor: 5)
        #expect(line.killToEnd() as Bool)
        #expect(line.text == "queue")
        #expect(line.killed == Array(" sales"))
        line.moveHome()
        #expect(line.yank() as Bool)
        #expect(line.text == " salesqueue")
        #expect(line.cursor == 6)
    }

    @Test("Ctrl-u cuts from the start to the cursor")
    func killToStart() {
        var line = buffer("show calls", cursor: 4)
        #expect(line.killToStart() as Bool)
        #expect(line.text == " calls")
        #expect(line.cursor == 0)
        #expect(line.killed == Array("show"))
    }

    @Test("Ctrl-w cuts the previous whitespace-delimited word and the spaces after it")
    func deleteWordBackward() {
        var line = LineBuffer("route set queue/sales-east  ")
        #expect(line.deleteWordBackward() as Bool)
        #expect(line.text == "route set ")
        #expect(line.killed == Array("queue/sales-east  "))
        #expect(line.deleteWordBackward() as Bool)
        #expect(line.text == "route ")
    }

    @Test("A kill of nothing keeps the previous kill for yank")
    func emptyKillKeepsYank() {
        var line = LineBuffer("abc def")
        line.deleteWordBackward()
        #expect(!(line.killToEnd() as Bool))              // cursor already at the end
        #expect(line.killed == Array("def"))
        var fresh = LineBuffer("x")
        #expect(!(fresh.yank() as Bool))
    }

    @Test("The kill buffer survives replacing the line")
    func killSurvivesReplace() {
        var line = LineBuffer("secret word")
        line.deleteWordBackward()
        line.replace(with: "new")
        line.yank()
        #expect(line.text == "newword")
    }

    @Test("A combining mark joins the character before it")
    func combiningMarkJoins() {
        var line = LineBuffer("e")
        line.insert("\u{301}")
        #expect(line.count == 1)
        #expect(line.cursor == 1)
        #expect(line.text == "e\u{301}")
        #expect(line.deleteBackward() as Bool)
        #expect(line.isEmpty)
    }

    @Test("Replacing a range puts the cursor after the new text")
    func replaceRange() {
        var line = buffer("sh x", cursor: 2)
        line.replace(0..<2, with: "show ")
        #expect(line.text == "show  x")
        #expect(line.cursor == 5)
    }
}
