#if canImport(Glibc)
import Glibc
import Testing
@testable import LineEditor

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct TerminalTests {
    @Test("On a pty, readLine edits the typed keys, writes the exact redraw and returns the line")
    func editsOnPty() {
        let pty = PseudoTerminal()
        _ = pty.prepareRaw()
        let terminal = Terminal(input: pty.device, output: pty.device, width: 80)
        #expect(terminal.isInteractive)
        pty.type(bytes("ab\u{1B}[DX\r"))
        #expect(terminal.readLine(prompt: "客服> ") == .line("aXb"))
        #expect(pty.received(endingWith: [0x0D, 0x0A])
                == bytes("客服> ab\u{1B}[1DXb\u{1B}[1D\u{1B}[1C\r\n"))
        #expect(terminal.history.entries == ["aXb"])
    }

    @Test("readLine restores the terminal settings it found")
    func restoresSettings() {
        let pty = PseudoTerminal()
        let before = pty.prepareRaw(keepSignalFlags: true)
        let terminal = Terminal(input: pty.device, output: pty.device, width: 80)
        pty.type(bytes("x\r"))
        #expect(terminal.readLine(prompt: "> ") == .line("x"))
        let after = pty.settings()
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_iflag == before.c_iflag)
        #expect(after.c_oflag == before.c_oflag)
        #expect(after.c_lflag & tcflag_t(ISIG) != 0)
        #expect(!terminal.isRaw)
    }

    @Test("Two lines pasted at once come back from two readLine calls")
    func pastedLines() {
        let pty = PseudoTerminal()
        _ = pty.prepareRaw()
        let terminal = Terminal(input: pty.device, output: pty.device, width: 80)
        pty.type(bytes("show calls\r\nquit\r\n"))
        #expect(terminal.readLine(prompt: "> ") == .line("show calls"))
        #expect(terminal.readLine(prompt: "> ") == .line("quit"))
        #expect(pty.received(endingWith: bytes("> quit\r\n")) == bytes("> show calls\r\n> quit\r\n"))
    }

    @Test("Ctrl-c interrupts and ctrl-d on an empty line ends input")
    func interruptAndEnd() {
        let pty = PseudoTerminal()
        _ = pty.prepareRaw()
        let terminal = Terminal(input: pty.device, output: pty.device, width: 80)
        pty.type([0x61, 0x03, 0x04])
        #expect(terminal.readLine(prompt: "> ") == .interrupted)
        #expect(terminal.readLine(prompt: "> ") == .endOfInput)
        #expect(pty.received(endingWith: bytes("> \r\n")) == bytes("> a^C\r\n> \r\n"))
    }

    @Test("A width given to Terminal drives horizontal scrolling, without asking the terminal")
    func givenWidth() {
        let pty = PseudoTerminal()
        _ = pty.prepareRaw()
        let terminal = Terminal(input: pty.device, output: pty.device, width: 10)
        #expect(terminal.width == 10)
        pty.type(bytes("abcdefgh\r"))
        #expect(terminal.readLine(prompt: "> ") == .line("abcdefgh"))
        #expect(pty.received(endingWith: [0x0D, 0x0A]) == bytes("> abcdefg\u{1B}[7D<cdefgh\r\n"))
    }

    @Test("COLUMNS sets the width when none is given, without asking the terminal")
    func columnsVariable() {
        let pty = PseudoTerminal()
        _ = pty.prepareRaw()
        let terminal = Terminal(input: pty.device, output: pty.device, history: History(), width: nil,
                                columnsVariable: "10")
        #expect(terminal.width == 10)
        pty.type(bytes("abcdefgh\r"))
        #expect(terminal.readLine(prompt: "> ") == .line("abcdefgh"))
        #expect(pty.received(endingWith: [0x0D, 0x0A]) == bytes("> abcdefg\u{1B}[7D<cdefgh\r\n"))
    }

    @Test("Without a width, the first readLine asks the terminal, scrolls at the answered width and does not ask again")
    func queriedWidth() {
        let pty = PseudoTerminal()
        _ = pty.prepareRaw()
        let terminal = Terminal(input: pty.device, output: pty.device, history: History(), width: nil,
                                columnsVariable: nil)
        terminal.widthQueryTimeoutMilliseconds = 5_000     // the answer comes from another thread
        let line = "abcdefghijklmnopqrstuvwxyz0123456789AB"  // 38 characters: one too many for 40 columns
        let side = pty.answer(WidthQuery.request, with: [bytes("\u{1B}[24;40R"), bytes(line + "\r")])
        #expect(terminal.readLine(prompt: "> ") == .line(line))
        #expect(side.join() == WidthQuery.request)
        #expect(terminal.width == 40)
        let shown = "\u{1B}8> " + line.prefix(37) + "\u{1B}[37D<" + line.dropFirst(2) + "\r\n"
        #expect(pty.received(endingWith: [0x0D, 0x0A]) == bytes(shown))

        pty.type(bytes("x\r"))
        #expect(terminal.readLine(prompt: "> ") == .line("x"))
        #expect(pty.received(endingWith: [0x0D, 0x0A]) == bytes("> x\r\n"))
    }

    @Test("Keys typed before and around the terminal's answer are kept, in order")
    func keysAroundTheAnswer() {
        let pty = PseudoTerminal()
        _ = pty.prepareRaw()
        let terminal = Terminal(input: pty.device, output: pty.device, history: History(), width: nil,
                                columnsVariable: nil)
        terminal.widthQueryTimeoutMilliseconds = 5_000
        pty.type(bytes("ab"))
        let side = pty.answer(WidthQuery.request, with: [bytes("c\u{1B}[24;40Rd\r")])
        #expect(terminal.readLine(prompt: "> ") == .line("abcd"))
        #expect(side.join() == WidthQuery.request)
        #expect(terminal.width == 40)
        #expect(pty.received(endingWith: [0x0D, 0x0A]) == bytes("\u{1B}8> abcd\r\n"))
    }

    @Test("A terminal that does not answer the width query gets 80 columns, and the typed keys still count")
    func unansweredQuery() {
        let pty = PseudoTerminal()
        _ = pty.prepareRaw()
        let terminal = Terminal(input: pty.device, output: pty.device, history: History(), width: nil,
                                columnsVariable: nil)
        pty.type(bytes("ok\r"))
        #expect(terminal.readLine(prompt: "> ") == .line("ok"))
        #expect(terminal.width == 80)
        #expect(pty.received(endingWith: [0x0D, 0x0A])
                == WidthQuery.request + WidthQuery.restoreCursor + bytes("> ok\r\n"))
    }

    @Test("Piped input is read as plain lines, CR LF or LF, without a prompt")
    func pipedInput() {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        #expect(pipe(&input) == 0 && pipe(&output) == 0)
        defer { for fd in input + output { close(fd) } }
        let script = bytes("show calls\r\n坐席 list\n\u{1B}[Araw\nlast")
        _ = script.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
        close(input[1])
        input[1] = -1

        let terminal = Terminal(input: input[0], output: output[1])
        #expect(!terminal.isInteractive)
        #expect(terminal.readLine(prompt: "> ") == .line("show calls"))
        #expect(terminal.readLine(prompt: "> ") == .line("坐席 list"))
        #expect(terminal.readLine(prompt: "> ") == .line("\u{1B}[Araw"))
        #expect(terminal.readLine(prompt: "> ") == .line("last"))
        #expect(terminal.readLine(prompt: "> ") == .endOfInput)
        #expect(terminal.readLine(prompt: "> ") == .endOfInput)

        var request = pollfd(fd: output[0], events: Int16(POLLIN), revents: 0)
        #expect(poll(&request, 1, 0) == 0)          // nothing was written
        #expect(terminal.history.entries.isEmpty)
    }

    @Test("The width is the given one, else COLUMNS, else the terminal's answer, else 80")
    func widthOrder() {
        #expect(Terminal.width(given: 40, columnsVariable: "100", answered: 132) == 40)
        #expect(Terminal.width(given: nil, columnsVariable: "100", answered: 132) == 100)
        #expect(Terminal.width(given: nil, columnsVariable: "wide", answered: 132) == 132)
        #expect(Terminal.width(given: 0, columnsVariable: "0", answered: 132) == 132)
        #expect(Terminal.width(given: nil, columnsVariable: nil, answered: nil) == 80)
        #expect(Terminal.width(given: nil, columnsVariable: nil, answered: 0) == 80)
        #expect(Terminal.presetWidth(given: nil, columnsVariable: "100") == 100)
        #expect(Terminal.presetWidth(given: nil, columnsVariable: nil) == nil)
    }

    @Test("restore() is harmless when raw mode is off")
    func restoreWhenNotRaw() {
        let pty = PseudoTerminal()
        let before = pty.settings()
        let terminal = Terminal(input: pty.device, output: pty.device)
        terminal.restore()
        terminal.restore()
        #expect(pty.settings().c_lflag == before.c_lflag)
    }
}
#endif
