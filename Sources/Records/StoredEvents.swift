/// One step of a caller's time in a queue (joined, offered, answered, …).
public struct StoredQueueEvent: Sendable, Equatable {
    public var callID: Int64
    public var queue: String
    /// joined, offered, offer-ended, answered, abandoned, refused, moved, completed.
    public var kind: String
    public var agent: String?
    public var waited: Int64?
    public var talked: Int64?
    /// The refusal reason or the queue moved to.
    public var detail: String?
    public var at: Int64

    public init(callID: Int64, queue: String, kind: String, agent: String? = nil, waited: Int64? = nil,
                talked: Int64? = nil, detail: String? = nil, at: Int64) {
        self.callID = callID
        self.queue = queue
        self.kind = kind
        self.agent = agent
        self.waited = waited
        self.talked = talked
        self.detail = detail
        self.at = at
    }
}

/// An agent's new state (available, ringing, on-call, wrap-up, paused, logged-out).
public struct StoredAgentState: Sendable, Equatable {
    public var agent: String
    public var state: String
    public var reason: String?
    public var callID: Int64?
    public var phone: Int?
    public var at: Int64

    public init(agent: String, state: String, reason: String? = nil, callID: Int64? = nil, phone: Int? = nil, at: Int64) {
        self.agent = agent
        self.state = state
        self.reason = reason
        self.callID = callID
        self.phone = phone
        self.at = at
    }
}
