/// A caller's message in a mailbox (a queue's or an agent's), as stored.
public struct StoredMessage: Sendable, Equatable {
    /// The message's number (nil until stored).
    public var id: Int64?
    public var callID: Int64
    /// The queue or agent id whose mailbox holds it.
    public var box: String
    public var callerNumber: String?
    /// When recording began (Unix ms).
    public var at: Int64
    public var durationMilliseconds: Int64
    public var path: String
    /// new, heard or deleted.
    public var state: String
    public var heardBy: String?
    public var heardAt: Int64?

    public init(id: Int64? = nil, callID: Int64, box: String, callerNumber: String?, at: Int64, durationMilliseconds: Int64,
                path: String, state: String = "new", heardBy: String? = nil, heardAt: Int64? = nil) {
        self.id = id
        self.callID = callID
        self.box = box
        self.callerNumber = callerNumber
        self.at = at
        self.durationMilliseconds = durationMilliseconds
        self.path = path
        self.state = state
        self.heardBy = heardBy
        self.heardAt = heardAt
    }
}
