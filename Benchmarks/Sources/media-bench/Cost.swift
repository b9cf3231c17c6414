// Cost — per-tick cost of the media loop at several channel counts, in
// virtual time (ticks back to back on the calling thread, no pacing).
//
// Each round runs every channel count for `ticks` ticks (the order reverses
// from round to round). Per tick: the far ends send (not timed), then
// `MediaLoop.tick()` is timed by CLOCK_MONOTONIC (wall) and
// CLOCK_THREAD_CPUTIME_ID (CPU), then the consumers drain (not timed).
// Headroom: the real-time requirement is 50 ticks/s; channels one core could
// carry = N × 20 ms / tick cost (linear in channels, as the loop is).
import BenchSignal
import DSP
import MediaScene

struct CostResult {
    let channels: Int
    var wall: [Int64] = []
    var cpu: [Int64] = []
    var roundMedians: [Int64] = []
    var events = 0, frames = 0
    var bridged = 0, recorded = 0, queued = 0
}

/// Times `ticks` ticks of one scene; appends to `result`.
@inline(never)
func timeTicks(_ scene: MediaScene, ticks: Int, into result: inout CostResult) {
    let wall = UnsafeMutablePointer<Int64>.allocate(capacity: ticks)
    let cpu = UnsafeMutablePointer<Int64>.allocate(capacity: ticks)
    defer { wall.deallocate(); cpu.deallocate() }
    for _ in 0..<100 { scene.step() }
    for t in 0..<ticks {
        scene.feedFarEnds()
        let c0 = threadCPUNs()
        let w0 = monotonicNs()
        scene.loop.tick()
        let w1 = monotonicNs()
        let c1 = threadCPUNs()
        wall[t] = w1 - w0
        cpu[t] = c1 - c0
        scene.drain()
    }
    let w = UnsafeBufferPointer(start: wall, count: ticks)
    result.wall.append(contentsOf: w)
    result.cpu.append(contentsOf: UnsafeBufferPointer(start: cpu, count: ticks))
    result.roundMedians.append(Percentiles(w).median)
}

func runCost(channelCounts: [Int], ticks: Int, rounds: Int, signal: [Int16], features: DSPFeatures = .call) {
    let dsp = features == .call ? "DTMF+tones+fax" : features.isEmpty ? "no DSP" : "DSP features \(features.rawValue)"
    print("== tick cost, \(dsp) (virtual time, one thread; load average \(loadAverage()))")
    print("\(rounds) rounds × \(ticks) ticks per channel count; far ends and consumers not timed")
    var results = channelCounts.map { CostResult(channels: $0) }
    for round in 0..<rounds {
        let order = round % 2 == 0 ? Array(results.indices) : results.indices.reversed()
        for k in order {
            let scene = MediaScene(channels: results[k].channels, signal: signal, features: features)
            timeTicks(scene, ticks: ticks, into: &results[k])
            results[k].events += scene.eventsSeen
            results[k].frames += scene.framesSeen
            results[k].bridged = scene.bridgedPairs
            results[k].recorded = scene.recordedPairs
            results[k].queued = scene.queuedPairs
        }
    }
    print("channels  pairs bridged/recorded/queued   events  frames")
    for r in results {
        print(pad("\(r.channels)", 8) + pad("\(r.bridged)/\(r.recorded)/\(r.queued)", 31)
              + pad("\(r.events)", 9) + pad("\(r.frames)", 8))
    }
    print("channels   wall µs: p50     p90     p99     max   cpu µs: p50     p99   round p50s µs")
    for r in results {
        let w = Percentiles(r.wall), c = Percentiles(r.cpu)
        let rounds = r.roundMedians.map(us).joined(separator: " ")
        print(pad("\(r.channels)", 8) + pad(us(w.median), 17) + pad(us(w.p(90)), 8) + pad(us(w.p(99)), 8)
              + pad(us(w.max), 8) + pad(us(c.median), 17) + pad(us(c.p(99)), 8) + "   " + rounds)
    }
    print("channels  ticks/s at p50  × real time (50/s)  channels/core at p50  at p99  µs per channel-tick")
    for r in results {
        let w = Percentiles(r.wall)
        let perSecond = 1e9 / Double(w.median)
        let perCoreP50 = Double(r.channels) * 20e6 / Double(w.median)
        let perCoreP99 = Double(r.channels) * 20e6 / Double(w.p(99))
        print(pad("\(r.channels)", 8) + pad(fmt(perSecond, 0), 16) + pad(fmt(perSecond / 50, 1), 20)
              + pad(fmt(perCoreP50, 0), 22) + pad(fmt(perCoreP99, 0), 8)
              + pad(fmt(Double(w.median) / 1000 / Double(r.channels), 2), 21))
    }
}
