// kefu — Kefu's admin and offline command-line tool.
//
// Console commands (status, agents, queues, …) go to kefud's console socket;
// with no arguments kefu is the interactive console shell (see KefuMain).
// Offline commands (no daemon needed): analyze, synth, config, sim,
// staffing, recordings/cdr/audit/storage on the database. Each subcommand
// parses its arguments and calls into the Tools library, where the
// behaviour lives.
import ArgumentParser
import DSP
import Tools

#if canImport(Glibc)
import Glibc
#endif

struct Kefu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kefu",
        abstract: "Kefu (客服) call-center appliance: administration and offline tools.",
        subcommands: [Analyze.self, Synth.self, ConfigCommand.self, SimCommand.self, StaffingCommand.self, SetupCommand.self,
                      RecordingsCommand.self, CDRCommand.self, AuditCommand.self, StorageCommand.self, MaintenanceCommand.self, UpdateCommand.self,
                      ReportCommand.self]
    )
}

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Detect DTMF, call-progress and fax tones, and caller ID in an 8 kHz WAV file.",
        discussion: """
        Prints one JSON object per finding, e.g.
          {"event":"dtmf","digit":"5","start_ms":1234,"end_ms":1294,"channel":0}
          {"event":"tone","name":"busy","start_ms":0,"end_ms":3500,"channel":0}
          {"event":"callerid","number":"13800138000","name":"Li","format":"fsk-mdmf","start_ms":120,...}
        Exit status 2, with one line on standard error, when the file cannot be used.
        """)

    @Argument(help: "WAV file: 8000 Hz, PCM 16-bit, μ-law or A-law, mono or stereo.")
    var file: String

    @Option(help: "Tone plan: cn, us, or the path of a plan file.")
    var plan: String = "cn"

    @Option(help: "Run only these detectors (comma-separated): dtmf, tone, cid.")
    var only: String?

    func run() throws {
        let options: AnalyzeOptions
        do {
            options = try AnalyzeTool.options(plan: AnalyzeTool.plan(named: plan), only: only)
        } catch {
            throw ValidationError(error.message)
        }
        let result = AnalyzeTool.run(path: file, options: options)
        for line in result.lines { print(line) }
        if let error = result.error { printError(error) }
        if result.status != 0 { throw ExitCode(result.status) }
    }
}

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write telephony test audio (DTMF, tones, fax, caller ID) to an 8 kHz WAV file.",
        discussion: """
        Segments, in order:
          silence:MS  dtmf:KEYS  tone:NAME:MS  fax:cng:MS  fax:ced:MS
          cid:FORMAT:NUMBER[:NAME]  (FORMAT: fsk-sdmf fsk-mdmf v23-sdmf v23-mdmf dtmf)
          noise:DBM0  (white noise over everything before it)
        Example: kefu synth demo.wav cid:fsk-mdmf:13800138000:Li silence:500 dtmf:123 tone:busy:3500
        """)

    @Argument(help: "Output WAV file.")
    var output: String

    @Argument(help: "Segments (see above).")
    var segments: [String]

    @Option(help: "Tone plan for tone: segments: cn, us, or a plan file.")
    var plan: String = "cn"

    @Option(help: "Sample encoding: pcm16, ulaw or alaw.")
    var encoding: String = "pcm16"

    func run() throws {
        let wavEncoding: WAVEncoding
        switch encoding {
        case "pcm16": wavEncoding = .pcm16
        case "ulaw": wavEncoding = .ulaw
        case "alaw": wavEncoding = .alaw
        default: throw ValidationError("--encoding must be pcm16, ulaw or alaw")
        }
        let pcm: [Int16]
        do {
            pcm = try SynthTool.build(segments: segments, plan: AnalyzeTool.plan(named: plan))
        } catch {
            throw ValidationError(error.message)
        }
        do {
            try FileIO.write(WAVCodec.encode(WAVAudio(mono: pcm, encoding: wavEncoding)), to: output)
        } catch {
            printError("kefu synth: \(error)")
            throw ExitCode(2)
        }
    }
}

func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
