import Testing
import Records

/// The row as text, for readable expectations.
private func row(_ fields: [String], guardsFormulas: Bool = true) -> String {
    var out: [UInt8] = []
    CSVWriter(guardsFormulas: guardsFormulas).appendRow(fields, to: &out)
    return String(decoding: out, as: UTF8.self)
}

@Suite struct CSVWriterTests {
    @Test("Fields are quoted only for comma, quote, CR or LF; quotes are doubled; rows end in CRLF")
    func quoting() {
        #expect(row(["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", ""])
                == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n")
        #expect(row(["semi;colon", " spaced ", "tab\tinside"]) == "semi;colon, spaced ,tab\tinside\r\n")
    }

    @Test("Chinese text is written as UTF-8 bytes")
    func utf8() {
        var out: [UInt8] = []
        CSVWriter().appendRow(["张"], to: &out)
        #expect(out == [0xE5, 0xBC, 0xA0, 0x0D, 0x0A])
    }

    @Test("The byte order mark is EF BB BF")
    func bom() {
        #expect(CSVWriter.byteOrderMark == [0xEF, 0xBB, 0xBF])
    }

    @Test("Cells starting with =, @, tab, CR or LF get a leading single quote")
    func formulaTriggers() {
        #expect(row(["=1+1"]) == "'=1+1\r\n")
        #expect(row(["@SUM(A1:A9)"]) == "'@SUM(A1:A9)\r\n")
        #expect(row(["\t=1"]) == "'\t=1\r\n")
        #expect(row(["\r=1"]) == "\"'\r=1\"\r\n")
        #expect(row(["\nx"]) == "\"'\nx\"\r\n")
        // Guard and quoting together: the quote mark goes inside the quotes.
        #expect(row(["=HYPERLINK(\"http://x\",\"y\")"]) == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n")
    }

    @Test("Plus or minus followed only by a plain number stays as written, so phone numbers stay readable")
    func plainNumbersPass() {
        for cell in ["+8613812345678", "-5", "-0.5", "+0.25", "-", "+"] {
            #expect(row([cell]) == cell + "\r\n", "\(cell)")
            #expect(!CSVFormulaGuard.needsPrefix(cell), "\(cell)")
        }
    }

    @Test("Plus or minus followed by anything else is guarded")
    func signedFormulasGuarded() {
        for cell in ["+1+2", "-A1", "+86 138 1234 5678", "-2.5e3", "-1.", "-.5", "-1.2.3", "+cmd|' /C calc'!A0"] {
            #expect(row([cell]) == "'" + cell + "\r\n", "\(cell)")
            #expect(CSVFormulaGuard.needsPrefix(cell), "\(cell)")
        }
    }

    @Test("Triggers only count at the start of a cell")
    func triggersInsideAreHarmless() {
        #expect(row(["a=b", "1-2", "x@y"]) == "a=b,1-2,x@y\r\n")
        #expect(!CSVFormulaGuard.needsPrefix(""))
    }

    @Test("The guard can be turned off for trusted data")
    func guardOff() {
        #expect(row(["=1+1", "-A1"], guardsFormulas: false) == "=1+1,-A1\r\n")
    }

    @Test("A field can be built from pieces and is escaped as a whole")
    func pieces() {
        var out: [UInt8] = []
        CSVWriter().appendRow(to: &out) { row in
            row.field(Int64(7))
            row.beginField()
            row.append("=a")
            row.append(",b")
            row.endField()
            row.field(nil as String?)
            row.field(-12)
        }
        #expect(String(decoding: out, as: UTF8.self) == "7,\"'=a,b\",,-12\r\n")
    }
}
