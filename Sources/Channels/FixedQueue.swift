/// A fixed-capacity first-in first-out queue (a channel's pending events in
/// both backends). Storage is made once; a full queue drops and counts.
public struct FixedQueue<Element> {
    private var storage: [Element?]
    private var head = 0
    public private(set) var count = 0
    public private(set) var dropped = 0

    public init(capacity: Int) { storage = Array(repeating: nil, count: capacity) }

    public mutating func push(_ e: Element) {
        guard count < storage.count else { dropped += 1; return }
        storage[(head + count) % storage.count] = e
        count += 1
    }

    public mutating func pop() -> Element? {
        guard count > 0 else { return nil }
        let e = storage[head]
        storage[head] = nil
        head = (head + 1) % storage.count
        count -= 1
        return e
    }

    public mutating func removeAll() {
        while pop() != nil {}
    }
}
