// swift-tools-version:6.1
//
// Kefu benchmarks: one channel's detector pipeline (DTMF, China tone plan,
// fax CNG/ANS) in Swift (`ChannelDSP`) against a C reference making the same
// spandsp calls; and the real-time media loop on the simulated board (tick
// cost at 30/120/480 channels, jitter, added latency, allocations). A
// separate package so the benchmark dependency stays out of the firmware
// build. See docs/performance.md.
//
//   swift build -c release                      # everything
//   swift run -c release dsp-ratio              # Swift/C ratio, wall clock
//   swift run -c release media-bench            # media loop: cost, latency, jitter
//   swift package benchmark                     # ordo-one benchmarks
//   sh callgrind.sh                             # instruction counts (valgrind)
//   sh media-allocs.sh                          # media loop heap total vs ticks (valgrind)
import PackageDescription

let package = Package(
    name: "KefuBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Kefu", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // spandsp's own calls for one channel, in plain C.
        .target(name: "CReferencePipeline", linkerSettings: [.linkedLibrary("spandsp")]),
        // spandsp's public headers under a module name of the benchmarks' own.
        .systemLibrary(name: "CSpanDSPBench", pkgConfig: "spandsp"),
        // ChannelDSP with spandsp's dtmf_rx, called from Swift.
        .target(name: "SpanDTMFChannel", dependencies: [
            "CSpanDSPBench", .product(name: "DSP", package: "Kefu"),
        ]),
        // The deterministic test signal both sides process.
        .target(name: "BenchSignal"),
        .executableTarget(name: "dsp-ratio", dependencies: [
            "BenchSignal", "CReferencePipeline", "SpanDTMFChannel",
            .product(name: "DSP", package: "Kefu"),
        ]),
        .executableTarget(
            name: "DSPPipeline",
            dependencies: [
                "BenchSignal", "CReferencePipeline", "SpanDTMFChannel",
                .product(name: "DSP", package: "Kefu"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/DSPPipeline",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A busy simulated board under the media loop, and the latency probe.
        .target(name: "MediaScene", dependencies: [
            "BenchSignal",
            .product(name: "MediaLoop", package: "Kefu"),
            .product(name: "SimChannels", package: "Kefu"),
            .product(name: "Channels", package: "Kefu"),
            .product(name: "DSP", package: "Kefu"),
        ]),
        .executableTarget(name: "media-bench", dependencies: [
            "BenchSignal", "MediaScene",
            .product(name: "MediaLoop", package: "Kefu"),
            .product(name: "SimChannels", package: "Kefu"),
            .product(name: "DSP", package: "Kefu"),
        ]),
        // The day report over a million calls, in memory and from kefu.db.
        .executableTarget(name: "report-bench", dependencies: [
            .product(name: "Records", package: "Kefu"),
            .product(name: "Reports", package: "Kefu"),
            .product(name: "Storage", package: "Kefu"),
        ]),
        .executableTarget(
            name: "MediaLoopBench",
            dependencies: [
                "BenchSignal", "MediaScene",
                .product(name: "MediaLoop", package: "Kefu"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MediaLoop",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
