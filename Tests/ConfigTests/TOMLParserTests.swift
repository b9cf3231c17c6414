import Testing
@testable import Config

/// The strict TOML subset: what it reads, the line of every key and value,
/// and the messages for what it refuses.
@Suite struct TOMLParserTests {
    func parse(_ text: String) -> (TOMLTable, [TOMLParser.Failure]) {
        let r = TOMLParser.parse(text)
        return (r.table, r.errors)
    }

    func table(_ node: TOMLNode?) -> TOMLTable? {
        if case .table(let t)? = node?.value { return t }
        return nil
    }

    @Test func readsTablesValuesAndTheLineOfEveryKey() {
        let (root, errors) = parse("""
        # comment
        top = "yes"

        [queues.sales]   # trailing comment
        max_wait = 180
        ratio = 0.8
        record = false
        agents = [
          "8001",  # first
          "8002",
        ]
        name = 'C:\\raw'
        """)
        #expect(errors.isEmpty)
        #expect(root["top"] == TOMLNode(.string("yes"), line: 2))
        let sales = table(table(root["queues"])?["sales"])
        #expect(sales?.line == 4)
        #expect(sales?.entry("max_wait")?.line == 5)
        #expect(sales?["max_wait"]?.value == .integer(180))
        #expect(sales?["ratio"]?.value == .float(0.8))
        #expect(sales?["record"]?.value == .boolean(false))
        #expect(sales?["agents"]?.value == .array([TOMLNode(.string("8001"), line: 9), TOMLNode(.string("8002"), line: 10)]))
        #expect(sales?.entry("name")?.line == 12)
        #expect(sales?["name"]?.value == .string("C:\\raw"))
    }

    @Test func readsArraysOfTablesInlineTablesDottedAndQuotedKeys() {
        let (root, errors) = parse("""
        [[span]]
        n = 1
        [[span]]
        n = 2
        [menus.main.keys]
        "*" = "back"
        1 = "queue sales"
        point = { x = 1, y = -2 }
        a.b = "dotted"
        """)
        #expect(errors.isEmpty)
        guard case .array(let spans)? = root["span"]?.value else { Issue.record("no span list"); return }
        #expect(spans.map(\.line) == [1, 3])
        let keys = table(table(table(root["menus"])?["main"])?["keys"])
        #expect(keys?.keys == ["*", "1", "point", "a"])
        #expect(table(keys?["point"])?["y"]?.value == .integer(-2))
        #expect(table(keys?["a"])?["b"]?.value == .string("dotted"))
    }

    @Test func decodesStringEscapesAndUnicode() {
        let (root, errors) = parse(#"s = "a\"b\\c\n\u5BA2\U0000670D 客服""#)
        #expect(errors.isEmpty)
        #expect(root["s"]?.value == .string("a\"b\\c\n客服 客服"))
    }

    @Test func duplicateKeyNamesBothLines() {
        let (_, errors) = parse("a = 1\nb = 2\na = 3\n")
        #expect(errors == [TOMLParser.Failure(line: 3, message: "key 'a' is set twice (first on line 1)",
                                              chinese: "配置项 'a' 设置了两次（第一次在第 1 行）")])
    }

    @Test func tableDefinedTwiceNamesBothLines() {
        let (_, errors) = parse("[x]\na = 1\n\n[x]\nb = 2\n")
        #expect(errors.map(\.line) == [4])
        #expect(errors.map(\.message) == ["table [x] is defined twice (first on line 1)"])
    }

    @Test func bareTimeGetsWriteItAsAStringMessage() {
        let (_, errors) = parse("hours = 09:00-18:00\n")
        #expect(errors.first?.line == 1)
        #expect(errors.first?.message == #"dates and times are written as strings here: "09:00-18:00""#)
    }

    @Test func bareWordGetsPutItInQuotesMessage() {
        let (_, errors) = parse("strategy = ring-all\n")
        #expect(errors.first?.message == #"'ring-all' is not a value: put text in quotes ("ring-all")"#)
    }

    @Test(arguments: [
        ("x = \"open\n", "string not closed with '\"' on this line"),
        ("x = 012\n", "number 012 is not valid (no leading zeros; '_' only between digits; at most 19 digits)"),
        ("x = 0x1F\n", "only decimal numbers are supported: 0x1F"),
        ("x = \"\"\"a\"\"\"\n", "multi-line strings (\"\"\") are not supported; write \\n inside a one-line string"),
        ("x = 1 2\n", "unexpected text after the value: '2'"),
        ("x = [1, 2\n", "list not closed with ']'"),
        ("x = { a = 1\n", "expected ',' or '}' in the inline table (it must be on one line), found ''"),
        ("[agents.张伟]\n", "a key with letters other than A–Z, 0–9, _ or - must be quoted: '张伟]'"),
        ("x =\n", "expected a value after '='"),
        ("x = \"\\q\"\n", "unknown escape '\\q' (use \\\\ for a backslash, or a 'literal string')"),
    ])
    func refusesWithAReason(_ text: String, _ message: String) {
        let (_, errors) = parse(text)
        #expect(errors.map(\.message) == [message])
        #expect(errors.first?.line == 1)
    }

    // A stray carriage return once sent the error recovery round the same
    // statement for ever (found by fuzz-config: a file of one "\r").
    @Test(arguments: ["\r", "a = 1\n\r", "a = 1\n  \rb = 2\n"])
    func strayCarriageReturnIsRefusedAtItsLineAndReadingEnds(_ text: String) {
        let (_, errors) = parse(text)
        let line = text.hasPrefix("\r") ? 1 : 2
        #expect(errors.map(\.line) == [line])
        #expect(errors.map(\.message) == ["a carriage return (\\r) with no line feed after it: save the file with Unix (LF) or Windows (CRLF) line ends"])
    }

    @Test func windowsLineEndsAreStillRead() {
        let (root, errors) = parse("a = 1\r\n\r\nb = 2\r\n")
        #expect(errors.isEmpty)
        #expect(root["b"]?.value == .integer(2))
        #expect(root["b"]?.line == 3)
    }

    @Test func unclosedListIsReportedWhereItOpens() {
        let (root, errors) = parse("agents = [\"8001\", \"8002\"\nhours = \"day\"\n")
        #expect(errors.map(\.line) == [1])
        #expect(errors.map(\.message) == ["expected ',' or ']' in the list, found 'hours = \"day\"' on line 2"])
        #expect(errors.map(\.chinese) == ["列表中此处应为 ',' 或 ']'，却是 'hours = \"day\"'（第 2 行）"])
        #expect(root["hours"]?.value == .string("day"))
    }

    @Test func goesOnAfterAnErrorAndReportsTheNextOne() {
        let (root, errors) = parse("""
        a = 09:00
        list = [
          1, 2 3,
          4,
        ]
        b = 2
        c = nope
        [t]
        d = 4
        """)
        #expect(errors.map(\.line) == [1, 2, 7])
        #expect(errors[1].message == "expected ',' or ']' in the list, found '3,' on line 3")
        #expect(root["b"]?.value == .integer(2))
        #expect(table(root["t"])?["d"]?.value == .integer(4))
    }

    @Test func crlfLineEndingsAreAccepted() {
        let (root, errors) = parse("a = 1\r\n[t]\r\nb = \"x\"\r\n")
        #expect(errors.isEmpty)
        #expect(table(root["t"])?.entry("b")?.line == 3)
    }
}
