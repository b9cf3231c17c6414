/// Why loading or saving the history file failed: the step, the file and
/// the C library's error number. Returned (thrown) instead of crashing, so a
/// read-only or full flash disk only costs the console its history.
public struct HistoryFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file operation that failed.
    public enum Operation: String, Sendable {
        case open, read, write, sync, close, rename
    }

    /// The step that failed.
    public let operation: Operation
    /// The file it failed on (for a save, possibly the temporary file).
    public let path: String
    /// The `errno` value reported by the failing call.
    public let code: Int32

    /// An error for `operation` on `path` that failed with `code`.
    public init(operation: Operation, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// One line for the console or the log.
    public var description: String {
        "history file \(operation.rawValue) failed for \(path) (errno \(code))"
    }
}
