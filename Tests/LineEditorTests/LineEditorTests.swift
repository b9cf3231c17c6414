import Testing
import LineEditor

/// The terminal output of feeding `keys` after `begin`, one string per key.
private func outputs(_ keys: [Key], editor: inout LineEditor) -> [String] {
    keys.map { editor.feed($0).outputText }
}

private func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

private func started(width: Int = 80, prompt: String = "> ", history: History = History()) -> LineEditor {
    var editor = LineEditor(width: width, history: history)
    _ = editor.begin(prompt: prompt)
    return editor
}

@Suite struct LineEditorTests {
    @Test("begin writes the prompt")
    func beginWritesPrompt() {
        var editor = LineEditor()
        #expect(String(decoding: editor.begin(prompt: "kefu> "), as: UTF8.self) == "kefu> ")
    }

    @Test("A prompt with line breaks is written once; its last line is the editing row")
    func multiLinePrompt() {
        var editor = LineEditor()
        #expect(String(decoding: editor.begin(prompt: "3 calls waiting\n客服> "), as: UTF8.self)
                == "3 calls waiting\r\n客服> ")
        #expect(editor.prompt == "客服> ")
        #expect(editor.feed(.character("x")).outputText == "x")
        #expect(editor.feed(.control("a")).outputText == "\u{1B}[1D")
    }

    @Test("Typing \"ab\", left, \"X\" echoes, moves back one column, then rewrites the tail")
    func insertInMiddle() {
        var editor = started()
        #expect(outputs(keys("ab") + [.left] + keys("X"), editor: &editor)
                == ["a", "b", "\u{1B}[1D", "Xb\u{1B}[1D"])
        #expect(editor.line == "aXb")
    }

    @Test("Backspace at the end steps back and erases to the end of the row")
    func backspaceAtEnd() {
        var editor = started()
        _ = outputs(keys("abc"), editor: &editor)
        #expect(editor.feed(.backspace).outputText == "\u{1B}[1D\u{1B}[K")
        #expect(editor.feed(.control("a")).outputText == "\u{1B}[2D")
        #expect(editor.feed(.delete).outputText == "b\u{1B}[K\u{1B}[1D")
        #expect(editor.line == "b")
    }

    @Test("Cursor motion over Chinese text moves two columns per character")
    func chineseMotion() {
        var editor = started()
        #expect(outputs(keys("客服") + [.left] + keys("a") + [.home, .end], editor: &editor)
                == ["客", "服", "\u{1B}[2D", "a服\u{1B}[2D", "\u{1B}[3D", "\u{1B}[5C"])
    }

    @Test("Ctrl-w, ctrl-y and ctrl-k redraw only what changed")
    func killAndYank() {
        var editor = started()
        _ = outputs(keys("queue sales"), editor: &editor)
        #expect(editor.feed(.control("w")).outputText == "\u{1B}[5D\u{1B}[K")
        #expect(editor.feed(.control("y")).outputText == "sales")
        _ = editor.feed(.control("a"))
        #expect(editor.feed(.control("k")).outputText == "\u{1B}[K")
        #expect(editor.line == "")
    }

    @Test("Enter moves to the end, starts a new row and records the line")
    func enter() {
        var editor = started()
        _ = outputs(keys("ab") + [.left], editor: &editor)
        let step = editor.feed(.enter)
        #expect(step.outcome == .entered("ab"))
        #expect(step.outputText == "\u{1B}[1C\r\n")
        #expect(editor.history.entries == ["ab"])
        #expect(editor.line == "")
    }

    @Test("Ctrl-c shows ^C, discards the line and does not record it")
    func interrupt() {
        var editor = started()
        _ = outputs(keys("abc") + [.left, .left], editor: &editor)
        let step = editor.feed(.control("c"))
        #expect(step.outcome == .interrupted)
        #expect(step.outputText == "\u{1B}[2C^C\r\n")
        #expect(editor.history.entries.isEmpty)
        #expect(editor.line == "")
        #expect(String(decoding: editor.begin(prompt: "> "), as: UTF8.self) == "> ")
    }

    @Test("Ctrl-d ends input on an empty line and deletes under the cursor otherwise")
    func controlD() {
        var editor = started()
        _ = outputs(keys("ab") + [.home], editor: &editor)
        let delete = editor.feed(.control("d"))
        #expect(delete.outcome == .continue)
        #expect(delete.outputText == "b\u{1B}[K\u{1B}[1D")
        _ = editor.feed(.control("d"))
        let end = editor.feed(.control("d"))
        #expect(end.outcome == .endOfInput)
        #expect(end.outputText == "\r\n")
    }

    @Test("Ctrl-l clears the screen and redraws prompt and line at the top")
    func clearScreen() {
        var editor = started()
        _ = outputs(keys("ab") + [.left], editor: &editor)
        let step = editor.feed(.control("l"))
        #expect(step.outcome == .clearScreen)
        #expect(step.outputText == "\u{1B}[H\u{1B}[2J> ab\u{1B}[1D")
    }

    @Test("Up recalls the newest entry; down brings back the draft")
    func historyKeys() {
        var history = History()
        history.add("show calls")
        history.add("agent list")
        var editor = started(history: history)
        _ = outputs(keys("qu"), editor: &editor)
        #expect(editor.feed(.up).outputText == "\u{1B}[2Dagent list")
        #expect(editor.feed(.control("p")).outputText == "\u{1B}[10Dshow calls")
        #expect(editor.feed(.up).outputText == "")
        _ = editor.feed(.down)
        #expect(editor.feed(.control("n")).outputText == "\u{1B}[10Dqu\u{1B}[K")
        #expect(editor.line == "qu")
    }

    @Test("Feeding several keys stops at the one ending the line")
    func feedStopsAtEnter() {
        var editor = started()
        let (step, consumed) = editor.feed(keys("a") + [.enter] + keys("b"))
        #expect(consumed == 2)
        #expect(step.outcome == .entered("a"))
        #expect(step.outputText == "a\r\n")
    }

    @Test("Alt keys, Escape and unbound control keys change nothing")
    func ignoredKeys() {
        var editor = started()
        _ = outputs(keys("a"), editor: &editor)
        #expect(outputs([.escape, .meta("x"), .control("r"), .control("z")], editor: &editor) == ["", "", "", ""])
        #expect(editor.line == "a")
    }

    @Test("A resize redraws the whole row from column 0")
    func resize() {
        var editor = started()
        _ = outputs(keys("abc"), editor: &editor)
        #expect(String(decoding: editor.resize(width: 40), as: UTF8.self) == "\r> abc\u{1B}[K")
        #expect(editor.resize(width: 40) == [])
    }
}
