/// A finished recording on disk, as retention sees it. Recordings still
/// being written must not be listed: the plan may delete what it is given.
public struct StoredRecording: Sendable, Hashable {
    public var callID: Int64
    public var path: String
    /// The queue of the call (nil: none, e.g. an internal call): picks the retention period.
    public var queue: String?
    /// When the recording started, Unix milliseconds.
    public var started: Int64
    /// Size on disk.
    public var bytes: Int64
    /// Marked to keep longer (a complaint, a dispute, a training example).
    public var flagged: Bool

    public init(callID: Int64, path: String, queue: String?, started: Int64, bytes: Int64, flagged: Bool = false) {
        self.callID = callID
        self.path = path
        self.queue = queue
        self.started = started
        self.bytes = bytes
        self.flagged = flagged
    }
}
