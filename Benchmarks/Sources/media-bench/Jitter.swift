// Jitter — the media loop on its real-time thread (MediaLoopThread, SCHED_FIFO
// when granted) paced by RealTimePacer (a 20 ms CLOCK_MONOTONIC timerfd), as
// kefud runs it on the simulated board.
//
// A SimWorldDriver on the board stamps each tick into preallocated arrays:
// `start` right after the pacer's wake-up (beforeTick), `fed` after the far
// ends sent their audio, `end` after the loop wrote every channel
// (afterTick). It also runs the latency probes on pair 0 (a mark every 50
// ticks, alternating direction). The main thread drains events and
// recordings every 10 ms, as call control and the recording writer would.
// Reports: tick-interval deviation from 20 ms, wake-up lateness (tick k
// should start at t0 + (k + periods missed so far) × 20 ms; lateness is
// measured from the earliest start seen, as the timer's own expiry is not
// observable), media work per tick, pacer overruns.
#if canImport(Glibc)
import Glibc
#endif
import BenchSignal
import MediaLoop
import MediaScene
import SimChannels
import Synchronization

final class StampingWorld: SimWorldDriver {
    let scene: MediaScene
    let capacity: Int
    let start, fed, end: UnsafeMutablePointer<Int64>
    /// Pacer overruns so far at each tick: tick k began period k + missed[k].
    let missed: UnsafeMutablePointer<Int>
    let pacer: RealTimePacer
    let forward: LatencyProbe, backward: LatencyProbe
    let added: UnsafeMutablePointer<Int>
    var probes = 0
    var count = 0
    var policy: Int32 = -1
    let progress = Atomic<Int>(0)

    init(scene: MediaScene, pacer: RealTimePacer, ticks: Int) {
        self.scene = scene
        self.pacer = pacer
        missed = .allocate(capacity: ticks); missed.initialize(repeating: 0, count: ticks)
        capacity = ticks
        start = .allocate(capacity: ticks); start.initialize(repeating: 0, count: ticks)
        fed = .allocate(capacity: ticks); fed.initialize(repeating: 0, count: ticks)
        end = .allocate(capacity: ticks); end.initialize(repeating: 0, count: ticks)
        added = .allocate(capacity: ticks / 25 + 2); added.initialize(repeating: 0, count: ticks / 25 + 2)
        forward = LatencyProbe(from: scene.lines[0], to: scene.phones[0])
        backward = LatencyProbe(from: scene.phones[0], to: scene.lines[0])
    }

    deinit {
        start.deallocate(); fed.deallocate(); end.deallocate(); missed.deallocate(); added.deallocate()
    }

    func beforeTick(board: SimBoard, tick: Int64) {
        let t = monotonicNs()
        guard count < capacity else { scene.feedFarEnds(); return }
        if count == 0 { policy = sched_getscheduler(0) }
        start[count] = t
        missed[count] = pacer.overruns
        if count % 50 == 0, !forward.inFlight, !backward.inFlight {
            scene.feedFarEnds(mark: forward.send())
        } else if count % 50 == 25, !forward.inFlight, !backward.inFlight {
            scene.feedFarEnds(mark: backward.send())
        } else {
            scene.feedFarEnds()
        }
        fed[count] = monotonicNs()
    }

    func afterTick(board: SimBoard, tick: Int64) {
        guard count < capacity else { return }
        record(forward.receive(on: board, limit: 20))
        record(backward.receive(on: board, limit: 20))
        end[count] = monotonicNs()
        count += 1
        progress.store(count, ordering: .releasing)
    }

    private func record(_ blocks: Int?) {
        guard let blocks else { return }
        added[probes] = blocks
        probes += 1
    }
}

func runJitter(channels: Int, seconds: Int, priority: Int32, signal: [Int16], dump: String? = nil) {
    let ticks = seconds * 50
    print("== jitter: \(channels) channels on MediaLoopThread (priority \(priority)) paced by RealTimePacer, \(seconds) s = \(ticks) ticks; load average \(loadAverage())")
    let scene = MediaScene(channels: channels, signal: signal)
    let pacer: RealTimePacer
    do { pacer = try RealTimePacer(blockSize: scene.board.blockSize) } catch { fail("pacer: \(error)") }
    let world = StampingWorld(scene: scene, pacer: pacer, ticks: ticks)
    scene.board.world = world
    scene.board.pacer = { pacer.wait() }
    let thread = MediaLoopThread(loop: scene.loop, priority: priority)
    thread.start()
    let warnings = thread.warnings
    var ts = timespec(tv_sec: 0, tv_nsec: 10_000_000)
    while world.progress.load(ordering: .acquiring) < ticks {
        nanosleep(&ts, nil)
        scene.drain()
    }
    thread.stop()
    scene.drain()
    let overruns = pacer.overruns

    if let dump, let f = fopen(dump, "w") {
        fputs("start_ns fed_ns end_ns\n", f)
        for k in 0..<ticks { fputs("\(world.start[k]) \(world.fed[k]) \(world.end[k])\n", f) }
        fclose(f)
    }
    let policyName = world.policy == SCHED_FIFO ? "SCHED_FIFO" : world.policy == SCHED_OTHER ? "SCHED_OTHER" : "policy \(world.policy)"
    print("media thread: \(policyName)" + (warnings.isEmpty ? "; memory locked" : ""))
    for w in warnings { print("  warning: \(w)") }
    let skip = 10
    let period: Int64 = 20_000_000
    var deviation: [Int64] = [], absDeviation: [Int64] = [], lateness: [Int64] = []
    var feed: [Int64] = [], work: [Int64] = []
    var residual: [Int64] = []
    let s0 = world.start[skip]
    for k in skip..<ticks {
        if k > skip {
            let d = world.start[k] - world.start[k - 1] - period
            deviation.append(d); absDeviation.append(abs(d))
        }
        let periods = Int64(k - skip + world.missed[k] - world.missed[skip])
        residual.append(world.start[k] - s0 - periods * period)
        feed.append(world.fed[k] - world.start[k])
        work.append(world.end[k] - world.fed[k])
    }
    let floor = residual.min() ?? 0
    lateness = residual.map { $0 - floor }
    let dev = Percentiles(deviation), absd = Percentiles(absDeviation)
    let late = Percentiles(lateness), f = Percentiles(feed), w = Percentiles(work)
    print("ticks stamped \(ticks) (first \(skip) skipped); pacer overruns \(overruns); media statistics \(scene.loop.statistics)")
    print("events \(scene.eventsSeen), recorded frames \(scene.framesSeen), failures \(scene.failures)")
    print("µs                                      p50       p90       p99     p99.9       max")
    func row(_ name: String, _ p: Percentiles) {
        print(name + pad(us(p.median), 42 - name.count) + pad(us(p.p(90)), 10) + pad(us(p.p(99)), 10)
              + pad(us(p.p(99.9)), 10) + pad(us(p.max), 10))
    }
    row("|interval − 20 ms|", absd)
    row("wake-up lateness (vs earliest)", late)
    row("far ends (simulation)", f)
    row("media loop work", w)
    print("interval − 20 ms signed: min \(us(dev.min)) µs, max \(us(dev.max)) µs")
    let probeResults = (0..<world.probes).map { world.added[$0] }
    let lost = probeResults.filter { $0 < 0 }.count
    print("latency probes on pair 0 (both directions): \(probeResults.count) marks, added blocks min \(probeResults.min() ?? -1) max \(probeResults.max() ?? -1), lost \(lost)")
}
