/// Audio loaded while calls run (a caller's message played to an agent),
/// as opposed to the prompts loaded once at start: a few fixed slots,
/// allocated once. Call control owns a slot from `load` until the media
/// loop reports `.clipDone` for it (the clip finished, was stopped or was
/// replaced); only then may it load the slot again. The samples are
/// published to the media thread by the command ring that carries
/// `.playClip` (its release/acquire), so no lock is needed.
public final class ClipTable: @unchecked Sendable {
    public let slots: Int
    /// Samples each slot holds at most (longer audio is cut).
    public let capacity: Int
    private let samples: UnsafeMutablePointer<Int16>
    private let counts: UnsafeMutablePointer<Int>

    public init(slots: Int = 4, seconds: Int = 120, sampleRate: Int = 8000) {
        self.slots = slots
        capacity = seconds * sampleRate
        samples = .allocate(capacity: slots * capacity)
        samples.initialize(repeating: 0, count: slots * capacity)
        counts = .allocate(capacity: slots)
        counts.initialize(repeating: 0, count: slots)
    }

    deinit {
        samples.deallocate()
        counts.deallocate()
    }

    /// Control side: fills a slot it owns; returns the samples kept.
    @discardableResult
    public func load(_ slot: ClipSlot, _ audio: [Int16]) -> Int {
        precondition(slot.rawValue >= 0 && slot.rawValue < slots, "no clip slot \(slot.rawValue)")
        let n = min(audio.count, capacity)
        audio.withUnsafeBufferPointer { (samples + slot.rawValue * capacity).update(from: $0.baseAddress!, count: n) }
        counts[slot.rawValue] = n
        return n
    }

    /// Media side: the slot's audio.
    func audio(_ slot: Int) -> UnsafeBufferPointer<Int16> {
        UnsafeBufferPointer(start: samples + slot * capacity, count: counts[slot])
    }
}

/// A slot of the clip table.
public struct ClipSlot: Hashable, Sendable {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}
