import Channels
import DSP
import Telephony

/// A call's identity on the box.
public struct CallID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: CallID, b: CallID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "call-\(rawValue)" }
}

/// How a call ended.
public enum CallEnd: String, Sendable, Hashable {
    /// The caller hung up and the exchange dropped loop current.
    case callerLoopCurrentDrop = "caller-loop-drop"
    /// The caller hung up and the exchange played busy tone (China) or congestion.
    case callerBusyTone = "caller-busy-tone"
    /// The agent hung up.
    case agentHungUp = "agent-hung-up"
    /// The caller gave up while the line was still ringing.
    case abandonedRinging = "abandoned-ringing"
    /// The line failed (alarm, error).
    case lineFailed = "line-failed"
}

/// What the box keeps about one call.
public struct CallRecord: Sendable, Equatable {
    public var id: CallID
    public var line: ChannelNumber
    public var callerID: CallerID?
    public var arrived: SampleTime
    public var answered: SampleTime?
    public var agent: ChannelNumber?
    public var connected: SampleTime?
    public var ended: SampleTime?
    public var end: CallEnd?
    public var recording: Bool
    public var missedOffers: Int
    /// DTMF keys the caller pressed after the answer, in order.
    public var keys: String

    public init(id: CallID, line: ChannelNumber, arrived: SampleTime) {
        self.id = id
        self.line = line
        self.arrived = arrived
        recording = false
        missedOffers = 0
        keys = ""
    }
}
