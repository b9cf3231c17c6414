import Testing
import LineEditor

private func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

@Suite struct ScrollingTests {
    @Test("On a 10-column terminal the line scrolls left with a '<' marker, one row, never the last column")
    func scrollsWhileTyping() {
        var editor = LineEditor(width: 10)
        _ = editor.begin(prompt: "> ")
        let typed = keys("abcdefgh").map { editor.feed($0).outputText }
        #expect(typed == ["a", "b", "c", "d", "e", "f", "g", "\u{1B}[7D<cdefgh"])
    }

    @Test("Home shows the start with a '>' marker; End scrolls back to the tail")
    func homeAndEnd() {
        var editor = LineEditor(width: 10)
        _ = editor.begin(prompt: "> ")
        for key in keys("abcdefgh") { _ = editor.feed(key) }
        #expect(editor.feed(.home).outputText == "\u{1B}[7Dabcdef>\u{1B}[7D")
        #expect(editor.feed(.right).outputText == "\u{1B}[1C")
        #expect(editor.feed(.end).outputText == "\u{1B}[1D<cdefgh")
    }

    @Test("Deleting from a scrolled line scrolls back so the row is filled again")
    func shrinking() {
        var editor = LineEditor(width: 10)
        _ = editor.begin(prompt: "> ")
        for key in keys("abcdefgh") { _ = editor.feed(key) }
        #expect(editor.feed(.backspace).outputText == "\u{1B}[7Dabcdefg")
    }

    @Test("Moving left past the window's edge scrolls one character at a time")
    func scrollLeft() {
        var editor = LineEditor(width: 10)
        _ = editor.begin(prompt: "> ")
        for key in keys("abcdefghij") { _ = editor.feed(key) }
        // Row "> <efghij", cursor at column 9.
        for _ in 0..<6 { _ = editor.feed(.left) }
        #expect(editor.buffer.cursor == 4)
        // The cursor is on 'e', right after '<': one more left shows 'd'
        // there and hides the tail behind '>'.
        #expect(editor.feed(.left).outputText == "defgh>\u{1B}[6D")
    }

    @Test("Wide characters scroll whole: a two-column character is never cut in half")
    func wideCharacters() {
        var editor = LineEditor(width: 10)
        _ = editor.begin(prompt: "> ")
        let typed = keys("客服客服").map { editor.feed($0).outputText }
        #expect(typed == ["客", "服", "客", "\u{1B}[6D<服客服"])
    }

    @Test("A prompt too wide for the terminal is cut from the left to leave room for the line")
    func widePrompt() {
        var editor = LineEditor(width: 20)
        let prompt = "callcenter/queues/sales-east/agents> "
        #expect(String(decoding: editor.begin(prompt: prompt), as: UTF8.self) == "t/agents> ")
    }
}
