import Telephony

/// Collects DTMF caller ID from the keys a `DTMFDetector` reports before the
/// first ring: a start key (A, B or D), digits, and an end key (C or #).
/// Keys outside a message are ignored; a message longer than 32 keys or one
/// interrupted by a gap of over 1 s is dropped. Fixed storage, no allocation
/// until `take()` decodes a finished message.
public struct DTMFCallerIDAssembler: Sendable {
    private var keys: [Character] = []
    private var lastKeyAt: SampleTime?
    private var finished = false
    /// When the current or last message's start key began.
    public private(set) var startedAt: SampleTime?

    static let maximumKeys = 32
    static let maximumGap = SampleTime(milliseconds: 1000)

    public init() {
        keys.reserveCapacity(Self.maximumKeys)
    }

    /// Feeds a key that began at `at`; returns true when a message is complete.
    public mutating func add(_ key: DTMFKey, at: SampleTime) -> Bool {
        if let last = lastKeyAt, at - last > Self.maximumGap { keys.removeAll(keepingCapacity: true) }
        lastKeyAt = at
        if finished { keys.removeAll(keepingCapacity: true); finished = false }
        if keys.isEmpty {
            guard "ABD".contains(key.rawValue) else { return false }
            startedAt = at
        }
        guard keys.count < Self.maximumKeys else {
            keys.removeAll(keepingCapacity: true)
            return false
        }
        keys.append(key.rawValue)
        if keys.count > 1, key == .c || key == .hash {
            finished = true
            return true
        }
        return false
    }

    /// Decodes the finished message (allocates; off the media thread).
    public func take() throws(CallerIDError) -> CallerID {
        guard finished else { throw CallerIDError(reason: "no complete DTMF caller-ID message") }
        return try CallerIDMessage.decodeDTMF(String(keys))
    }
}
