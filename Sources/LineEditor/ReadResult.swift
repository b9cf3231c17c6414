/// What `Terminal.readLine(prompt:)` got.
public enum ReadResult: Sendable, Equatable {
    /// A line, without its line ending.
    case line(String)
    /// Ctrl-c: the line was discarded; prompt again.
    case interrupted
    /// Ctrl-d on an empty line, end of piped input, a hang-up or a read
    /// error: stop reading.
    case endOfInput
}
