// media-bench — Kefu's real-time media loop on the simulated board: tick cost
// at 30/120/480 channels, added caller↔agent latency in blocks, and tick
// jitter on the paced real-time thread. See docs/performance.md.
//
//   media-bench                               all three (cost, latency, 60 s jitter)
//   media-bench cost [--ticks T] [--rounds R] [--channels 30,120,480] [--no-dsp]
//   media-bench latency [--channels N] [--marks M]
//   media-bench jitter [--seconds S] [--channels N] [--priority P] [--dump FILE]
//   media-bench ticks --ticks T [--channels N]  T ticks and nothing else, for
//       valgrind: the heap total must not grow with T (media-allocs.sh)
//
// Scenes are MediaScene: half lines, half phones, all with DTMF+tones+fax,
// 3/4 of pairs bridged (and recorded, up to 64), 1/4 of lines hearing a prompt.
#if canImport(Glibc)
import Glibc
#endif
import BenchSignal
import DSP
import MediaScene

struct Options {
    var mode = "all"
    var ticks: Int?
    var rounds = 3
    var channels: [Int]?
    var seconds = 60
    var marks = 200
    var priority: Int32 = 50
    var dsp = true
    var dump: String?

    init(_ args: [String]) {
        var i = 0
        if let first = args.first, !first.hasPrefix("-") { mode = first; i = 1 }
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--ticks": ticks = Int(value()) ?? 0
            case "--rounds": rounds = Int(value()) ?? 0
            case "--seconds": seconds = Int(value()) ?? 0
            case "--marks": marks = Int(value()) ?? 0
            case "--priority": priority = Int32(value()) ?? 0
            case "--no-dsp": dsp = false
            case "--dump": dump = value()
            case "--channels": channels = value().split(separator: ",").map { Int($0) ?? 0 }
            case "-h", "--help":
                print("usage: media-bench [all|cost|latency|jitter|ticks] [--ticks T] [--rounds R] [--channels N,...] [--seconds S] [--marks M] [--priority P] [--no-dsp] [--dump FILE]")
                exit(0)
            default: fail("unknown argument \(args[i])")
            }
            i += 1
        }
        guard ["all", "cost", "latency", "jitter", "ticks"].contains(mode) else { fail("unknown mode \(mode)") }
        guard rounds > 0, seconds > 0, marks > 0, (ticks ?? 1) > 0 else { fail("counts must be positive") }
        if let channels, channels.isEmpty || channels.contains(where: { $0 < 2 || $0 % 2 != 0 }) {
            fail("--channels takes even counts of at least 2")
        }
    }
}

func runLatency(channels: Int, marks: Int, signal: [Int16]) {
    print("== added latency (virtual time, \(channels) channels, pair 0: line \(1) ↔ phone \(channels / 2 + 1))")
    let scene = MediaScene(channels: channels, signal: signal)
    for (name, probe) in [("caller → agent", LatencyProbe(from: scene.lines[0], to: scene.phones[0])),
                          ("agent → caller", LatencyProbe(from: scene.phones[0], to: scene.lines[0]))] {
        let added = scene.probe(probe, marks: marks)
        let lost = added.filter { $0 < 0 }.count
        print("\(name): \(added.count) marks, added blocks min \(added.min() ?? -1) max \(added.max() ?? -1), lost \(lost)")
    }
}

func runTicks(channels: Int, ticks: Int, signal: [Int16]) {
    let scene = MediaScene(channels: channels, signal: signal)
    for _ in 0..<ticks { scene.step() }
    print("ticks \(ticks) channels \(channels) events \(scene.eventsSeen) frames \(scene.framesSeen)")
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let signal = BenchSignal.make(seconds: 60)
switch options.mode {
case "cost":
    runCost(channelCounts: options.channels ?? [30, 120, 480], ticks: options.ticks ?? 3000,
            rounds: options.rounds, signal: signal, features: options.dsp ? .call : [])
case "latency":
    runLatency(channels: options.channels?.first ?? 30, marks: options.marks, signal: signal)
case "jitter":
    runJitter(channels: options.channels?.first ?? 30, seconds: options.seconds,
              priority: options.priority, signal: signal, dump: options.dump)
case "ticks":
    guard let ticks = options.ticks else { fail("ticks needs --ticks T") }
    runTicks(channels: options.channels?.first ?? 30, ticks: ticks, signal: signal)
default:
    runCost(channelCounts: options.channels ?? [30, 120, 480], ticks: options.ticks ?? 3000,
            rounds: options.rounds, signal: signal)
    runLatency(channels: options.channels?.first ?? 30, marks: options.marks, signal: signal)
    runJitter(channels: 30, seconds: options.seconds, priority: options.priority, signal: signal)
}
