import Telephony

/// A call-progress tone by its index in the detector's `TonePlan`.
public struct ToneIndex: Hashable, Sendable {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// Fax and modem tones Kefu recognises.
public enum FaxTone: Sendable, Hashable, CaseIterable {
    /// CNG, the calling fax's 1100 Hz 0.5 s / 3 s tone.
    case cng
    /// CED, the answering fax's (or modem's) 2100 Hz answer tone.
    case ced

    public var name: String { self == .cng ? "fax-cng" : "fax-ced" }
}

/// Which caller-ID receiver delivered a message.
public enum CallerIDSignal: Sendable, Hashable, CaseIterable {
    /// FSK per Bell 202 (Telcordia GR-30), the common Chinese variant.
    case bell202
    /// FSK per ITU-T V.23 (ETSI EN 300 659).
    case v23
    /// DTMF digits sent before the first ring.
    case dtmf
}

/// What a detector found, stamped with the time (in samples since the
/// detector started) at which the detector decided it.
public enum DSPEvent: Sendable, Equatable {
    case dtmfBegin(DTMFKey, at: SampleTime)
    case dtmfEnd(DTMFKey, at: SampleTime)
    /// A tone-plan tone was recognised; `since` is where its first matching
    /// cadence segment began; `measured`, what was seen of it before deciding.
    case toneBegin(ToneIndex, at: SampleTime, since: SampleTime, measured: ToneFigures)
    /// The tone stopped or broke its cadence; `lastMatch` is where the last conforming segment ended.
    case toneEnd(ToneIndex, at: SampleTime, lastMatch: SampleTime)
    case faxBegin(FaxTone, at: SampleTime)
    case faxEnd(FaxTone, at: SampleTime)
    /// A complete caller-ID message is waiting in the receiver (`CallerIDReceiver.message`).
    case callerIDMessage(CallerIDSignal, at: SampleTime)
    /// The line has been quiet since `since` (`QuietDetector`).
    case quietBegin(at: SampleTime, since: SampleTime)
    /// Sound again on a line that was quiet.
    case quietEnd(at: SampleTime)
}

/// A fixed-capacity list of events that detectors append to during a tick.
///
/// Allocated once; `append` never allocates. When full, further events are
/// counted in `dropped` rather than stored, so a flood of events cannot grow
/// memory on the media thread. The owner empties it with `removeAll()` after
/// reading.
public final class DSPEventBuffer {
    public let capacity: Int
    private let storage: UnsafeMutablePointer<DSPEvent>
    public private(set) var count = 0
    /// Events lost because the buffer was full.
    public private(set) var dropped = 0

    public init(capacity: Int = 64) {
        precondition(capacity > 0)
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    @inline(__always)
    public func append(_ event: DSPEvent) {
        if count < capacity {
            (storage + count).initialize(to: event)
            count += 1
        } else {
            dropped += 1
        }
    }

    public subscript(i: Int) -> DSPEvent {
        precondition(i >= 0 && i < count, "DSPEventBuffer index out of range")
        return storage[i]
    }

    public var isEmpty: Bool { count == 0 }

    /// The events as an array (allocates; for tests and offline tools).
    public var events: [DSPEvent] { (0..<count).map { storage[$0] } }

    public func removeAll() {
        storage.deinitialize(count: count)
        count = 0
    }
}
