import Synchronization

/// Carries recorded audio from the media loop to the recording writer: a
/// single-producer single-consumer ring of fixed frames, each one block of
/// the caller (left) and one of the agent (right) for one recording slot.
/// The media loop never waits: a full ring drops the frame and counts it.
public final class RecordingTap: @unchecked Sendable {
    public let blockSize: Int
    public let capacity: Int
    private let samples: UnsafeMutablePointer<Int16>
    private let slots: UnsafeMutablePointer<Int32>
    private let head = Atomic<Int>(0)
    private let tail = Atomic<Int>(0)
    private let droppedFrames = Atomic<Int>(0)

    public init(blockSize: Int, capacity: Int = 512) {
        self.blockSize = blockSize
        self.capacity = capacity
        samples = .allocate(capacity: capacity * 2 * blockSize)
        samples.initialize(repeating: 0, count: capacity * 2 * blockSize)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
    }

    deinit {
        samples.deallocate()
        slots.deallocate()
    }

    /// Producer (media loop): one frame for a slot.
    public func push(slot: RecordingSlot, left: UnsafePointer<Int16>, right: UnsafePointer<Int16>) {
        let t = tail.load(ordering: .relaxed)
        let next = (t + 1) % capacity
        if next == head.load(ordering: .acquiring) {
            droppedFrames.add(1, ordering: .relaxed)
            return
        }
        let base = samples + t * 2 * blockSize
        base.update(from: left, count: blockSize)
        (base + blockSize).update(from: right, count: blockSize)
        slots[t] = Int32(slot.rawValue)
        tail.store(next, ordering: .releasing)
    }

    /// Consumer (writer): calls `body` with each waiting frame, oldest first.
    /// Returns the number of frames consumed.
    @discardableResult
    public func drain(_ body: (RecordingSlot, UnsafeBufferPointer<Int16>, UnsafeBufferPointer<Int16>) -> Void) -> Int {
        var n = 0
        var h = head.load(ordering: .relaxed)
        while h != tail.load(ordering: .acquiring) {
            let base = samples + h * 2 * blockSize
            body(RecordingSlot(Int(slots[h])), UnsafeBufferPointer(start: base, count: blockSize),
                 UnsafeBufferPointer(start: base + blockSize, count: blockSize))
            h = (h + 1) % capacity
            head.store(h, ordering: .releasing)
            n += 1
        }
        return n
    }

    public var dropped: Int { droppedFrames.load(ordering: .relaxed) }
}
