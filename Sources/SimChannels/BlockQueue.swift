/// A fixed queue of audio blocks in one direction of a simulated channel.
/// Preallocated; never grows: when full the oldest block is dropped (a real
/// card overruns the same way) and counted.
final class BlockQueue {
    let blockSize: Int
    let depth: Int
    private let storage: UnsafeMutablePointer<Int16>
    private var head = 0
    private(set) var count = 0
    private(set) var overruns = 0

    init(blockSize: Int, depth: Int = 8) {
        self.blockSize = blockSize
        self.depth = depth
        storage = .allocate(capacity: blockSize * depth)
        storage.initialize(repeating: 0, count: blockSize * depth)
    }

    deinit { storage.deallocate() }

    func push(_ block: UnsafeBufferPointer<Int16>) {
        if count == depth {
            head = (head + 1) % depth
            count -= 1
            overruns += 1
        }
        let slot = (head + count) % depth
        (storage + slot * blockSize).update(from: block.baseAddress!, count: blockSize)
        count += 1
    }

    /// Copies the oldest block out; silence when empty. Returns whether a block was there.
    @discardableResult
    func pop(into out: UnsafeMutableBufferPointer<Int16>) -> Bool {
        guard count > 0 else {
            out.update(repeating: 0)
            return false
        }
        out.baseAddress!.update(from: storage + head * blockSize, count: blockSize)
        head = (head + 1) % depth
        count -= 1
        return true
    }

    func removeAll() { head = 0; count = 0 }
}
