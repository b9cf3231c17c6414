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
    /// The level (dBm0) below which the channel's audio counts as quiet (`DSPFeatures.quiet`).
    case setQuietLevel(ChannelNumber, Int)
    case hook(ChannelNumber, HookOperation)
    case dial(ChannelNumber, String)
    /// Play a prompt to a channel (replacing bridged audio while it plays).
    case play(ChannelNumber, PromptID, loop: Bool)
    /// Play a clip (audio loaded while running) to a channel, like a prompt;
    /// `.clipDone` tells when the slot is free again.
    case playClip(ChannelNumber, ClipSlot)
    case stopPlayback(ChannelNumber)
    /// Each channel hears the other (and nothing else).
    case bridge(ChannelNumber, ChannelNumber)
    /// The channel hears no one, and no one hears it.
    case unbridge(ChannelNumber)
    /// What one channel hears from now on: the sum of up to three others
    /// (conferences, hold, supervisors listening or whispering). Others'
    /// hearing is left as it is.
    case hear(ChannelNumber, MixSources)
    /// Record `left` (the caller) and `right` (the agent) into a slot.
    case startRecording(RecordingSlot, left: ChannelNumber, right: ChannelNumber)
    /// Record `caller` (left) and everything the caller hears (right: the
    /// agent, a third party in a conference, hold music), so the recording
    /// follows the call across transfers and conferences.
    case recordCaller(RecordingSlot, caller: ChannelNumber)
    case stopRecording(RecordingSlot)
}

/// Up to three channels one channel hears, carried without allocation.
public struct MixSources: Sendable, Equatable {
    public static let capacity = 3
    public private(set) var first: ChannelNumber?
    public private(set) var second: ChannelNumber?
    public private(set) var third: ChannelNumber?

    /// Takes the first three of `channels`; more is a programming error.
    public init(_ channels: [ChannelNumber]) {
        precondition(channels.count <= Self.capacity, "a channel hears at most \(Self.capacity) others")
        first = channels.count > 0 ? channels[0] : nil
        second = channels.count > 1 ? channels[1] : nil
        third = channels.count > 2 ? channels[2] : nil
    }

    public static let silence = MixSources([])

    public var channels: [ChannelNumber] { [first, second, third].compactMap { $0 } }
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
    /// A clip slot is no longer played anywhere (finished, stopped, replaced).
    case clipDone(ClipSlot)
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
