/// One finished (or interrupted) call as the box stores, reports and exports
/// it: wall-clock times in Unix milliseconds, ids as the config names them.
public struct CallDetail: Sendable, Equatable {
    /// The box-wide call number (unique across restarts).
    public var callID: Int64
    /// The DAHDI channel of the line the call came in on.
    public var line: Int
    public var callerNumber: String?
    public var callerName: String?
    /// E1: the number the caller dialled (DNIS).
    public var calledNumber: String?
    /// MFC/R2: the calling party's category.
    public var callerCategory: String?
    public var arrived: Int64
    /// When the box answered the line.
    public var answered: Int64?
    /// When the caller joined the queue (the last one, after an overflow).
    public var queued: Int64?
    /// When an agent took the call.
    public var connected: Int64?
    public var ended: Int64?
    /// How it ended (`caller-loop-drop`, `agent-hung-up`, `queue-refused`, …).
    public var endReason: String?
    /// Why the line was released, with what was measured (nil: rows from
    /// before the box kept it).
    public var release: ReleaseReason?
    /// The queue the caller joined last.
    public var queue: String?
    /// The agent who took the call (the config's agent id).
    public var agent: String?
    /// Menus passed, in order.
    public var menuPath: [String]
    /// Digits collected by the menus, by their store names.
    public var data: [String: String]
    /// Keys pressed after the answer.
    public var keys: String
    public var language: String?
    public var surveyAsked: Bool
    public var surveyScore: Int?
    /// Offers to agents that were not answered before one was.
    public var missedOffers: Int
    /// The recording's path, when the call was recorded.
    public var recording: String?
    /// "in" (a caller called), "callback" (the box called a caller back) or
    /// "transfer" (the box dialled out to put a caller through); for the
    /// last two `callerNumber` is the number dialled.
    public var direction = "in"
    /// The call this one was placed for (the booking call, the caller put through).
    public var origin: Int64?
    /// Times agents put the caller on hold, and the time on hold in all.
    public var holds = 0
    public var heldMilliseconds: Int64 = 0
    /// Where agents passed the call on, in order: a queue, or a colleague's agent id.
    public var transfers: [String] = []
    /// Times a colleague was brought into the call (three-way).
    public var conferences = 0

    public var isCallback: Bool { direction == "callback" }

    public init(callID: Int64, line: Int, arrived: Int64) {
        self.callID = callID
        self.line = line
        self.arrived = arrived
        menuPath = []
        data = [:]
        keys = ""
        surveyAsked = false
        missedOffers = 0
    }

    /// Milliseconds waiting in the queue until an agent took the call or the
    /// caller left (nil: never queued).
    public var queueWaitMilliseconds: Int64? {
        guard let queued else { return nil }
        guard let end = connected ?? ended else { return nil }
        return max(0, end - queued)
    }

    /// Milliseconds from the answer to an agent (nil: never reached one).
    public var waitedMilliseconds: Int64? {
        guard let connected else { return nil }
        return connected - (answered ?? arrived)
    }

    /// Milliseconds talking with the agent.
    public var talkMilliseconds: Int64? {
        guard let connected, let ended else { return nil }
        return ended - connected
    }
}
