/// The line editor's state machine: keys in, terminal bytes and outcomes out.
///
/// Pure (no file descriptors, no clock), so every keystroke sequence can be
/// checked byte for byte in tests; `Terminal` connects it to a real tty.
/// One editor serves the console's whole run: `begin(prompt:)` starts each line,
/// and the history and kill buffer carry over between lines.
///
/// Display model: the prompt and line stay on one row; a line too long for
/// the terminal scrolls horizontally (see `Viewport`). Output assumes the
/// cursor is at column 0 when `begin` is called. Prompts are plain text
/// (no escape sequences); CJK characters count two columns.
public struct LineEditor: Sendable {
    /// Lines entered so far; navigated with up/down (ctrl-p/ctrl-n).
    public var history: History
    /// Candidates for tab completion; nil makes tab do nothing.
    public var completion: CompletionSource?
    /// The line being edited.
    public internal(set) var buffer = LineBuffer()
    /// The prompt on the editing row (the last line of the one given to `begin`).
    public internal(set) var prompt: String = ""
    /// The terminal width in columns.
    public internal(set) var width: Int

    /// What is on the terminal's row now.
    var screen = ScreenRow.empty
    /// First visible character of the line (horizontal scroll position).
    var windowStart = 0
    /// The previous key was tab, so a tab that cannot complete lists.
    var lastKeyWasTab = false

    /// An editor for a terminal `width` columns wide.
    public init(width: Int = 80, history: History = History(), completion: CompletionSource? = nil) {
        self.width = width
        self.history = history
        self.completion = completion
    }

    /// The line as typed so far.
    public var line: String { buffer.text }

    /// Starts a new, empty line after `prompt` (on a terminal `width`
    /// columns wide, when given); returns the bytes drawing it. A prompt
    /// with line breaks is written once; only its last line stays on the
    /// editing row.
    public mutating func begin(prompt: String, width newWidth: Int? = nil) -> [UInt8] {
        var header: [UInt8] = []
        if let lastBreak = prompt.lastIndex(where: \.isNewline) {
            for character in prompt[...lastBreak] {
                header += character.isNewline ? [0x0D, 0x0A] : Array(character.utf8)
            }
            self.prompt = String(prompt[prompt.index(after: lastBreak)...])
        } else {
            self.prompt = prompt
        }
        if let newWidth { width = newWidth }
        buffer.replace(with: "")
        history.resetNavigation()
        windowStart = 0
        lastKeyWasTab = false
        screen = .empty
        return header + refresh()
    }

    /// Adopts a new terminal width (after a resize) and redraws the row.
    public mutating func resize(width newWidth: Int) -> [UInt8] {
        guard newWidth != width else { return [] }
        width = newWidth
        return redrawRow()
    }

    /// Handles one key: edits the line and returns what to write and whether
    /// the line is finished.
    public mutating func feed(_ key: Key) -> EditorStep {
        let wasTab = lastKeyWasTab
        lastKeyWasTab = false
        switch key {
        case .character(let character):
            buffer.insert(character)
        case .enter:
            return finish(.entered(buffer.text))
        case .tab:
            lastKeyWasTab = true
            return EditorStep(output: complete(repeated: wasTab))
        case .backspace: buffer.deleteBackward()
        case .delete: buffer.deleteForward()
        case .left: buffer.moveLeft()
        case .right: buffer.moveRight()
        case .home: buffer.moveHome()
        case .end: buffer.moveEnd()
        case .wordLeft: buffer.moveWordLeft()
        case .wordRight: buffer.moveWordRight()
        case .up: recall(older: true)
        case .down: recall(older: false)
        case .control(let letter):
            return control(letter)
        case .meta, .escape:
            break
        }
        return EditorStep(output: refresh())
    }

    /// Feeds keys in order until one finishes the line. Returns the combined
    /// output, the outcome, and how many keys were used (the rest belong to
    /// the next line, e.g. a pasted second command).
    public mutating func feed(_ keys: [Key]) -> (step: EditorStep, consumed: Int) {
        var output: [UInt8] = []
        for (index, key) in keys.enumerated() {
            let step = feed(key)
            output += step.output
            if step.outcome != .continue && step.outcome != .clearScreen {
                return (EditorStep(output: output, outcome: step.outcome), index + 1)
            }
        }
        return (EditorStep(output: output), keys.count)
    }
}
