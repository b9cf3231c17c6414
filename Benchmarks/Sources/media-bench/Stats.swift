// Stats — percentiles and number formatting for media-bench's reports.
#if canImport(Glibc)
import Glibc
#endif

/// CLOCK_MONOTONIC in nanoseconds.
@inline(__always)
func monotonicNs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
}

/// CPU time of the calling thread in nanoseconds.
@inline(__always)
func threadCPUNs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
}

/// Nearest-rank percentiles of a sample.
struct Percentiles {
    let sorted: [Int64]
    init<S: Sequence>(_ xs: S) where S.Element == Int64 { sorted = xs.sorted() }
    var count: Int { sorted.count }
    func p(_ q: Double) -> Int64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
    var median: Int64 { p(50) }
    var max: Int64 { sorted.last ?? 0 }
    var min: Int64 { sorted.first ?? 0 }
}

/// `x` with `digits` decimals.
func fmt(_ x: Double, _ digits: Int = 1) -> String {
    let scale = Int(pow(10, Double(digits)))
    let v = Int((x * Double(scale)).rounded())
    let frac = String(abs(v) % scale)
    let whole = (v < 0 ? "-" : "") + String(abs(v) / scale)
    return digits == 0 ? whole : whole + "." + String(repeating: "0", count: digits - frac.count) + frac
}

/// Nanoseconds as microseconds with one decimal.
func us(_ ns: Int64) -> String { fmt(Double(ns) / 1000, 1) }

/// Right-aligns `s` in `width` columns.
func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

func fail(_ message: String) -> Never {
    let line = "media-bench: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(2)
}

/// The first three fields of /proc/loadavg, or "?".
func loadAverage() -> String {
    guard let f = fopen("/proc/loadavg", "r") else { return "?" }
    defer { fclose(f) }
    var buf = [UInt8](repeating: 0, count: 128)
    let n = fread(&buf, 1, 127, f)
    let text = String(decoding: buf[..<n], as: UTF8.self)
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}
