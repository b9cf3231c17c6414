import DSP

/// `kefu analyze FILE`: reads an 8 kHz WAV and prints one JSON object per
/// finding. A file that cannot be read or is not valid telephony audio gives
/// exit status 2 and one line on standard error naming the file and the reason.
public enum AnalyzeTool {
    public struct Result: Sendable {
        public var lines: [String]
        public var error: String?
        public var status: Int32
    }

    /// Parses `--only` values: dtmf, tone, cid (comma-separated).
    public static func options(plan: TonePlan, only: String?) throws(UsageError) -> AnalyzeOptions {
        var options = AnalyzeOptions()
        options.plan = plan
        if let only {
            options.dtmf = false; options.tones = false; options.callerID = false
            for word in only.split(separator: ",").map({ $0.trimmingCharacters() }) {
                switch word {
                case "dtmf": options.dtmf = true
                case "tone", "tones": options.tones = true
                case "cid", "callerid": options.callerID = true
                default: throw UsageError(message: "--only: unknown detector '\(word)' (use dtmf, tone, cid)")
                }
            }
        }
        return options
    }

    /// Resolves `--plan`: a built-in name (cn, us) or the path of a plan file.
    public static func plan(named name: String) throws(UsageError) -> TonePlan {
        if let plan = TonePlan.builtIn[name] { return plan }
        guard name.contains("/") || name.hasSuffix(".plan") else {
            throw UsageError(message: "--plan: unknown plan '\(name)' (built in: \(TonePlan.builtIn.keys.sorted().joined(separator: ", ")); or give a plan file path)")
        }
        do {
            let bytes = try FileIO.read(name)
            return try TonePlan.parse(String(decoding: bytes, as: UTF8.self), source: name)
        } catch let failure as FileIO.Failure {
            throw UsageError(message: "--plan: \(failure)")
        } catch {
            throw UsageError(message: "--plan: \(error)")
        }
    }

    public static func run(path: String, options: AnalyzeOptions) -> Result {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            return Result(lines: [], error: "kefu analyze: \(error)", status: 2)
        }
        let audio: WAVAudio
        do { audio = try WAVCodec.decode(bytes) } catch {
            return Result(lines: [], error: "kefu analyze: \(path): \(error)", status: 2)
        }
        let events = Analyzer.analyze(audio, options: options)
        return Result(lines: events.map(\.json.text), error: nil, status: 0)
    }
}

/// A command line that cannot be obeyed, with the message to print.
public struct UsageError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
