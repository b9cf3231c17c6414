// swift-tools-version:6.1
//
// Kefu (客服): call-center appliance firmware.
// Layers (imports point down only), see docs/architecture.md:
//   L4 executables  kefud, kefu
//   L3 tools        Tools (offline commands: analyze, synth), Setup (kefu setup)
//   L2 adapters     DSP (spandsp owners, G.711, WAV)
//   L1 pure         Telephony (ids, digits, sample time), Reports (KPIs, Erlang),
//                   ACD (queues, agents), Config (typed config, validation), IVR (menus),
//                   Records (call detail rows, CSV, retention plans, quality scores),
//                   Accounts (users and groups from the account database, operators' roles)
//   L2 sealing      Sealing (recordings encrypted at rest, AES-GCM segments)
//   L0 C shims      CSpanDSP, CDAHDI, CALSA, CSQLite, CLinuxRT, CPri (libpri), COpenR2 (libopenr2)
import PackageDescription

let package = Package(
    name: "Kefu",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kefud", targets: ["kefud"]),
        .executable(name: "kefu", targets: ["kefu"]),
        .library(name: "DSP", targets: ["DSP"]),
        .library(name: "Telephony", targets: ["Telephony"]),
        .library(name: "Channels", targets: ["Channels"]),
        .library(name: "SimChannels", targets: ["SimChannels"]),
        .library(name: "MediaLoop", targets: ["MediaLoop"]),
        .library(name: "Records", targets: ["Records"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Storage", targets: ["Storage"]),
        // For the fuzz targets (Fuzz/): the parsers of bytes from outside.
        .library(name: "Config", targets: ["Config"]),
        .library(name: "ACD", targets: ["ACD"]),
        .library(name: "Console", targets: ["Console"]),
        .library(name: "Accounts", targets: ["Accounts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // L0: one shim per C library.
        .systemLibrary(name: "CSpanDSP", pkgConfig: "spandsp",
                       providers: [.apt(["libspandsp-dev"])]),
        .target(name: "CDAHDI", linkerSettings: [.linkedLibrary("tonezone")]),
        .target(name: "CALSA", linkerSettings: [.linkedLibrary("asound")]),
        .target(name: "CSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "CLinuxRT"),
        // E1 signalling: ISDN PRI (libpri) and MFC/R2 (libopenr2); Debian ships no pkg-config files for them.
        .systemLibrary(name: "CPri", providers: [.apt(["libpri-dev"])]),
        .systemLibrary(name: "COpenR2", providers: [.apt(["libopenr2-dev"])]),

        // L1 pure.
        .target(name: "Telephony"),
        .target(name: "Reports", dependencies: ["Telephony", "Records"]),
        .target(name: "ACD", dependencies: ["Telephony", "Config"]),
        .target(name: "Config", dependencies: ["Telephony"]),
        .target(name: "IVR", dependencies: ["Telephony", "Config"]),
        .target(name: "Records"),
        // Who the box's users are (account database) and the roles they act in.
        .target(name: "Accounts"),

        // L2 contract and adapters.
        .target(name: "Channels"),
        .target(name: "DAHDIChannels", dependencies: ["Channels", "CDAHDI", "DSP"]),
        // E1 signalling threads (ISDN PRI now; MFC/R2 next) and the board that routes E1 channels through them.
        .target(name: "E1Signalling", dependencies: ["Channels", "DAHDIChannels", "DSP", "CPri", "COpenR2"]),
        .target(name: "SimChannels", dependencies: ["Channels", "DSP", "CLinuxRT", "Telephony"]),
        .target(name: "DSP", dependencies: ["CSpanDSP", "Telephony"]),
        .target(name: "Sealing", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Storage", dependencies: ["MediaLoop", "DSP", "CSQLite", "Records", "Reports", "Sealing", "Accounts"]),

        // L3 planes.
        .target(name: "MediaLoop", dependencies: ["Channels", "DSP", "CLinuxRT", "Telephony"]),
        .target(name: "CallControl", dependencies: ["MediaLoop", "Storage", "Records", "Channels", "DSP", "Telephony", "ACD", "IVR", "Config"]),

        // L2 line editing for the console shell (serial consoles, CJK widths); Tools pads its tables by the same widths.
        .target(name: "LineEditor"),

        // L3 console socket, framing and command tree (shared by kefud and kefu).
        .target(name: "Console", dependencies: ["Accounts"]),

        // L3 wiring.
        .target(name: "KefuDaemon", dependencies: ["CallControl", "MediaLoop", "SimChannels", "Channels", "E1Signalling", "DSP", "Telephony", "Storage", "Sealing",
                                                  "ACD", "IVR", "Config", "Tools", "Console", "Records", "LineEditor"]),

        // L3.
        .target(name: "Tools", dependencies: ["DSP", "Telephony", "ACD", "Reports", "Config", "IVR", "Storage", "Records", "Sealing", "CALSA",
                                              "LineEditor", .product(name: "Crypto", package: "swift-crypto")]),

        // L3 the installer's first-boot setup (kefu setup): finds the board, writes system.conf and kefu.toml, tests ports.
        .target(name: "Setup", dependencies: ["Tools", "Config", "DSP", "Telephony", "Channels", "DAHDIChannels", "SimChannels"]),

        // L4 executables.
        .executableTarget(name: "kefu", dependencies: [
            "Tools", "DSP", "Console", "LineEditor", "Reports", "Setup",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kefud", dependencies: [
            "KefuDaemon", "DAHDIChannels", "E1Signalling", "Channels", "Config",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Tests.
        .target(name: "KefuTesting", dependencies: ["Channels", "SimChannels", "DAHDIChannels", "DSP", "Telephony"], path: "Tests/KefuTesting"),
        .executableTarget(name: "vboard-check", dependencies: ["KefuTesting", "KefuDaemon", "CallControl", "Channels", "DAHDIChannels", "E1Signalling", "Storage", "Records",
                                                               "DSP", "Telephony", "Config", "Setup"], path: "Tests/VBoardCheck"),
        .testTarget(name: "TelephonyTests", dependencies: ["Telephony"]),
        .testTarget(name: "DaemonTests", dependencies: ["Accounts", "KefuTesting", "KefuDaemon", "CallControl", "SimChannels", "DSP", "Telephony", "Config", "MediaLoop",
                                                   "Console", "Storage"]),
        .testTarget(name: "CallControlTests", dependencies: ["CallControl", "MediaLoop", "Storage", "Channels", "SimChannels", "DSP", "Telephony",
                                                      "ACD", "IVR", "Config"]),
        .testTarget(name: "MediaLoopTests", dependencies: ["MediaLoop", "Channels", "SimChannels", "DSP", "Telephony"]),
        .testTarget(name: "ChannelsTests", dependencies: ["Channels", "SimChannels", "KefuTesting", "DSP", "Telephony"]),
        .testTarget(name: "DSPTests", dependencies: ["DSP", "Telephony"]),
        .testTarget(name: "ShimTests", dependencies: ["CDAHDI", "CALSA", "CSQLite", "CLinuxRT", "CPri", "COpenR2"]),
        .testTarget(name: "ToolsTests", dependencies: ["Accounts", "Tools", "DSP", "ACD", "Reports", "Config", "IVR", "Telephony", "Storage", "Records",
                                                    "Sealing", "LineEditor", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Records"]),
        .testTarget(name: "ACDTests", dependencies: ["ACD", "Config", "Reports", "Telephony"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config"]),
        .testTarget(name: "E1SignallingTests", dependencies: ["E1Signalling", "Channels", "COpenR2"]),
        .testTarget(name: "IVRTests", dependencies: ["IVR", "Config", "Telephony"]),
        .testTarget(name: "RecordsTests", dependencies: ["Records"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "CLinuxRT"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Accounts", "Console", "Storage", "KefuDaemon", "Config", "CallControl", "Telephony"]),
        .testTarget(name: "StorageTests", dependencies: ["Accounts", "KefuTesting", "Storage", "Records", "Reports", "Sealing", "MediaLoop", "DSP"]),
        .executableTarget(name: "storage-crash-child", dependencies: ["Storage", "MediaLoop"], path: "Tests/StorageCrashChild"),
        .testTarget(name: "SealingTests", dependencies: ["Sealing"]),
        .testTarget(name: "SetupTests", dependencies: ["Setup", "Config", "Tools", "DSP", "Channels", "DAHDIChannels", "SimChannels", "Telephony"]),
    ],
    swiftLanguageModes: [.v6]
)
