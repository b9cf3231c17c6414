import Testing
import LineEditor

/// Feeds `text`'s UTF-8 bytes one call per byte, collecting the keys.
private func byteByByte(_ text: String) -> [Key] {
    var decoder = KeyDecoder()
    var keys: [Key] = []
    for byte in text.utf8 { keys += decoder.feed([byte]) }
    return keys
}

private func atOnce(_ text: String) -> [Key] {
    var decoder = KeyDecoder()
    return decoder.feed(Array(text.utf8))
}

@Suite struct KeyDecoderTests {
    @Test("Arrow keys in normal and application mode, split byte by byte")
    func arrows() {
        let expected: [Key] = [.up, .down, .right, .left, .up, .down, .right, .left]
        let input = "\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD"
        #expect(byteByByte(input) == expected)
        #expect(atOnce(input) == expected)
    }

    @Test("Home, End and Delete in all their terminal spellings")
    func homeEndDelete() {
        #expect(byteByByte("\u{1B}[H\u{1B}[1~\u{1B}[7~\u{1B}OH") == [.home, .home, .home, .home])
        #expect(byteByByte("\u{1B}[F\u{1B}[4~\u{1B}[8~\u{1B}OF") == [.end, .end, .end, .end])
        #expect(byteByByte("\u{1B}[3~") == [.delete])
    }

    @Test("Ctrl-arrows and alt-b/alt-f move by word")
    func wordKeys() {
        #expect(byteByByte("\u{1B}[1;5D\u{1B}[1;5C\u{1B}b\u{1B}f") == [.wordLeft, .wordRight, .wordLeft, .wordRight])
        #expect(byteByByte("\u{1B}[1;3D") == [.wordLeft])
        #expect(byteByByte("\u{1B}[1;2C") == [.right])
    }

    @Test("Control keys decode by letter; tab, backspace and enter by name")
    func controlKeys() {
        let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0B, 0x0C, 0x0E, 0x10, 0x12, 0x15, 0x17, 0x19]
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes) == "abcdefklnpruwy".map { Key.control($0) })
        #expect(decoder.feed([0x09, 0x7F, 0x08]) == [.tab, .backspace, .backspace])
    }

    @Test("CR LF is one enter, also when split across reads; CR CR and LF alone are enters")
    func enter() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x0D]) == [.enter])
        #expect(decoder.feed([0x0A]) == [])
        #expect(decoder.feed([0x0D, 0x0D]) == [.enter, .enter])
        #expect(decoder.feed([0x61, 0x0A, 0x0A]) == [.character("a"), .enter, .enter])
    }

    @Test("After a flush (a pause), an LF following a CR is an enter of its own")
    func pauseSeparatesCRAndLF() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x0D]) == [.enter])
        #expect(decoder.flush() == [])
        #expect(decoder.feed([0x0A]) == [.enter])
    }

    @Test("UTF-8 characters split across reads decode whole")
    func utf8Split() {
        #expect(byteByByte("客服ok😀") == [.character("客"), .character("服"), .character("o"),
                                            .character("k"), .character("😀")])
        var decoder = KeyDecoder()
        let bytes = Array("队".utf8)
        #expect(decoder.feed(bytes[0..<1]) == [])
        #expect(decoder.hasPartialInput)
        #expect(decoder.feed(bytes[1..<3]) == [.character("队")])
        #expect(!decoder.hasPartialInput)
    }

    @Test("Invalid UTF-8 becomes U+FFFD and decoding carries on")
    func invalidUTF8() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0xFF, 0x61]) == [.character("\u{FFFD}"), .character("a")])
        #expect(decoder.feed([0xE5, 0x61]) == [.character("\u{FFFD}"), .character("a")])
        #expect(decoder.feed([0xC0, 0x80]) == [.character("\u{FFFD}"), .character("\u{FFFD}")])
        #expect(decoder.feed([0xED, 0xA0, 0x80]) == [.character("\u{FFFD}")])   // a surrogate
    }

    @Test("A lone ESC waits, then flush() reports it as Escape")
    func loneEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.hasPartialInput)
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.hasPartialInput)
        #expect(decoder.feed([0x61]) == [.character("a")])
    }

    @Test("Flush drops half an escape sequence and reports half a character")
    func flushPartial() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, 0x5B, 0x31]) == [])
        #expect(decoder.flush() == [])
        #expect(decoder.feed([0xE5, 0xAE]) == [])
        #expect(decoder.flush() == [.character("\u{FFFD}")])
        #expect(decoder.flush() == [])
    }

    @Test("Unknown sequences are swallowed whole; ESC with a letter is alt")
    func unknownSequences() {
        #expect(byteByByte("\u{1B}[5~x\u{1B}[15;2~y\u{1B}OPz") == [.character("x"), .character("y"), .character("z")])
        #expect(byteByByte("\u{1B}d") == [.meta("d")])
        #expect(byteByByte("\u{1B}\u{1B}[A") == [.escape, .up])
    }

    @Test("A control byte inside a sequence aborts it and counts as itself")
    func brokenSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, 0x5B, 0x31, 0x0D]) == [.enter])
        #expect(decoder.feed([0x1B, 0x0D]) == [.escape, .enter])
    }
}
