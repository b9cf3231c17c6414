import CallControl
import Config
import DSP
import MediaLoop
import Telephony
import Tools

/// Loads every prompt the config names, for every language, from
/// `<directory>/<language>/<name>.wav` (8 kHz mono) into the media loop's
/// prompt table, plus the tones Kefu plays itself (busy, dial, feature code
/// accepted or refused). A missing or unusable file is a config error that
/// names the file and the config line using the prompt; in demo mode a
/// synthesised chime stands in for it and `notes` says so.
public struct PromptLibrary: Sendable {
    public private(set) var table = PromptTable()
    /// Prompt ids by file, relative to the prompt directory (`zh/welcome.wav`).
    public private(set) var files: [String: MediaPrompt] = [:]
    public let tones: CenterTones
    /// Errors (not in demo mode): one per unusable file.
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var notes: [String] = []

    public init(config: KefuConfig, directory: String, demo: Bool, plan: TonePlan = .china) {
        var table = PromptTable()
        var firstUse: [String: Int] = [:]
        var names: [String] = []
        for use in ConfigLoader.promptUses(config) where firstUse[use.value] == nil {
            firstUse[use.value] = use.line
            names.append(use.value)
        }
        var synthesised: [String] = []
        for name in names {
            for language in config.system.languages {
                let file = ConfigLoader.promptFile(name, language: language)
                let path = directory + "/" + file
                switch Self.read(path) {
                case .success(let samples):
                    files[file] = table.add(file, samples)
                case .failure(let why) where demo:
                    files[file] = table.add(file, Self.chime(music: name.contains("music")))
                    synthesised.append(file + (why.isMissing ? "" : " (\(why))"))
                case .failure(let why):
                    diagnostics.append(Diagnostic(file: config.file, line: firstUse[name] ?? 1,
                                                  message: "prompt '\(name)': \(path): \(why)", chinese: "提示音 '\(name)'：\(path)：\(why.chinese)"))
                }
            }
        }
        // Queue announcements' fragments: optional; missing ones turn announcements off.
        var missingFragments: [String] = []
        for file in AnnouncementPrompts.files(config) where files[file] == nil {
            switch Self.read(directory + "/" + file) {
            case .success(let samples): files[file] = table.add(file, samples)
            case .failure where demo:
                files[file] = table.add(file, Self.chime(music: false))
                synthesised.append(file)
            case .failure: missingFragments.append(file)
            }
        }
        if !missingFragments.isEmpty {
            notes.append("queue position and wait announcements are off: \(missingFragments.count) fragment file(s) missing in \(directory) "
                         + "(kefu config prompts lists them), e.g. \(missingFragments.prefix(3).joined(separator: ", "))")
        }
        if !synthesised.isEmpty {
            notes.append("\(synthesised.count) of \(files.count) prompt files are missing or unusable in \(directory); "
                         + "synthesised chimes play instead (scripts/demo.sh speaks them with espeak-ng): " + synthesised.joined(separator: ", "))
        }
        tones = CenterTones(busy: table.add("tone:busy", Self.cadence(plan, "busy", cycles: 1)),
                            dial: table.add("tone:dial", Self.cadence(plan, "dialtone", cycles: 1)),
                            accepted: table.add("tone:accepted", Self.beeps([880, 0, 880, 0], milliseconds: 120)),  // see acceptedTone
                            refused: table.add("tone:refused", Self.cadence(plan, "congestion", cycles: 2)),
                            ringback: table.add("tone:ringback", Self.cadence(plan, "ringback", cycles: 1)),
                            hold: table.add("tone:hold", Self.beeps([440] + Array(repeating: 0, count: 24), milliseconds: 200)))
        self.table = table
    }

    /// Why a prompt file cannot be used (`description` in English).
    struct Unusable: Error, CustomStringConvertible {
        var description: String
        var chinese: String
        var isMissing = false
    }

    static func read(_ path: String) -> Result<[Int16], Unusable> {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            return .failure(Unusable(description: error.reason, chinese: "无法读取（\(error.reason)）", isMissing: error.reason.contains("No such file")))
        }
        let audio: WAVAudio
        do { audio = try WAVCodec.decode(bytes) } catch {
            return .failure(Unusable(description: "not a usable WAV file (\(error))", chinese: "不是可用的 WAV 文件（\(error)）"))
        }
        guard audio.channels.count == 1 else {
            return .failure(Unusable(description: "has \(audio.channels.count) channels; prompts must be mono",
                                     chinese: "有 \(audio.channels.count) 个声道；提示音必须是单声道"))
        }
        guard let mono = audio.channels.first, !mono.isEmpty else { return .failure(Unusable(description: "has no audio", chinese: "没有声音数据")) }
        return .success(mono)
    }

    /// A stand-in prompt: three rising notes (or a short melody for music).
    static func chime(music: Bool) -> [Int16] { SignalSynth.chime(music: music) }

    /// `cycles` of a tone-plan tone (a continuous tone: one second).
    static func cadence(_ plan: TonePlan, _ name: String, cycles: Int) -> [Int16] {
        let tone = plan.tones.first { $0.name == name }
        let frequencies = (tone?.frequencies ?? [450]).map(Double.init)
        var s = SignalSynth()
        if let on = tone?.onMilliseconds {
            let off = tone?.offMilliseconds ?? on
            s.cadence(frequencies: frequencies, level: Level(dBm0: -13), onMilliseconds: Double(on), offMilliseconds: Double(off),
                      totalMilliseconds: Double((on + off) * cycles))
        } else {
            s.tones(frequencies.map { ($0, Level(dBm0: -13)) }, milliseconds: 1000)
        }
        return s.pcm
    }

    /// The feature-code confirmation tone Kefu plays (two 880 Hz beeps of
    /// 120 ms, 120 ms apart) as a tone plan, for whoever listens for it.
    public static let acceptedTone = TonePlan(name: "kefu-accepted", tones: [
        ToneSpec(name: "accepted", frequencies: [880], onMilliseconds: 120, offMilliseconds: 120, confirmCycles: 1),
    ])

    /// Beeps (0: a gap), each `milliseconds` long.
    static func beeps(_ frequencies: [Double], milliseconds: Double) -> [Int16] {
        var s = SignalSynth()
        for f in frequencies {
            if f == 0 { s.silence(milliseconds: milliseconds) } else { s.tone(f, level: Level(dBm0: -13), milliseconds: milliseconds) }
        }
        return s.pcm
    }
}
