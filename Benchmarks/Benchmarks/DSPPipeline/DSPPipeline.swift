// DSPPipeline — ordo-one/benchmark suite for one channel's detector tick.
//
// Each iteration processes one 160-sample block (20 ms at 8 kHz) of the
// pre-generated 60 s BenchSignal, wrapping round at its end; the pipelines
// and the signal are made once, outside the measured region.
//   ChannelDSP tick (Swift)             Kefu's ChannelDSP(plan: .china, features: .call)
//   C reference tick                    cref_pipeline_process: spandsp dtmf_rx, tones, fax
//   ChannelDSP+spandsp dtmf_rx (Swift)  the C reference's spandsp calls, made from Swift
//   Empty tick (harness)                the harness alone
// mallocCountTotal must be 0 per tick: see the thresholds below and
// Thresholds/*.p90.json (`swift package benchmark thresholds check`).
import Benchmark
import BenchSignal
import CReferencePipeline
import DSP
import SpanDTMFChannel

/// The signal and a read position that wraps at its end.
final class Feed {
    let samples: UnsafeMutableBufferPointer<Int16>
    private var at = 0

    init() {
        let signal = BenchSignal.make(seconds: 60)
        let whole = signal.count / BenchSignal.block * BenchSignal.block
        samples = .allocate(capacity: whole)
        _ = samples.initialize(from: signal[..<whole])
    }

    /// The next 160-sample block.
    @inline(__always)
    func next() -> UnsafeBufferPointer<Int16> {
        let block = UnsafeBufferPointer(rebasing: samples[at..<(at + BenchSignal.block)])
        at += BenchSignal.block
        if at == samples.count { at = 0 }
        return block
    }
}

let benchmarks: @Sendable () -> Void = {
    // No allocation in steady state: p90 (static check) and every percentile
    // against a baseline may differ from 0 by nothing.
    let noMallocs = BenchmarkThresholds(
        relative: [.p50: 0, .p90: 0, .p100: 0],
        absolute: [.p50: 0, .p90: 0, .p100: 0]
    )
    // No .instructions by default: where perf counters are missing (this
    // project's VMs) asking for them makes the harness itself allocate 16
    // times per iteration. Use `--metric instructions` where `perf stat -e
    // instructions true` works, or callgrind via `dsp-ratio --only`.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 500,
        maxDuration: .seconds(5),
        maxIterations: 100_000,
        thresholds: [.mallocCountTotal: noMallocs]
    )

    // The harness alone: what a tick's figures include before any DSP.
    Benchmark("Empty tick (harness)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(i) }
    }

    let swiftFeed = Feed()
    let channel = ChannelDSP(plan: .china, features: .call)
    let swiftEvents = DSPEventBuffer(capacity: 64)
    Benchmark("ChannelDSP tick (Swift)") { benchmark in
        for _ in benchmark.scaledIterations {
            channel.process(swiftFeed.next(), into: swiftEvents)
            blackHole(swiftEvents.count)
            swiftEvents.removeAll()
        }
    }

    let cFeed = Feed()
    let reference = cref_pipeline_new()!
    Benchmark("C reference tick") { benchmark in
        for _ in benchmark.scaledIterations {
            let block = cFeed.next()
            cref_pipeline_process(reference, block.baseAddress, Int32(block.count))
        }
    }

    let spanFeed = Feed()
    let span = SpanDTMFChannel()
    let spanEvents = DSPEventBuffer(capacity: 64)
    Benchmark("ChannelDSP+spandsp dtmf_rx tick (Swift)") { benchmark in
        for _ in benchmark.scaledIterations {
            span.process(spanFeed.next(), into: spanEvents)
            blackHole(spanEvents.count)
            spanEvents.removeAll()
        }
    }
}
