import Testing
import LineEditor

private let commands = ["show", "shutdown", "agent", "queue", "quit"]

/// An editor completing the first word from `commands`.
private func editor(width: Int = 40) -> LineEditor {
    var editor = LineEditor(width: width)
    editor.completion = { line, cursor in
        let word = String(Array(line)[..<cursor])
        return commands.filter { $0.hasPrefix(word) }
    }
    _ = editor.begin(prompt: "> ")
    return editor
}

private func type(_ text: String, into editor: inout LineEditor) {
    for character in text { _ = editor.feed(.character(character)) }
}

@Suite struct CompletionTests {
    @Test("One candidate is completed and followed by a space")
    func single() {
        var editor = editor()
        type("ag", into: &editor)
        let step = editor.feed(.tab)
        #expect(editor.line == "agent ")
        #expect(step.outputText == "ent ")
    }

    @Test("Several candidates complete to their longest common prefix")
    func commonPrefix() {
        var editor = editor()
        type("s", into: &editor)
        _ = editor.feed(.tab)
        #expect(editor.line == "sh")
    }

    @Test("When nothing more can be completed, tab rings; tab again lists below and redraws the line")
    func listing() {
        var editor = editor()
        type("qu", into: &editor)
        let first = editor.feed(.tab)
        #expect(first.output == [0x07])
        let second = editor.feed(.tab)
        #expect(second.outputText == "\r\nqueue  quit\r\n> qu")
        #expect(editor.line == "qu")
    }

    @Test("A tab right after a partial completion lists at once")
    func listAfterPartial() {
        var editor = editor()
        type("s", into: &editor)
        _ = editor.feed(.tab)
        let step = editor.feed(.tab)
        #expect(step.outputText == "\r\nshow      shutdown\r\n> sh")
    }

    @Test("Another key between two tabs means the second only rings again")
    func otherKeyResetsRepeat() {
        var editor = editor()
        type("qu", into: &editor)
        _ = editor.feed(.tab)
        _ = editor.feed(.left)
        _ = editor.feed(.right)
        #expect(editor.feed(.tab).output == [0x07])
    }

    @Test("No candidate rings the bell; no completion source makes tab do nothing")
    func nothing() {
        var editor = editor()
        type("zz", into: &editor)
        #expect(editor.feed(.tab).output == [0x07])
        var plain = LineEditor()
        _ = plain.begin(prompt: "> ")
        #expect(plain.feed(.tab).output == [])
    }

    @Test("The source sees the whole line and the cursor; only the word before the cursor is replaced")
    func wordInMiddle() {
        var editor = LineEditor(width: 40)
        editor.completion = { line, cursor in
            #expect(line == "agent lo 1001")
            #expect(cursor == 8)
            return ["login", "logout"]
        }
        _ = editor.begin(prompt: "")
        type("agent lo 1001", into: &editor)
        for _ in 0..<5 { _ = editor.feed(.left) }
        _ = editor.feed(.tab)
        #expect(editor.line == "agent log 1001")
        #expect(editor.buffer.cursor == 9)
    }

    @Test("Longest common prefix works on whole characters, Chinese included")
    func prefix() {
        #expect(Completion.longestCommonPrefix(["队列一", "队列二"]) == "队列")
        #expect(Completion.longestCommonPrefix(["abc"]) == "abc")
        #expect(Completion.longestCommonPrefix([]) == "")
        #expect(Completion.longestCommonPrefix(["x", "y"]) == "")
    }

    @Test("Candidates are laid out down the columns, within width - 1 columns")
    func columns() {
        let items = ["a1", "a2", "a3", "a4", "a5"]
        #expect(Completion.columns(items, width: 13) == ["a1  a3  a5", "a2  a4"])
        #expect(Completion.columns(items, width: 4) == ["a1", "a2", "a3", "a4", "a5"])
        #expect(Completion.columns(["队列", "ab"], width: 80) == ["队列  ab"])
        #expect(Completion.columns(["ab", "队列"], width: 80) == ["ab    队列"])
    }
}
