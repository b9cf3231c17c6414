#if canImport(Glibc)
import Glibc
#endif
import Channels
import Config
import DAHDIChannels
import DSP
import Telephony
import Tools

/// `kefu setup learn LINE`: one test call on an analog line (`LineLearnRun`),
/// its evidence kept (the call's audio as a WAV and the measured figures as
/// text, under `<data_directory>/lines/`), and what was learned written to
/// kefu.toml as `[learned.LINE]` — shown as a diff first, checked by Kefu's
/// own config checker, written only when the operator agrees (or `--yes`).
public enum LineLearnTool {
    public struct Options: Sendable {
        public var line = 0
        public var configPath = "/etc/kefu/kefu.toml"
        public var dial: String?
        public var waitSeconds = 120
        public var listenSeconds = 60
        public var evidenceDirectory: String?
        public var yes = false
        public var dryRun = false
        /// Progress, questions and refusals in Chinese (the summary line and the evidence stay in English, for support).
        public var chinese = false
        public init() {}
    }

    /// The findings and the text written; throws with the reason when the test or the writing failed.
    public static func run(_ o: Options, board: ChannelBackend? = nil, unixSeconds: Int64,
                           say: (String) -> Void, confirm: (String) -> Bool) throws(SetupRefusal) -> (LearnedLine, PlannedFile) {
        let loaded: ConfigCheckTool.Loaded
        do { loaded = try ConfigCheckTool.load(path: o.configPath, unixSeconds: unixSeconds, checkPromptFiles: false) } catch {
            throw SetupRefusal("\(error)", "\(error.path)：无法读取（\(error.reason)）")
        }
        guard loaded.config.lines.contains(where: { $0.signalling == .fxo && $0.channels.contains(o.line) }) else {
            throw SetupRefusal("line \(o.line) is not an analog line (fxo) in \(o.configPath): run kefu setup first, or name an fxo channel",
                               "线路 \(o.line) 不是 \(o.configPath) 中的模拟外线（fxo）：请先运行 kefu setup，或指定 fxo 通道")
        }
        let card: ChannelBackend
        if let board { card = board } else {
            do {
                let dahdi = try DAHDIBackend()
                try dahdi.setToneZone(loaded.config.system.toneZone)
                card = dahdi
            } catch {
                throw SetupRefusal("the DAHDI board is not available: \(error)", "DAHDI 板卡不可用：\(error)")
            }
        }
        let learner: LineLearner
        do {
            learner = try LineLearnRun.run(board: card, line: ChannelNumber(o.line),
                                           how: o.dial.map { .dial($0) } ?? .receive(waitSeconds: o.waitSeconds),
                                           listenSeconds: o.listenSeconds, chinese: o.chinese, say: say)
        } catch { throw SetupRefusal(error.description, error.chinese) }
        let zone = loaded.config.system.timeZone, local = zone.local(UnixTime(seconds: unixSeconds))
        let stamp = local.description, fileStamp = stamp.filter { $0.isNumber } + String(format2(Int(unixSeconds % 60)))
        let folder = o.evidenceDirectory ?? loaded.config.system.dataDirectory + "/lines"
        let base = "\(folder)/line-\(o.line)-\(fileStamp)"
        let findings = learner.findings
        var learned = LearnedSection.learned(findings, channel: o.line, at: stamp, evidence: o.dryRun ? nil : base)
        learned.line = 0
        if !o.dryRun {
            try SetupFileIO.makeFolder(folder)
            do {
                try FileIO.write(WAVCodec.encode(WAVAudio(mono: learner.audio)), to: base + ".wav")
                try FileIO.write(Array(report(findings, learned: learned, answeredAt: learner.answeredAt).utf8), to: base + ".txt")
            } catch {
                throw SetupRefusal("\(error.path): the evidence cannot be written (\(error.reason))", "\(error.path)：无法写入测试记录（\(error.reason)）")
            }
        }
        let old = try SetupFileIO.read(o.configPath) ?? ""
        let file = PlannedFile(path: o.configPath, old: old,
                               new: LearnedSection.merge(LearnedSection.text(learned), channel: o.line, into: old))
        let check = ConfigLoader.load(file.new, file: o.configPath)
        if let bad = check.diagnostics.errors.first {
            throw SetupRefusal("the learned config would not pass the checker: \(bad.description); nothing was written",
                               "学习结果写入后配置无法通过检查：\(bad.chinese)；未写入任何内容")
        }
        let w = Words(chinese: o.chinese)
        say(summary(learned))
        guard file.changes else { say(w("\(o.configPath): nothing to change", "\(o.configPath)：无需改动")); return (learned, file) }
        for line in file.diff { say(line) }
        if o.dryRun { return (learned, file) }
        guard o.yes || confirm(w("Write \(o.configPath)? [y/N] ", "写入 \(o.configPath)？[y/N] ")) else {
            say(w("\(o.configPath) left as it was", "\(o.configPath) 未改动"))
            return (learned, file)
        }
        try SetupFileIO.write(file)
        say(w("\(o.configPath) written (the old file is \(o.configPath).bak); apply it with: kefu config apply, or restart kefud",
              "已写入 \(o.configPath)（旧文件为 \(o.configPath).bak）；用 kefu config apply 应用，或重启 kefud"))
        return (learned, file)
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// One line saying what was learned.
    public static func summary(_ l: LearnedLine) -> String {
        var parts: [String] = []
        switch l.disconnect {
        case .tone: parts.append("hang-up: tone \(l.tone?.text ?? "?")")
        case .loopDrop: parts.append("hang-up: loop current drop" + (l.loopDropMilliseconds.map { " (\($0) ms)" } ?? ""))
        case .polarity: parts.append("hang-up: polarity reversal")
        case .none: parts.append("hang-up: none sent (released after \((l.silenceHangUp ?? 0) / 1000) s of quiet)")
        }
        parts.append("caller ID \(l.callerID?.rawValue ?? "none")")
        if let on = l.ringOnMilliseconds, let off = l.ringOffMilliseconds { parts.append("ring \(on)/\(off) ms") }
        if let v = l.levelDBm0 { parts.append("level \(v) dBm0") }
        if let v = l.noiseDBm0 { parts.append("noise \(v) dBm0") }
        return "line \(l.channel) learned: " + parts.joined(separator: ", ")
    }

    /// The figures kept beside the recording.
    static func report(_ f: LineFindings, learned: LearnedLine, answeredAt: Int?) -> String {
        var out = [summary(learned)]
        out.append("rings before the answer: \(f.rings)")
        if let n = f.callerNumber { out.append("caller ID number: \(n) (\(f.callerID.rawValue), \(f.callerIDMilliseconds.map { "\($0) ms" } ?? "-"))") }
        if let a = answeredAt { out.append("answered at \(a / 8) ms into the recording") }
        if case .tone(let t)? = f.disconnect {
            out.append("tone: \(t.frequencies) Hz, burst \(t.onMilliseconds.map(String.init) ?? "continuous") ms, gap \(t.offMilliseconds) ms, \(t.cycles) bursts, \(Int(t.level.dBm0.rounded())) dBm0")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
