// dsp-ratio — Swift ChannelDSP against the C reference pipeline, in one process.
//
// Both process the same pre-generated BenchSignal (60 s, 8 kHz) in 160-sample
// blocks. A round gives each side a fresh pipeline and times it over the
// signal `--passes` times in a row (one long call); rounds alternate the
// order of the sides. Prints, per round and as medians, channel-seconds
// processed per wall-second for each side and the ratio of Swift time to C.
//
// Sides: swift  Kefu's ChannelDSP (Kefu's Swift DTMF detector, spandsp tones and fax)
//        c      the C reference (spandsp dtmf_rx, same tones and fax), loop in C
//        span   ChannelDSP's tones and fax with spandsp's dtmf_rx, from Swift:
//               the same spandsp calls as c, so span/c is Swift's own overhead
//
//   dsp-ratio [--rounds N] [--passes P] [--seconds S]
//   dsp-ratio --only swift|c|span [--seconds S]   one pass, for valgrind --tool=callgrind
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchSignal
import CReferencePipeline
import DSP
import SpanDTMFChannel

struct Options {
    var rounds = 7
    var seconds = 60
    var passes = 20
    var only: String?

    init(_ args: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--rounds": rounds = Int(value()) ?? 0
            case "--seconds": seconds = Int(value()) ?? 0
            case "--passes": passes = Int(value()) ?? 0
            case "--only": only = value()
            case "-h", "--help":
                print("usage: dsp-ratio [--rounds N] [--passes P] [--seconds S] [--only swift|c|span]")
                exit(0)
            default: fail("unknown argument \(args[i])")
            }
            i += 1
        }
        guard rounds > 0, seconds > 0, passes > 0 else { fail("--rounds, --passes and --seconds must be positive") }
        if let only, Side(rawValue: only) == nil { fail("--only takes swift, c or span") }
    }
}

func fail(_ message: String) -> Never {
    let line = "dsp-ratio: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(2)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// What a pass found, to show both sides did real detection work.
struct Found: CustomStringConvertible {
    var dtmf = 0, tones = 0, fax = 0
    var description: String { "dtmf \(dtmf), tone begins \(tones), fax begins \(fax)" }
}

/// A Swift pipeline fed block by block (ChannelDSP, SpanDTMFChannel).
protocol BlockPipeline: AnyObject {
    func process(_ block: UnsafeBufferPointer<Int16>, into events: DSPEventBuffer)
}
extension ChannelDSP: BlockPipeline {}
extension SpanDTMFChannel: BlockPipeline {}

/// A Swift pipeline over the signal `passes` times, counting what it reports; returns seconds taken.
@inline(never)
func runBlocks<P: BlockPipeline>(_ dsp: P, _ audio: UnsafeBufferPointer<Int16>, passes: Int, _ found: inout Found) -> Double {
    let events = DSPEventBuffer(capacity: 64)
    let block = BenchSignal.block
    var f = Found()
    let t0 = now()
    for _ in 0..<passes {
        var i = 0
        while i + block <= audio.count {
            dsp.process(UnsafeBufferPointer(rebasing: audio[i..<(i + block)]), into: events)
            for e in 0..<events.count {
                switch events[e] {
                case .dtmfBegin: f.dtmf += 1
                case .toneBegin: f.tones += 1
                case .faxBegin: f.fax += 1
                default: break
                }
            }
            events.removeAll()
            i += block
        }
    }
    let t1 = now()
    found = f
    return t1 - t0
}

/// Swift ChannelDSP over the signal `passes` times; returns seconds taken.
func runSwift(_ audio: UnsafeBufferPointer<Int16>, passes: Int, _ found: inout Found) -> Double {
    runBlocks(ChannelDSP(plan: .china, features: .call), audio, passes: passes, &found)
}

/// The C reference over the signal `passes` times (the block loop runs in C).
@inline(never)
func runC(_ audio: UnsafeBufferPointer<Int16>, passes: Int, _ found: inout Found) -> Double {
    guard let p = cref_pipeline_new() else { fail("cref_pipeline_new failed") }
    defer { cref_pipeline_free(p) }
    let whole = audio.count / BenchSignal.block * BenchSignal.block
    let t0 = now()
    for _ in 0..<passes { cref_run(p, audio.baseAddress, Int32(whole)) }
    let t1 = now()
    let c = cref_pipeline_counts(p)
    found = Found(dtmf: Int(c.dtmf_digits), tones: Int(c.tone_reports), fax: Int(c.fax_cng + c.fax_ans))
    return t1 - t0
}

/// SpanDTMFChannel (spandsp dtmf_rx from Swift) over the signal `passes` times;
/// its keys are counted by the channel itself (spandsp reports digits, not events).
func runSpan(_ audio: UnsafeBufferPointer<Int16>, passes: Int, _ found: inout Found) -> Double {
    let dsp = SpanDTMFChannel()
    let seconds = runBlocks(dsp, audio, passes: passes, &found)
    found.dtmf = dsp.dtmfDigits
    return seconds
}

enum Side: String, CaseIterable {
    case swift, c, span

    func run(_ audio: UnsafeBufferPointer<Int16>, passes: Int, _ found: inout Found) -> Double {
        switch self {
        case .swift: runSwift(audio, passes: passes, &found)
        case .c: runC(audio, passes: passes, &found)
        case .span: runSpan(audio, passes: passes, &found)
        }
    }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// `x` with `digits` decimals.
func fmt(_ x: Double, _ digits: Int = 1) -> String {
    let scale = Int(pow(10, Double(digits)))
    let v = Int((x * Double(scale)).rounded())
    let frac = String(abs(v) % scale)
    let whole = (v < 0 ? "-" : "") + String(abs(v) / scale)
    return digits == 0 ? whole : whole + "." + String(repeating: "0", count: digits - frac.count) + frac
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let signal = BenchSignal.make(seconds: options.seconds)
let channelSeconds = Double(signal.count / BenchSignal.block * BenchSignal.block) / Double(BenchSignal.sampleRate)

signal.withUnsafeBufferPointer { audio in
    var found = Found()
    if let only = options.only.flatMap(Side.init(rawValue:)) {
        let t = only.run(audio, passes: 1, &found)
        print("\(only): \(fmt(channelSeconds)) channel-s in \(fmt(t * 1000, 2)) ms, \(fmt(channelSeconds / t)) channel-s/s (\(found))")
        return
    }

    // One untimed pass each: page in the code and the signal; show what each found.
    let passes = options.passes
    print("signal: \(fmt(channelSeconds, 0)) s at 8 kHz in 160-sample blocks; \(options.rounds) rounds of \(passes) passes each side")
    for side in Side.allCases {
        _ = side.run(audio, passes: 1, &found)
        print("found  " + side.rawValue + ":" + String(repeating: " ", count: 6 - side.rawValue.count) + "\(found)")
    }
    print("round   swift ch-s/s   c ch-s/s   span ch-s/s   swift/c   span/c")

    var rates: [Side: [Double]] = [:], swiftRatio: [Double] = [], spanRatio: [Double] = []
    let work = channelSeconds * Double(passes)
    for round in 1...options.rounds {
        var t: [Side: Double] = [:]
        for side in round % 2 == 1 ? Side.allCases : Side.allCases.reversed() {
            t[side] = side.run(audio, passes: passes, &found)
        }
        for side in Side.allCases { rates[side, default: []].append(work / t[side]!) }
        swiftRatio.append(t[.swift]! / t[.c]!)
        spanRatio.append(t[.span]! / t[.c]!)
        print("\(round)".padding(5) + fmt(work / t[.swift]!).padding(15) + fmt(work / t[.c]!).padding(11)
            + fmt(work / t[.span]!).padding(14) + fmt(swiftRatio.last!, 3).padding(10) + fmt(spanRatio.last!, 3).padding(9))
    }
    print("median" + fmt(median(rates[.swift]!)).padding(14) + fmt(median(rates[.c]!)).padding(11)
        + fmt(median(rates[.span]!)).padding(14) + fmt(median(swiftRatio), 3).padding(10)
        + fmt(median(spanRatio), 3).padding(9))
    print("target: swift/c <= 1.150")
}

extension String {
    /// Right-aligned in `width` columns.
    func padding(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
