import Testing
@testable import LineEditor

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct WidthQueryTests {
    @Test("The query saves the cursor, moves far right and asks for the position; ESC 8 restores")
    func sequences() {
        #expect(WidthQuery.request == bytes("\u{1B}7\u{1B}[999C\u{1B}[6n"))
        #expect(WidthQuery.restoreCursor == bytes("\u{1B}8"))
    }

    @Test("A well-formed reply gives the row and the column")
    func wellFormed() {
        #expect(WidthQuery.reply(in: bytes("\u{1B}[24;132R"))
                == WidthQuery.Reply(row: 24, column: 132, otherBytes: []))
    }

    @Test("Keys typed before and after the reply are kept, in order, without it")
    func typedAround() {
        let read = bytes("ls\u{1B}[A\u{1B}[5;80Rx客")
        #expect(WidthQuery.reply(in: read)
                == WidthQuery.Reply(row: 5, column: 80, otherBytes: bytes("ls\u{1B}[Ax客")))
    }

    @Test("A reply split across reads is found once its last part is in")
    func split() {
        let first = bytes("a\u{1B}[24;")
        let second = bytes("40R")
        #expect(WidthQuery.reply(in: first) == nil)
        #expect(WidthQuery.reply(in: first + bytes("4")) == nil)
        #expect(WidthQuery.reply(in: first + second)
                == WidthQuery.Reply(row: 24, column: 40, otherBytes: bytes("a")))
    }

    @Test("No reply, or something else, is not taken for one")
    func noReply() {
        #expect(WidthQuery.reply(in: []) == nil)
        #expect(WidthQuery.reply(in: bytes("abc\r")) == nil)
        #expect(WidthQuery.reply(in: [0x1B]) == nil)
        #expect(WidthQuery.reply(in: bytes("\u{1B}[24R")) == nil)
        #expect(WidthQuery.reply(in: bytes("\u{1B}[;80R")) == nil)
        #expect(WidthQuery.reply(in: bytes("\u{1B}[24;R")) == nil)
        #expect(WidthQuery.reply(in: bytes("\u{1B}[24;80H")) == nil)
        #expect(WidthQuery.reply(in: bytes("\u{1B}O24;80R")) == nil)
        #expect(WidthQuery.reply(in: bytes("\u{1B}[24;9999999999999999999999R")) == nil)
    }

    @Test("Garbage before a good reply stays with the typed bytes")
    func garbageThenReply() {
        #expect(WidthQuery.reply(in: bytes("\u{1B}[24;x\u{1B}[24;100R"))
                == WidthQuery.Reply(row: 24, column: 100, otherBytes: bytes("\u{1B}[24;x")))
    }
}
