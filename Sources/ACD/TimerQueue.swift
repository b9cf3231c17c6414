import Telephony

/// The engine's deadlines in time order (a binary min-heap), so finding the
/// next wake-up and firing what is due never scans every agent and caller.
/// Entries are not removed when their deadline is cancelled: the engine
/// checks each against the live state when it comes to the top and drops
/// the stale ones.
struct TimerQueue: Sendable {
    enum Timer: Sendable, Equatable {
        /// An offer to this agent rings out.
        case ring(agent: Int)
        /// This agent's wrap-up ends.
        case wrapUp(agent: Int)
        /// Something about this waiting caller is due: maximum wait, an
        /// announcement, a message, an escalation step, a callback retry.
        case caller(CallID)
    }

    struct Entry: Sendable {
        var time: SampleTime
        var timer: Timer
    }

    private var heap: [Entry] = []

    var first: Entry? { heap.first }
    var count: Int { heap.count }

    mutating func add(_ timer: Timer, at time: SampleTime) {
        heap.append(Entry(time: time, timer: timer))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].time < heap[parent].time else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func removeFirst() -> Entry {
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        let n = heap.count
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < n, heap[left].time < heap[smallest].time { smallest = left }
            if right < n, heap[right].time < heap[smallest].time { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
