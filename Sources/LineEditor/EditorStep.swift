/// How a key left the line being edited.
public enum EditOutcome: Sendable, Equatable {
    /// Still editing: feed the next key.
    case `continue`
    /// Enter: the finished line (already recorded in the history when the
    /// history's rules allow).
    case entered(String)
    /// Ctrl-c: the line was discarded; show a new prompt.
    case interrupted
    /// Ctrl-d on an empty line: the user is done (exit the shell).
    case endOfInput
    /// Ctrl-l: the screen was cleared and the prompt and line redrawn at the
    /// top; editing continues.
    case clearScreen
}

/// What one key produced: bytes to write to the terminal, in order, and the
/// outcome.
public struct EditorStep: Sendable, Equatable {
    /// Bytes for the terminal: text and VT100 control sequences.
    public var output: [UInt8]
    /// Whether the line goes on, and how it ended if not.
    public var outcome: EditOutcome

    /// A step writing `output`, by default still editing.
    public init(output: [UInt8], outcome: EditOutcome = .continue) {
        self.output = output
        self.outcome = outcome
    }

    /// The output as text, for logs and tests.
    public var outputText: String { String(decoding: output, as: UTF8.self) }
}
