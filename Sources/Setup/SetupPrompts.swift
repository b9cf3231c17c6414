import Config
import DSP
#if canImport(Glibc)
import Glibc
#endif
import Telephony
import Tools

/// Stand-in prompts for a new box, so the center answers calls the day it
/// is installed: every prompt file the configuration needs
/// (`kefu config prompts`) that the prompt directory lacks is spoken by
/// espeak-ng and converted by sox to 8 kHz mono 16-bit, or — without them —
/// made a three-note chime. Files already there (recorded prompts) are never
/// touched. Record real prompts over them later.
enum SetupPrompts {
    /// What the stand-ins say; a name not listed is spoken as its own words (numbers as numbers).
    static let texts: [String: String] = [
        "zh/welcome": "您好，欢迎致电，正在为您转接客服人员，请稍候。",
        "en/welcome": "Welcome. Please hold while we connect you to an agent.",
        "zh/10": "十", "zh/100": "百", "zh/1000": "千", "zh/10000": "万", "zh/liang": "两",
        "zh/position-before": "您前面还有", "zh/position-after": "位客户在等待。",
        "zh/wait-before": "预计等待时间", "zh/wait-after": "分钟。",
        "en/position-before": "There are", "en/position-after": "callers ahead of you.",
        "en/position-after-one": "caller ahead of you.", "en/wait-before": "The expected wait is",
        "en/wait-after": "minutes.", "en/wait-after-one": "minute.",
    ]
    static let voices = ["zh": "cmn", "en": "en-us"]

    /// How a stand-in was made.
    enum Made: String { case speech, chime }

    /// The prompt files a config needs that `directory` lacks (`zh/welcome.wav`).
    static func missing(_ config: KefuConfig, directory: String) -> [String] {
        ConfigCheckTool.requiredPromptFiles(config).filter { access(directory + "/" + $0, F_OK) != 0 }
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { access($0, X_OK) == 0 }
    }

    /// Makes each missing file; returns what was made how. Throws when a file cannot be written.
    static func make(_ files: [String], directory: String) throws(SetupRefusal) -> [(file: String, made: Made)] {
        let espeak = tool("espeak-ng"), sox = tool("sox")
        var out: [(String, Made)] = []
        for file in files {
            let path = directory + "/" + file
            let folder = String(path[..<path.lastIndex(of: "/")!])
            try SetupFileIO.makeFolder(folder)
            let stem = String(file.dropLast(4))
            let language = String(stem.prefix { $0 != "/" })
            let name = String(stem.drop { $0 != "/" }.dropFirst())
            if let espeak, let sox, let voice = voices[language],
               speak(texts[stem] ?? String(name.map { $0 == "-" ? " " : $0 }), voice: voice, to: path, espeak: espeak, sox: sox) {
                out.append((file, .speech))
                continue
            }
            let audio = WAVAudio(mono: SignalSynth.chime(music: name.contains("music")))
            do { try FileIO.write(WAVCodec.encode(audio), to: path) } catch {
                throw SetupRefusal("\(path): cannot write the prompt (\(error.reason))", "\(path)：无法写入提示音（\(error.reason)）")
            }
            out.append((file, .chime))
        }
        return out
    }

    /// espeak-ng into a temporary WAV, sox to 8 kHz mono 16-bit at `path`.
    static func speak(_ text: String, voice: String, to path: String, espeak: String, sox: String) -> Bool {
        let temporary = path + ".speech.wav"
        defer { unlink(temporary) }
        return SetupProcess.run(espeak, ["-v", voice, "-s", "150", "-w", temporary, text]).status == 0
            && SetupProcess.run(sox, [temporary, "-r", "8000", "-c", "1", "-b", "16", path, "gain", "-n", "-6"]).status == 0
    }
}
