#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import Config
import DAHDIChannels
import DSP
import KefuDaemon
import Storage
import Telephony

/// `vboard-check --power-cut DATA LEDGER [SECONDS]`: one life of the box
/// between two power cuts (board/virtual/power-cut.sh cuts it). SECONDS 0:
/// check and start up only. DATA is on
/// the board's virtio disk; LEDGER is on the host's share, so what it says
/// survives the cut.
///
/// First it checks what the last cut left (`PowerCutCheck`), starts the
/// center (whose start-up repairs what the cut left open) and checks that
/// no call stays in progress and every recording plays, then runs
/// calls on both lines of span 1 until the power goes (or SECONDS pass):
/// the exchange rings, the caller presses 5, one of two agents answers,
/// both talk 1-3 s, the exchange plays China's busy tone. The ledger gets
/// `ended ID t=S` when call control has finished a call, `stored ID t=S`
/// once another connection reads the call's row as finished, and `beat
/// t=S` every second (S: seconds since the guest booted).
func powerCutLife(data: String, ledgerPath: String, seconds: Int) -> Int32 {
    let ledger = Ledger(path: ledgerPath)
    let before = ledger.read()
    let life = before.filter { $0.kind == "boot" }.count + 1
    let failures = PowerCutCheck(data: data, ledger: before).run()
    if !failures.isEmpty {
        say("FAIL power cut before life \(life): " + failures.joined(separator: "; "))
        return 1
    }
    ledger.append("boot \(life) t=\(uptime())")
    let rig: PowerCutRig
    do { rig = try PowerCutRig(data: data) } catch { say("FAIL life \(life): \(error)"); return 1 }
    // Start-up repaired what the cut left in progress: no row may stay so.
    if let open = try? rig.reader.db.statement("SELECT count(*) FROM calls WHERE state = 'in-progress'").rows([], { $0.int64(0) }).first,
       open != 0 {
        say("FAIL life \(life): \(open) calls still in progress after start-up")
        return 1
    }
    let (broken, checked) = PowerCutCheck.recordingsAfterStartUp(rig.reader)
    if !broken.isEmpty {
        say("FAIL life \(life): " + broken.prefix(5).joined(separator: "; "))
        return 1
    }
    say("life \(life): start-up clean, \(checked) recordings all playable")
    guard seconds > 0 else {
        rig.center.store.stop()
        say("life \(life): no calls asked for")
        return 0
    }
    say("life \(life): calls on lines 1-2")
    rig.run(seconds: seconds, ledger: ledger)
    say("life \(life): \(rig.ended.count) calls ended, \(rig.stored) stored; no power cut in \(seconds) s")
    return 0
}

/// Guest time (CLOCK_MONOTONIC since boot), in seconds with milliseconds.
func uptime() -> String {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    let ms = Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    return "\(ms / 1000).\(String(ms % 1000).leftPadded(to: 3))"
}

/// A line straight to stdout: `print` buffers when stdout is a file, and a
/// power cut leaves no buffer to flush.
func say(_ line: String) { writeLine(line, to: 1) }

func writeLine(_ line: String, to fd: Int32) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// The append-only ledger on the host's share: one line per write, each
/// written with a single `write` (a 9p write returns once the host has it).
struct Ledger {
    struct Entry {
        var kind: String
        var call: Int64?
        var time: Double
    }

    let path: String

    func append(_ line: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { return }
        writeLine(line, to: fd)
        close(fd)
    }

    /// `boot N t=S`, `ended ID t=S`, `stored ID t=S`, `beat t=S`; a torn
    /// last line (cut mid-write) is skipped.
    func read() -> [Entry] {
        guard let f = fopen(path, "r") else { return [] }
        defer { fclose(f) }
        var out: [Entry] = []
        var line: UnsafeMutablePointer<CChar>? = nil
        var cap = 0
        while getline(&line, &cap, f) > 0 {
            let text = String(cString: line!)
            guard text.hasSuffix("\n") else { break }
            let words = text.split(separator: " ").map(String.init)
            guard let last = words.last, last.hasPrefix("t="), let t = Double(last.dropFirst(2).dropLast()) else { continue }
            out.append(Entry(kind: words[0], call: words.count == 3 ? Int64(words[1]) : nil, time: t))
        }
        free(line)
        return out
    }
}
