// MediaLoopBench — ordo-one/benchmark suite for one tick of Kefu's media loop.
//
// "MediaLoop tick, N channels" for N = 30, 120, 480: a MediaScene (N/2 lines,
// N/2 phones, all with DTMF+tones+fax, 3/4 of pairs bridged and recorded up to
// 64 slots, 1/4 of lines hearing a looping prompt). One iteration is one
// `MediaLoop.tick()`: the board's begin/end, commands, read + events + DSP for
// every channel, what each hears, write, recording tap. Measured between
// startMeasurement/stopMeasurement; the simulated far ends sending audio
// before it and the event/recording consumers draining after it are not.
// mallocCountTotal must be 0 per tick (thresholds below and
// Thresholds/MediaLoopBench.*.p90.json; `swift package benchmark thresholds check`).
import Benchmark
import BenchSignal
import MediaLoop
import MediaScene

let benchmarks: @Sendable () -> Void = {
    let noMallocs = BenchmarkThresholds(
        relative: [.p50: 0, .p90: 0, .p100: 0],
        absolute: [.p50: 0, .p90: 0, .p100: 0]
    )
    // Wall clock only: ordo-one's cpuTotal comes from /proc/self/stat in
    // scheduler ticks (10 ms), and reading it allocates inside the counted
    // window. media-bench reports per-tick thread CPU time instead.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 200,
        maxDuration: .seconds(5),
        maxIterations: 20_000,
        thresholds: [.mallocCountTotal: noMallocs]
    )

    let signal = BenchSignal.make(seconds: 60)
    for n in [30, 120, 480] {
        let scene = MediaScene(channels: n, signal: signal)
        Benchmark("MediaLoop tick, \(n) channels") { benchmark in
            for _ in benchmark.scaledIterations {
                scene.feedFarEnds()
                benchmark.startMeasurement()
                scene.loop.tick()
                benchmark.stopMeasurement()
                scene.drain()
            }
        }
    }
}
