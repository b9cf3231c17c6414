#if canImport(Glibc)
import Glibc

/// The admin console's connection to a terminal: reads edited lines from a
/// tty (serial console or ssh), or plain lines from a pipe or file so
/// scripts can feed commands in.
///
/// On a tty, `readLine` switches the input to raw mode only while a line is
/// read, so commands run with the terminal in its normal state. Raw mode is
/// undone when `readLine` returns, by `restore()`, and in `deinit`.
/// Not thread-safe: use one `Terminal` from one thread.
public final class Terminal {
    /// File descriptor keys are read from.
    public let input: Int32
    /// File descriptor the prompt and editing output go to.
    public let output: Int32
    /// True when both ends are terminals and lines are edited; false when
    /// lines are read plainly (no echo handling, no escape sequences).
    public let isInteractive: Bool
    /// The editor: history, completion and the line state.
    public var editor: LineEditor

    /// How long to wait after a lone ESC (or half a sequence) before taking
    /// it as the Escape key: longer than any gap inside one sequence at
    /// 115200 baud or over ssh, short enough not to be noticed.
    public static let escapeTimeoutMilliseconds: Int32 = 50

    var decoder = KeyDecoder()
    /// Keys decoded but not yet used (a paste holding several lines).
    var pendingKeys: [Key] = []
    /// Plain mode: bytes read but not yet returned as a line.
    var pendingBytes: [UInt8] = []
    var reachedEnd = false
    /// The terminal settings raw mode replaced, while raw mode is on.
    var savedAttributes: termios?

    /// The terminal's width in columns: the width given to `init`, else the
    /// `COLUMNS` variable, else the terminal's answer to the width query at
    /// the first edited `readLine`, else 80 (also until that query). Settled
    /// once and kept; a resize later in the run is not followed.
    public internal(set) var width: Int
    /// True until the terminal has been asked for its width: no width was
    /// given and `COLUMNS` had none.
    var widthNeedsQuery: Bool
    /// How long the first `readLine` waits for the terminal's answer to the
    /// width query.
    var widthQueryTimeoutMilliseconds = WidthQuery.timeoutMilliseconds

    /// A terminal reading `input` and writing `output` (standard input and
    /// output by default). `width` fixes the width in columns, for a caller
    /// that knows it; without it the `COLUMNS` variable is used, else the
    /// terminal is asked at the first edited `readLine` (see `WidthQuery`),
    /// else 80 is assumed.
    public convenience init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
                            history: History = History(), width: Int? = nil) {
        self.init(input: input, output: output, history: history, width: width,
                  columnsVariable: getenv("COLUMNS").map { String(cString: $0) })
    }

    /// As the public initializer, with the `COLUMNS` value passed in rather
    /// than read from the environment.
    init(input: Int32, output: Int32, history: History, width: Int?, columnsVariable: String?) {
        self.input = input
        self.output = output
        isInteractive = isatty(input) == 1 && isatty(output) == 1
        let preset = Self.presetWidth(given: width, columnsVariable: columnsVariable)
        self.width = preset ?? 80
        widthNeedsQuery = preset == nil
        editor = LineEditor(width: self.width, history: history)
    }

    deinit {
        restore()
    }

    /// The entered lines: load them before the first prompt, save them on exit.
    public var history: History {
        get { editor.history }
        set { editor.history = newValue }
    }

    /// Tab-completion candidates (nil: tab does nothing).
    public var completion: CompletionSource? {
        get { editor.completion }
        set { editor.completion = newValue }
    }

    /// Reads one line after showing `prompt`: edited on a terminal, plain
    /// otherwise (the prompt is then shown only when the input is a tty).
    public func readLine(prompt: String) -> ReadResult {
        if isInteractive, let result = readEdited(prompt: prompt) { return result }
        if isatty(input) == 1 { send(Array(prompt.utf8)) }
        return readPlain()
    }

    /// Writes all of `bytes`, retrying short writes; output errors are
    /// ignored (a dropped ssh connection shows up as end of input on read).
    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(output, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A non-blocking descriptor is full: wait until it drains.
                    var request = pollfd(fd: output, events: Int16(POLLOUT), revents: 0)
                    if poll(&request, 1, -1) >= 0 || errno == EINTR { continue }
                }
                return
            }
            offset += written
        }
    }
}
#endif
