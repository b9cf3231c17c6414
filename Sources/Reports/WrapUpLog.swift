/// Every wrap-up interval of every agent, for charging wrap-up to the call
/// it follows. Each agent's list is in order of start; a lookup searches
/// outwards from where that agent's previous lookup ended (calls come in
/// time order, so that is usually the next entry), then by halves.
///
/// A call's wrap-up is the wrap-up state of the call's agent that starts
/// within `tolerance` ms of the call's end and that followed the agent's
/// `on-call` state for this call (when the states name calls; an interval
/// that names no call matches by time alone). Its length is the whole
/// interval, to the agent's next state, not clipped to the window: a
/// call's handle time does not depend on where a report's window ends.
struct WrapUpLog {
    struct Interval {
        var start: Int64
        var end: Int64
        /// The call the agent was on just before (nil when unknown).
        var callID: Int64?
    }

    /// Per agent (registry number).
    private var intervals: [[Interval]] = []
    /// Per agent: where the last lookup ended.
    private var hints: [Int] = []

    mutating func append(_ interval: Interval, agent: Int) {
        while intervals.count <= agent {
            intervals.append([])
            hints.append(0)
        }
        intervals[agent].append(interval)
    }

    /// Milliseconds of wrap-up that followed call `callID`, ended at `ended`
    /// by `agent` (0 if none).
    mutating func milliseconds(agent: Int, callID: Int64, ended: Int64, tolerance: Int64) -> Int64 {
        guard agent < intervals.count else { return 0 }
        let hint = hints[agent]
        let (found, next) = intervals[agent].withUnsafeBufferPointer { list -> (Int64, Int) in
            let first = Self.firstStarting(atOrAfter: ended - tolerance, in: list, near: hint)
            var i = first
            while i < list.count, list[i].start <= ended + tolerance {
                if list[i].callID == nil || list[i].callID == callID { return (list[i].end - list[i].start, i) }
                i += 1
            }
            return (0, first)
        }
        hints[agent] = next
        return found
    }

    /// The first index whose interval starts at or after `time`: gallops
    /// from `hint` (steps 1, 2, 4, … towards the answer), then halves.
    static func firstStarting(atOrAfter time: Int64, in list: UnsafeBufferPointer<Interval>, near hint: Int) -> Int {
        let n = list.count
        let h = min(max(hint, 0), n)
        // Every index below `low` starts before `time`; every one from `high` on, at or after.
        var low = 0, high = n, step = 1
        if h < n, list[h].start < time {
            low = h + 1
            while h + step < n, list[h + step].start < time {
                low = h + step + 1
                step *= 2
            }
            high = min(n, h + step)
        } else {
            high = h
            while h - step >= 0, list[h - step].start >= time {
                high = h - step
                step *= 2
            }
            low = max(0, h - step + 1)
        }
        while low < high {
            let mid = (low + high) / 2
            if list[mid].start < time { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
