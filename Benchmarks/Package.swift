// swift-tools-version:6.1
//
// Kefu DSP benchmarks: one channel's detector pipeline (DTMF, China tone
// plan, fax CNG/ANS) in Swift (`ChannelDSP`) against a C reference making
// the same spandsp calls. A separate package so the benchmark dependency
// stays out of the firmware build. See docs/performance.md.
//
//   swift build -c release                      # everything
//   swift run -c release dsp-ratio              # Swift/C ratio, wall clock
//   swift package benchmark                     # ordo-one benchmarks
//   sh callgrind.sh                             # instruction counts (valgrind)
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
    ]
)
