import Testing
import LineEditor

@Suite struct DisplayWidthTests {
    @Test("CJK characters are two columns, ASCII one: \"客服 ok\" is 7")
    func mixedText() {
        #expect(DisplayWidth.of("客服 ok") == 7)
        #expect(DisplayWidth.of("kefu") == 4)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("Kana, Hangul, fullwidth forms and CJK punctuation are wide")
    func wideBlocks() {
        for character: Character in ["あ", "カ", "한", "Ａ", "！", "￥", "　", "。", "「", "〜", "龘", "𠀋"] {
            #expect(DisplayWidth.of(character) == 2, "\(character)")
        }
    }

    @Test("Latin, Cyrillic, box drawing and halfwidth katakana are narrow")
    func narrow() {
        for character: Character in ["a", "é", "ж", "─", "ｶ", "€", "→"] {
            #expect(DisplayWidth.of(character) == 1, "\(character)")
        }
    }

    @Test("Combining marks alone take no column and do not widen their base")
    func combining() {
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{3099}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("か\u{3099}" as Character) == 2)
        #expect(DisplayWidth.of("\u{200B}" as Unicode.Scalar) == 0)
    }

    @Test("Emoji are two columns, including a narrow symbol with the emoji selector")
    func emoji() {
        #expect(DisplayWidth.of("😀" as Character) == 2)
        #expect(DisplayWidth.of("👍🏽" as Character) == 2)
        #expect(DisplayWidth.of("☎\u{FE0F}" as Character) == 2)
        #expect(DisplayWidth.of("☎" as Character) == 1)
    }

    @Test("Control characters take no column")
    func controls() {
        #expect(DisplayWidth.of("\u{7}" as Character) == 0)
        #expect(DisplayWidth.of("\u{9B}" as Unicode.Scalar) == 0)
    }

    @Test("The cursor column counts wide characters before the cursor twice")
    func cursorColumn() {
        var line = LineBuffer("坐席 1001 上线")
        #expect(line.width == 14)
        #expect(line.cursorColumn == 14)
        line.moveLeft()
        #expect(line.cursorColumn == 12)
        line.moveWordLeft()
        line.moveWordLeft()
        #expect(line.cursor == 3)
        #expect(line.cursorColumn == 5)
        line.moveHome()
        line.moveRight()
        #expect(line.cursorColumn == 2)
    }
}
