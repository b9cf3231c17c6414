import Channels
import DSP

/// A prompt loaded into the media loop (index into its prompt table).
public struct PromptID: Hashable, Sendable {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// A recording in progress (index into the tap's slots).
public struct RecordingSlot: Hashable, Sendable {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// What call control asks the media loop to do.
public enum MediaCommand: Sendable, Equatable {
    /// Start serving a channel (reading, events, DSP with these features).
    case attach(ChannelNumber, DSPFeatures)
    case detach(ChannelNumber)
    case setDSP(ChannelNumber, DSPFeatures)
    case hook(ChannelNumber, HookOperation)
    case dial(ChannelNumber, String)
    /// Play a prompt to a channel (replacing bridged audio while it plays).
    case play(ChannelNumber, PromptID, loop: Bool)
    case stopPlayback(ChannelNumber)
    /// Each channel hears the other.
    case bridge(ChannelNumber, ChannelNumber)
    case unbridge(ChannelNumber)
    /// Record `left` (the caller) and `right` (the agent) into a slot.
    case startRecording(RecordingSlot, left: ChannelNumber, right: ChannelNumber)
    case stopRecording(RecordingSlot)
}

/// Up to 256 bytes of a caller-ID message, carried without allocation.
public struct CallerIDBytes: Sendable, Equatable {
    public var signal: CallerIDSignal
    public var count: Int
    public var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                         UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                         UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                         UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    public init(signal: CallerIDSignal) {
        self.signal = signal
        count = 0
        storage = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    }

    public static func == (a: CallerIDBytes, b: CallerIDBytes) -> Bool { a.signal == b.signal && a.bytes == b.bytes }

    /// The message (allocates; off the media thread).
    public var bytes: [UInt8] {
        withUnsafeBytes(of: storage) { Array($0.prefix(count)) }
    }
}

/// What the media loop tells call control.
public enum MediaEvent: Sendable, Equatable {
    case channel(ChannelNumber, ChannelEvent)
    case dsp(ChannelNumber, DSPEvent)
    case callerID(ChannelNumber, CallerIDBytes)
    case playbackFinished(ChannelNumber, PromptID)
    case failed(ChannelNumber, ChannelError)
}

/// Counters the media loop keeps (read from any thread as a snapshot).
public struct MediaStatistics: Sendable, Equatable {
    public var ticks: Int64 = 0
    public var eventsDropped: Int = 0
    public var recordingFramesDropped: Int = 0
    public var readErrors: Int = 0
    public var writeErrors: Int = 0
    public init() {}
}
