/// One queue's figures over the report window (see `CallFigures` for the
/// definitions), or all queues together in the total row.
public struct QueueReport: Sendable, Equatable {
    /// The queue's config id; nil for the total row.
    public var queue: String?
    /// The service-level threshold T used for this queue, seconds; nil for
    /// the total row, which adds up each queue's calls against its own T.
    public var serviceLevelSeconds: Int?
    public var calls: CallFigures

    public init(queue: String?, serviceLevelSeconds: Int?, calls: CallFigures) {
        self.queue = queue
        self.serviceLevelSeconds = serviceLevelSeconds
        self.calls = calls
    }

    /// Whether this is the all-queues row.
    public var isTotal: Bool { queue == nil }
}
