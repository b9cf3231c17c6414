import Synchronization

/// A fixed-capacity single-producer single-consumer ring between two
/// threads. `push` and `pop` never allocate, lock or wait: a full ring
/// refuses the push (the producer counts it), an empty ring returns nil.
/// Elements are copied in and out; use small trivial values.
public final class SPSCRing<Element: Sendable>: @unchecked Sendable {
    public let capacity: Int
    private let storage: UnsafeMutablePointer<Element?>
    private let head = Atomic<Int>(0)  // next slot to read; written by the consumer
    private let tail = Atomic<Int>(0)  // next slot to write; written by the producer
    private let refused = Atomic<Int>(0)

    public init(capacity: Int) {
        precondition(capacity > 1, "SPSCRing needs a capacity above 1")
        self.capacity = capacity
        storage = .allocate(capacity: capacity + 1)
        storage.initialize(repeating: nil, count: capacity + 1)
    }

    deinit {
        storage.deinitialize(count: capacity + 1)
        storage.deallocate()
    }

    /// Producer side. Returns false (and counts it) when the ring is full.
    @discardableResult
    public func push(_ element: Element) -> Bool {
        let t = tail.load(ordering: .relaxed)
        let next = t == capacity ? 0 : t + 1
        if next == head.load(ordering: .acquiring) {
            refused.add(1, ordering: .relaxed)
            return false
        }
        storage[t] = element
        tail.store(next, ordering: .releasing)
        return true
    }

    /// Consumer side. The oldest element, or nil when empty.
    public func pop() -> Element? {
        let h = head.load(ordering: .relaxed)
        if h == tail.load(ordering: .acquiring) { return nil }
        let element = storage[h]
        storage[h] = nil
        head.store(h == capacity ? 0 : h + 1, ordering: .releasing)
        return element
    }

    /// Elements waiting (approximate while the other side runs).
    public var count: Int {
        let t = tail.load(ordering: .acquiring), h = head.load(ordering: .acquiring)
        return t >= h ? t - h : t + capacity + 1 - h
    }

    /// Pushes refused because the ring was full.
    public var refusedCount: Int { refused.load(ordering: .relaxed) }
}
