#if canImport(Glibc)
import Glibc
#endif
import DSP
import Records
import Sealing
import Storage

/// `kefu recordings …`: list, info, export, play, delete, flag, review and
/// keygen. Every access to audio goes through the vault (role check and
/// audit entry). Each command returns its output lines and exit status:
/// 0 done, 1 refused or failed (the reason on the last line).
public enum RecordingsTool {
    public struct Output: Sendable, Equatable {
        public var lines: [String]
        public var status: Int32
        public init(_ lines: [String], status: Int32 = 0) {
            self.lines = lines
            self.status = status
        }
        static func failed(_ reason: String) -> Output { Output([reason], status: 1) }
    }

    public static func list(_ c: StorageContext, from: String?, to: String?, agent: String?, queue: String?, json: Bool) -> Output {
        do {
            let (start, end) = try c.range(from: from, to: to)
            let rows = try c.store.recordings(from: start, to: end).filter { (agent == nil || $0.agent == agent) && (queue == nil || $0.queue == queue) }
            if json { return Output(rows.map { Self.json($0, c).text }) }
            var lines = [pad("CALL", 8) + pad("STARTED", 21) + pad("SECONDS", 9) + pad("QUEUE", 10) + pad("AGENT", 8) + pad("STATE", 11) + "SCORE"]
            for r in rows {
                lines.append(pad(String(r.callID), 8) + pad(c.local(r.started), 21) + pad(String(Int(r.seconds.rounded())), 9)
                             + pad(r.queue ?? "-", 10) + pad(r.agent ?? "-", 8) + pad(r.state + (r.flagged ? "*" : ""), 11)
                             + (r.score.map(String.init) ?? "-"))
            }
            lines.append("\(rows.count) recording(s)" + (rows.contains(where: \.flagged) ? "; * flagged" : ""))
            return Output(lines)
        } catch { return .failed("\(error)") }
    }

    public static func info(_ c: StorageContext, call: Int64, json: Bool) -> Output {
        do {
            guard let r = try c.store.recording(call) else { return .failed("recording \(call): no such recording") }
            if json { return Output([Self.json(r, c).text]) }
            var lines = ["recording \(r.callID): \(r.path)",
                         "  started \(c.local(r.started)), \(String(format1(r.seconds))) s, \(r.state)\(r.note.map { " — \($0)" } ?? "")",
                         "  queue \(r.queue ?? "-"), agent \(r.agent ?? "-"), \(r.sealedKey.map { "sealed with key \($0)" } ?? "plain WAV")\(r.flagged ? ", flagged" : "")"]
            if let score = r.score { lines.append("  quality score \(score)/100\(r.findings.map { $0.isEmpty ? "" : ": \($0)" } ?? "")") }
            return Output(lines)
        } catch { return .failed("\(error)") }
    }

    public static func export(_ c: StorageContext, call: Int64, to path: String) -> Output {
        do {
            try c.vault.export(call, to: path, by: c.who)
            return Output(["recording \(call) exported to \(path)"])
        } catch { return .failed("\(error)") }
    }

    public static func delete(_ c: StorageContext, call: Int64, reason: String) -> Output {
        do {
            try c.vault.delete(call, by: c.who, reason: reason)
            return Output(["recording \(call) deleted"])
        } catch { return .failed("\(error)") }
    }

    public static func flag(_ c: StorageContext, call: Int64, clear: Bool, reason: String) -> Output {
        do {
            try c.vault.flag(call, !clear, by: c.who, reason: reason)
            return Output([clear ? "call \(call) no longer flagged" : "call \(call) flagged: its recording is kept \(c.config.retention.flaggedRecordingsDays) days"])
        } catch { return .failed("\(error)") }
    }

    /// The worst `worst` recordings per agent for each day in the range.
    public static func review(_ c: StorageContext, from: String?, to: String?, worst: Int, json: Bool) -> Output {
        do {
            let (start, end) = try c.range(from: from, to: to)
            let rows = try c.store.recordings(from: start, to: end).filter { $0.score != nil && $0.agent != nil }
            let byID = Dictionary(rows.map { ($0.callID, $0) }, uniquingKeysWith: { a, _ in a })
            let items = rows.map { ReviewItem(callID: $0.callID, agent: $0.agent!, day: String(c.local($0.started).prefix(10)), score: $0.score!) }
            let picked = ReviewList.worst(items, perAgentPerDay: worst)
            if json {
                return Output(picked.map { item in
                    var line = JSONLine()
                    line.add("day", item.day); line.add("agent", item.agent); line.add("call", item.callID)
                    line.add("score", Int64(item.score)); line.add("findings", byID[item.callID]?.findings)
                    return line.text
                })
            }
            var lines: [String] = []
            var last = ""
            for item in picked {
                let head = "\(item.day) agent \(item.agent)"
                if head != last { lines.append(head); last = head }
                lines.append("  call \(item.callID): score \(item.score)\(byID[item.callID]?.findings.map { $0.isEmpty ? "" : " — \($0)" } ?? "")")
            }
            if lines.isEmpty { lines = ["no scored recordings in that range"] }
            return Output(lines)
        } catch { return .failed("\(error)") }
    }

    /// Makes a new recording key file (mode 600, never overwriting).
    public static func keygen(path: String) -> Output {
        do {
            let key = try SealingKey.generate(path: path)
            return Output(["key \(key.keyID) written to \(path) (mode 600). Keep a copy off the box: recordings sealed with a lost key cannot be played.",
                           "Set [recording] encrypt = true and key_file = \"\(path)\" in the config."])
        } catch { return .failed("\(error)") }
    }

    static func json(_ r: RecordingRow, _ c: StorageContext) -> JSONLine {
        var line = JSONLine()
        line.add("call", r.callID); line.add("path", r.path); line.add("started", c.local(r.started))
        line.add("milliseconds", r.bytes / 32); line.add("queue", r.queue); line.add("agent", r.agent)
        line.add("state", r.state); line.add("note", r.note); line.add("sealed_key", r.sealedKey)
        line.add("flagged", r.flagged ? "yes" : "no"); line.add("score", r.score.map(String.init)); line.add("findings", r.findings)
        return line
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    static func format1(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension RecordingsTool {
    /// Plays a recording on the box's sound device (caller left, agent right).
    /// The device is opened first, so a box without one refuses before any audit entry.
    public static func play(_ c: StorageContext, call: Int64, device: String) -> Output {
        do {
            let audio = try LocalAudio(device: device, channels: 2)
            let wav = try c.vault.listen(call, by: c.who)
            let decoded = try WAVCodec.decode(wav)
            var interleaved = [Int16](repeating: 0, count: decoded.channels[0].count * 2)
            for i in 0..<decoded.channels[0].count {
                interleaved[2 * i] = decoded.channels[0][i]
                interleaved[2 * i + 1] = decoded.channels[1][i]
            }
            try audio.play(interleaved)
            return Output(["played recording \(call) (\(decoded.channels[0].count / 8000) s) on \(device)"])
        } catch { return .failed("\(error)") }
    }
}

extension RecordingsTool {
    /// Exports every recording a query finds into `directory` as CALL.wav,
    /// each one audited. Stops at the first refusal or failure (saying how
    /// many were written).
    public static func exportMatching(_ c: StorageContext, from: String?, to: String?, agent: String?, queue: String?,
                                      into directory: String) -> Output {
        do {
            let (start, end) = try c.range(from: from, to: to)
            let rows = try c.store.recordings(from: start, to: end).filter { (agent == nil || $0.agent == agent) && (queue == nil || $0.queue == queue) }
            if mkdir(directory, 0o700) != 0 && errno != EEXIST {
                return .failed("\(directory): cannot create (\(String(cString: strerror(errno))))")
            }
            var done = 0
            for row in rows {
                do { try c.vault.export(row.callID, to: "\(directory)/\(row.callID).wav", by: c.who) } catch {
                    return Output(["\(done) of \(rows.count) recording(s) exported to \(directory)", "\(error)"], status: 1)
                }
                done += 1
            }
            return Output(["\(done) recording(s) exported to \(directory)"])
        } catch { return .failed("\(error)") }
    }
}
