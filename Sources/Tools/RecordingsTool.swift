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
/// 0 done, 1 refused or failed (the reason on the last line). With
/// `chinese`, headings and fixed words are Chinese; the data and the
/// reasons storage gives for a refusal or failure are as they are.
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

    public static func list(_ c: StorageContext, from: String?, to: String?, agent: String?, queue: String?, json: Bool,
                            chinese: Bool = false) -> Output {
        let w = ToolText(chinese: chinese)
        do {
            let (start, end) = try c.range(from: from, to: to)
            let rows = try c.store.recordings(from: start, to: end).filter { (agent == nil || $0.agent == agent) && (queue == nil || $0.queue == queue) }
            if json { return Output(rows.map { Self.json($0, c).text }) }
            var lines = [pad(w("CALL", "呼叫"), 8) + pad(w("STARTED", "开始时间"), 21) + pad(w("SECONDS", "秒数"), 9) + pad(w("QUEUE", "队列"), 10)
                         + pad(w("AGENT", "坐席"), 8) + pad(w("STATE", "状态"), 11) + w("SCORE", "评分")]
            for r in rows {
                lines.append(pad(String(r.callID), 8) + pad(c.local(r.started), 21) + pad(String(Int(r.seconds.rounded())), 9)
                             + pad(r.queue ?? "-", 10) + pad(r.agent ?? "-", 8) + pad(r.state + (r.flagged ? "*" : ""), 11)
                             + (r.score.map(String.init) ?? "-"))
            }
            lines.append(w("\(rows.count) recording(s)", "录音 \(rows.count) 条") + (rows.contains(where: \.flagged) ? w("; * flagged", "; * 已标记") : ""))
            return Output(lines)
        } catch { return .failed("\(error)") }
    }

    public static func info(_ c: StorageContext, call: Int64, json: Bool, chinese: Bool = false) -> Output {
        let w = ToolText(chinese: chinese)
        do {
            guard let r = try c.store.recording(call) else { return .failed(w("recording \(call): no such recording", "录音 \(call): 不存在")) }
            if json { return Output([Self.json(r, c).text]) }
            let sealing = r.sealedKey.map { w("sealed with key \($0)", "已加密, 密钥 \($0)") } ?? w("plain WAV", "未加密 WAV")
            var lines = [w("recording", "录音") + " \(r.callID): \(r.path)",
                         "  " + w("started", "开始") + " \(c.local(r.started)), \(String(format1(r.seconds))) " + w("s", "秒")
                             + ", \(r.state)\(r.note.map { " — \($0)" } ?? "")",
                         "  " + w("queue", "队列") + " \(r.queue ?? "-"), " + w("agent", "坐席") + " \(r.agent ?? "-"), \(sealing)"
                             + (r.flagged ? w(", flagged", ", 已标记") : "")]
            if let score = r.score {
                lines.append("  " + w("quality score", "质检评分") + " \(score)/100\(r.findings.map { $0.isEmpty ? "" : ": \($0)" } ?? "")")
            }
            return Output(lines)
        } catch { return .failed("\(error)") }
    }

    public static func export(_ c: StorageContext, call: Int64, to path: String, chinese: Bool = false) -> Output {
        do {
            try c.vault.export(call, to: path, by: c.who)
            return Output([ToolText(chinese: chinese)("recording \(call) exported to \(path)", "录音 \(call) 已导出到 \(path)")])
        } catch { return .failed("\(error)") }
    }

    public static func delete(_ c: StorageContext, call: Int64, reason: String, chinese: Bool = false) -> Output {
        do {
            try c.vault.delete(call, by: c.who, reason: reason)
            return Output([ToolText(chinese: chinese)("recording \(call) deleted", "录音 \(call) 已删除")])
        } catch { return .failed("\(error)") }
    }

    public static func flag(_ c: StorageContext, call: Int64, clear: Bool, reason: String, chinese: Bool = false) -> Output {
        let w = ToolText(chinese: chinese), days = c.config.retention.flaggedRecordingsDays
        do {
            try c.vault.flag(call, !clear, by: c.who, reason: reason)
            return Output([clear ? w("call \(call) no longer flagged", "呼叫 \(call) 已取消标记")
                                 : w("call \(call) flagged: its recording is kept \(days) days", "呼叫 \(call) 已标记: 其录音保留 \(days) 天")])
        } catch { return .failed("\(error)") }
    }

    /// The worst `worst` recordings per agent for each day in the range.
    public static func review(_ c: StorageContext, from: String?, to: String?, worst: Int, json: Bool, chinese: Bool = false) -> Output {
        let w = ToolText(chinese: chinese)
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
                let head = "\(item.day) " + w("agent", "坐席") + " \(item.agent)"
                if head != last { lines.append(head); last = head }
                lines.append("  " + w("call", "呼叫") + " \(item.callID): " + w("score", "评分") + " \(item.score)\(byID[item.callID]?.findings.map { $0.isEmpty ? "" : " — \($0)" } ?? "")")
            }
            if lines.isEmpty { lines = [w("no scored recordings in that range", "该时间段内没有已评分的录音")] }
            return Output(lines)
        } catch { return .failed("\(error)") }
    }

    /// Makes a new recording key file (mode 600, never overwriting).
    public static func keygen(path: String, chinese: Bool = false) -> Output {
        let w = ToolText(chinese: chinese)
        do {
            let key = try SealingKey.generate(path: path)
            return Output([w("key \(key.keyID) written to \(path) (mode 600). Keep a copy off the box: recordings sealed with a lost key cannot be played.",
                             "密钥 \(key.keyID) 已写入 \(path) (权限 600)。请在本机之外保留一份副本: 密钥丢失后, 用它加密的录音无法播放。"),
                           w("Set [recording] encrypt = true and key_file = \"\(path)\" in the config.",
                             "请在配置中设置 [recording] encrypt = true 与 key_file = \"\(path)\"。")])
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

    static func pad(_ s: String, _ width: Int) -> String { ToolText.cell(s, width) }

    static func format1(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension RecordingsTool {
    /// Plays a recording on the box's sound device (caller left, agent right).
    /// The device is opened first, so a box without one refuses before any audit entry.
    public static func play(_ c: StorageContext, call: Int64, device: String, chinese: Bool = false) -> Output {
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
            let seconds = decoded.channels[0].count / 8000
            return Output([ToolText(chinese: chinese)("played recording \(call) (\(seconds) s) on \(device)", "已在 \(device) 上播放录音 \(call) (\(seconds) 秒)")])
        } catch { return .failed("\(error)") }
    }
}

extension RecordingsTool {
    /// Exports every recording a query finds into `directory` as CALL.wav,
    /// each one audited. Stops at the first refusal or failure (saying how
    /// many were written).
    public static func exportMatching(_ c: StorageContext, from: String?, to: String?, agent: String?, queue: String?,
                                      into directory: String, chinese: Bool = false) -> Output {
        let w = ToolText(chinese: chinese)
        do {
            let (start, end) = try c.range(from: from, to: to)
            let rows = try c.store.recordings(from: start, to: end).filter { (agent == nil || $0.agent == agent) && (queue == nil || $0.queue == queue) }
            if mkdir(directory, 0o700) != 0 && errno != EEXIST {
                return .failed("\(directory): " + w("cannot create", "无法创建") + " (\(String(cString: strerror(errno))))")
            }
            var done = 0
            for row in rows {
                do { try c.vault.export(row.callID, to: "\(directory)/\(row.callID).wav", by: c.who) } catch {
                    return Output([w("\(done) of \(rows.count) recording(s) exported to \(directory)", "已导出 \(done)/\(rows.count) 条录音到 \(directory)"),
                                   "\(error)"], status: 1)
                }
                done += 1
            }
            return Output([w("\(done) recording(s) exported to \(directory)", "已导出 \(done) 条录音到 \(directory)")])
        } catch { return .failed("\(error)") }
    }
}
