import Records

/// What became of a call that joined a queue, decided from its stored row.
///
/// - answered: an agent took it (`connected` is set), whatever ended it;
/// - abandoned: no agent, and the caller hung up: end reason
///   `caller-loop-drop`, `caller-busy-tone`, `caller-polarity` or one
///   starting `abandoned`;
/// - refused: no agent, and the queue would not keep the caller
///   (`queue-refused`: full, waited too long, no agents; overflow with no
///   further queue);
/// - callback: no agent on this call; the caller booked a callback and hung
///   up keeping their place (`callback-booked`; the callback is its own call);
/// - message: no agent; the caller left a message (`message-left`), demand
///   offered and not answered, counted apart;
/// - other: no agent, ended another way (`line-failed`, `interrupted`,
///   `route-not-supported`, or not ended).
public enum QueueOutcome: Sendable, Equatable {
    case answered, abandoned, refused, callback, message, other

    public init(_ call: CallDetail) {
        self.init(connected: call.connected != nil, endReason: call.endReason)
    }

    init(connected: Bool, endReason: String?) {
        if connected {
            self = .answered
        } else if let reason = endReason {
            if Self.isAbandonReason(reason) {
                self = .abandoned
            } else if reason == "queue-refused" {
                self = .refused
            } else if reason == "callback-booked" {
                self = .callback
            } else if reason == "message-left" {
                self = .message
            } else {
                self = .other
            }
        } else {
            self = .other
        }
    }

    /// Whether an end reason means the caller hung up.
    public static func isAbandonReason(_ reason: String) -> Bool {
        reason == "caller-loop-drop" || reason == "caller-busy-tone" || reason == "caller-polarity" || reason.hasPrefix("abandoned")
    }
}
