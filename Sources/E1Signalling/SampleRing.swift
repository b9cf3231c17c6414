import Synchronization

/// A fixed single-producer single-consumer ring of samples between an MFC/R2
/// signalling thread and the media thread: one per direction per timeslot.
/// `write` and `read` copy whole runs without allocating, locking or
/// waiting; a full ring takes what fits, an empty one gives nothing.
public final class SampleRing: @unchecked Sendable {
    public let capacity: Int
    private let storage: UnsafeMutablePointer<Int16>
    private let head = Atomic<Int>(0)  // samples read so far; written by the consumer
    private let tail = Atomic<Int>(0)  // samples written so far; written by the producer

    public init(capacity: Int) {
        precondition(capacity > 0, "SampleRing needs a capacity above 0")
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
        storage.initialize(repeating: 0, count: capacity)
    }

    deinit { storage.deallocate() }

    /// Samples waiting (exact for the consumer, a lower bound for the producer's view of room).
    public var count: Int { tail.load(ordering: .acquiring) - head.load(ordering: .acquiring) }

    /// Producer side: copies as much of `samples` as fits; how many it took.
    @discardableResult
    public func write(_ samples: UnsafeBufferPointer<Int16>) -> Int {
        let t = tail.load(ordering: .relaxed)
        let room = capacity - (t - head.load(ordering: .acquiring))
        let n = min(room, samples.count)
        for i in 0..<n { storage[(t + i) % capacity] = samples[i] }
        tail.store(t + n, ordering: .releasing)
        return n
    }

    /// Consumer side: copies up to `into.count` samples out; how many it gave.
    @discardableResult
    public func read(into output: UnsafeMutableBufferPointer<Int16>) -> Int {
        let h = head.load(ordering: .relaxed)
        let n = min(tail.load(ordering: .acquiring) - h, output.count)
        for i in 0..<n { output[i] = storage[(h + i) % capacity] }
        head.store(h + n, ordering: .releasing)
        return n
    }

    /// Consumer side: drops the oldest samples until at most `keep` wait.
    public func trim(to keep: Int) {
        let h = head.load(ordering: .relaxed)
        let waiting = tail.load(ordering: .acquiring) - h
        if waiting > keep { head.store(h + waiting - keep, ordering: .releasing) }
    }
}
