// swift-tools-version:6.1
//
// Kefu fuzz targets (libFuzzer): each parser that reads bytes from outside
// the box gets an executable that feeds it whatever libFuzzer makes.
// A separate package so the sanitizer flags stay out of the firmware build;
// build and run with scripts/fuzz.sh (`make fuzz`), which passes
// `-Xswiftc -sanitize=fuzzer,address` so the firmware's modules are
// instrumented too. Seed inputs are in Fuzz/Seeds/<target>/.
import PackageDescription

let package = Package(
    name: "KefuFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Kefu", path: ".."),
    ],
    targets: [
        // libFuzzer's driver, called from each target's main.swift.
        .target(name: "LibFuzzer"),
        // kefu config check: TOML parser, decoder, validator, the ACD's own
        // checks, holiday calendars and VIP lists.
        .executableTarget(name: "fuzz-config", dependencies: [
            "LibFuzzer",
            .product(name: "Config", package: "Kefu"),
            .product(name: "ACD", package: "Kefu"),
        ]),
        // kefu analyze: the WAV reader.
        .executableTarget(name: "fuzz-wav", dependencies: [
            "LibFuzzer",
            .product(name: "DSP", package: "Kefu"),
        ]),
        // Caller ID: FSK messages and DTMF caller ID, the assembler included.
        .executableTarget(name: "fuzz-callerid", dependencies: [
            "LibFuzzer",
            .product(name: "DSP", package: "Kefu"),
            .product(name: "Telephony", package: "Kefu"),
        ]),
        // The console: framing, request decoding, the command tree.
        .executableTarget(name: "fuzz-console", dependencies: [
            "LibFuzzer",
            .product(name: "Console", package: "Kefu"),
            .product(name: "Accounts", package: "Kefu"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
