import Telephony

/// A binary min-heap of timed events for the simulator: earliest time
/// first, and events at the same time in the order they were scheduled.
struct SimEventQueue<Event> {
    private struct Entry {
        var time: SampleTime
        var order: UInt64
        var event: Event
        func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : order < other.order
        }
    }

    private var heap: [Entry] = []
    private var scheduled: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    mutating func schedule(_ event: Event, at time: SampleTime) {
        scheduled += 1
        let entry = Entry(time: time, order: scheduled, event: event)
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    mutating func next() -> (time: SampleTime, event: Event)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        let n = heap.count
        if n > 0 {
            // Move the hole from the root down to where `last` fits.
            var hole = 0
            while true {
                var child = 2 * hole + 1
                guard child < n else { break }
                if child + 1 < n, heap[child + 1].precedes(heap[child]) { child += 1 }
                guard heap[child].precedes(last) else { break }
                heap[hole] = heap[child]
                hole = child
            }
            heap[hole] = last
        }
        return (first.time, first.event)
    }
}
