#if canImport(Glibc)
import Glibc
#endif
import DSP
import Storage

/// What the last power cut must have left: a database that passes SQLite's
/// `integrity_check`, every call the ledger saw stored still there and
/// finished with a playable recording, and every call that ended over
/// `allowance` (3 s) before the cut stored too. Prints a summary; returns what is
/// wrong (empty: all is well, or there was nothing yet to check).
struct PowerCutCheck {
    let data: String
    let ledger: [Ledger.Entry]

    func run() -> [String] {
        let path = data + "/kefu.db"
        let storedIDs = Set(ledger.filter { $0.kind == "stored" }.compactMap(\.call))
        guard access(path, F_OK) == 0 else {
            return storedIDs.isEmpty ? [] : ["kefu.db is gone, \(storedIDs.count) stored calls with it"]
        }
        var broken: [String] = []
        do {
            let db = try SQLiteDatabase(path: path, create: false)
            let verdict = try db.statement("PRAGMA integrity_check").rows([]) { $0.string(0) }
            if verdict != ["ok"] { broken.append("integrity_check: " + verdict.prefix(5).joined(separator: " | ")) }
        } catch {
            return ["opening kefu.db: \(error)"]
        }
        let store: CallStore
        do { store = try CallStore(path: path) } catch { return broken + ["opening kefu.db as a call store: \(error)"] }
        var playable = 0, seconds = 0.0
        for id in storedIDs.sorted() {
            let state = (try? store.callState(id)) ?? nil
            guard state == "finished" else {
                broken.append("call \(id) was stored before a cut and is now \(state ?? "missing")")
                continue
            }
            guard let row = try? store.recording(id) else { broken.append("call \(id) has no recording row"); continue }
            switch Self.playable(row, atLeast: 1) {
            case .success(let s): playable += 1; seconds += s
            case .failure(let why): broken.append("call \(id)'s recording: \(why.description)")
            }
        }
        // Each life ends with its last ledger line, at most a second before its
        // cut. The store writer is asynchronous and its commits wait for the
        // disk: a call may take a moment from its end to its row. How long it
        // took, where the ledger saw both, is reported.
        var late = 0, lost: [String] = []
        var endedAt: [Int64: Double] = [:], slowest = 0.0
        for e in ledger {
            guard let id = e.call else { continue }
            if e.kind == "ended" { endedAt[id] = e.time }
            if e.kind == "stored", let t = endedAt[id] { slowest = max(slowest, e.time - t) }
        }
        var lastOfLife: [Int: Double] = [:]
        var life = 0
        for e in ledger {
            if e.kind == "boot" { life += 1 }
            lastOfLife[life] = e.time
        }
        life = 0
        for e in ledger {
            if e.kind == "boot" { life += 1 }
            guard e.kind == "ended", let id = e.call, !storedIDs.contains(id) else { continue }
            let finished = ((try? store.callState(id)) ?? nil) == "finished"
            let margin = (lastOfLife[life] ?? e.time) - e.time
            if finished { continue }
            if margin > Self.allowance {
                lost.append("call \(id) ended \(String(format: "%.1f", margin)) s before life \(life)'s last ledger line and is not stored")
            } else {
                late += 1
            }
        }
        broken += lost
        let lives = ledger.filter { $0.kind == "boot" }.count
        say("after power cut \(lives): integrity_check ok=\(broken.allSatisfy { !$0.hasPrefix("integrity") }), "
              + "\(storedIDs.count) stored calls checked (\(playable) recordings playable, \(String(format: "%.0f", seconds)) s), "
              + "\(late) calls ended within \(Int(Self.allowance)) s of a cut and not stored; "
              + "slowest end to stored row seen \(String(format: "%.2f", slowest)) s")
        return broken
    }

    /// A call that ended this long before the cut must be stored.
    static let allowance = 3.0

    struct Refusal: Error, CustomStringConvertible { var description: String }

    /// After start-up has repaired what the cut left open: every recording
    /// the database lists is finished and plays (those the cut interrupted
    /// may be short). Returns what is wrong and how many were checked.
    static func recordingsAfterStartUp(_ store: CallStore) -> (broken: [String], checked: Int) {
        guard let rows = try? store.recordings() else { return (["cannot list the recordings"], 0) }
        let broken = rows.compactMap { row -> String? in
            if case .failure(let why) = playable(row, atLeast: 0) { return "call \(row.callID)'s recording after start-up: \(why)" }
            return nil
        }
        return (broken, rows.count)
    }

    /// A finished recording row whose file decodes as stereo WAV of at least
    /// `seconds`. Its length in seconds.
    static func playable(_ row: RecordingRow, atLeast seconds: Double) -> Result<Double, Refusal> {
        guard ["complete", "repaired", "cut-short"].contains(row.state) else { return .failure(Refusal(description: "state \(row.state)")) }
        guard let f = fopen(row.path, "r") else { return .failure(Refusal(description: "\(row.path) cannot be opened")) }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        do {
            let audio = try WAVCodec.decode(bytes)
            let s = Double(audio.channels.first?.count ?? 0) / Double(audio.sampleRate)
            guard audio.channels.count == 2, s >= seconds else { return .failure(Refusal(description: "\(audio.channels.count) channels, \(s) s")) }
            return .success(s)
        } catch {
            return .failure(Refusal(description: "\(row.path) does not decode: \(error)"))
        }
    }
}
