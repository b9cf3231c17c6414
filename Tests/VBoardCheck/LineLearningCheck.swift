#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import Config
import Records
import Telephony

/// Line learning on real drivers: the test exchange behaves differently on
/// each of the box's four lines (China's busy tone with FSK caller ID, the
/// US dual-frequency busy cadence with DTMF caller ID, loop current
/// dropping only, a line that sends nothing); `kefu setup learn LINE --yes`
/// runs as its own process for each and must write what the line does into
/// kefu.toml. Then a center runs from that file and a call on each line
/// must be released by the learned signal, in time, with the right reason.
let learningBehaviours = [
    LineBehaviour(line: 1, far: 5, callerID: .fsk("13800138000"), hangUp: .tone([450], on: 350, off: 350),
                  expectDisconnect: "tone", expectTone: "450 350/350", expectCallerID: "fsk"),
    LineBehaviour(line: 2, far: 6, callerID: .dtmf("13912345678"), hangUp: .tone([480, 620], on: 500, off: 500),
                  expectDisconnect: "tone", expectTone: "480+620 500/500", expectCallerID: "dtmf"),
    LineBehaviour(line: 9, far: 11, callerID: .none, hangUp: .loopDrop, expectDisconnect: "loop-drop", expectTone: nil, expectCallerID: "none"),
    LineBehaviour(line: 10, far: 12, callerID: .none, hangUp: .nothing, expectDisconnect: "none", expectTone: nil, expectCallerID: "none"),
]

func lineLearningChecks(dataDirectory: String) -> [(String, [String])] {
    _ = mkdir(dataDirectory, 0o750)
    let configPath = dataDirectory + "/kefu.toml"
    let text = twoSpanConfig.replacingOccurrences(of: "timeout = 8", with: "timeout = 60")
    guard let file = fopen(configPath, "w") else { return [("kefuSetupLearnsEachLine", ["cannot write \(configPath)"])] }
    fputs(text, file)
    fclose(file)
    guard let kefu = getenv("KEFU_BIN").map({ String(cString: $0) }) else {
        return [("kefuSetupLearnsEachLine", ["KEFU_BIN is not set (board/virtual/test.sh sets it to the release kefu)"])]
    }
    var learnBroken: [String] = []
    let exchange: LearningExchange
    do { exchange = try LearningExchange() } catch { return [("kefuSetupLearnsEachLine", [error.description])] }
    for b in learningBehaviours {
        let log = "\(dataDirectory)/learn-\(b.line).log"
        let args = [kefu, "setup", "learn", "\(b.line)", "--config", configPath, "--yes", "--wait", "40", "--listen", "40",
                    "--evidence", dataDirectory + "/lines"]
        guard let child = spawn(args, log: log) else { learnBroken.append("line \(b.line): cannot start \(kefu)"); continue }
        var status: Int32 = 0
        var exited = false
        let done = { () -> Bool in
            if !exited, waitpid(child, &status, WNOHANG) == child { exited = true }
            return exited
        }
        // The installer calls once the box says it is listening (caller ID sent before that is lost).
        var waited = 0
        while !done(), waited < 400, !((try? String(contentsOfFileAt: log)) ?? "").contains("waiting up to") {
            usleep(50_000)
            waited += 1
        }
        learnBroken += exchange.testCall(b, done: done)
        if !exited { kill(child, SIGKILL); waitpid(child, &status, 0) }
        let output = (try? String(contentsOfFileAt: log)) ?? ""
        print("  kefu setup learn \(b.line): " + (output.split(separator: "\n").first { $0.contains("learned:") }.map(String.init) ?? "(no summary)"))
        if !(exited && status == 0) { learnBroken.append("line \(b.line): kefu setup learn failed (status \(status)): \(output.suffix(300))") }
    }
    exchange.close()
    let loaded = ConfigLoader.load((try? String(contentsOfFileAt: configPath)) ?? "", file: configPath)
    if !loaded.isValid { learnBroken.append("the learned kefu.toml does not pass the checker: \(loaded.diagnostics.errors.map(\.description))") }
    for b in learningBehaviours {
        guard let l = loaded.config.learned(b.line) else { learnBroken.append("no [learned.\(b.line)] in kefu.toml"); continue }
        if l.disconnect.rawValue != b.expectDisconnect { learnBroken.append("line \(b.line): learned disconnect \(l.disconnect.rawValue), expected \(b.expectDisconnect)") }
        if !toneMatches(l.tone, b.expectTone) {
            learnBroken.append("line \(b.line): learned tone \(l.tone?.text ?? "none"), expected \(b.expectTone ?? "none") (±5 Hz, ±20 ms)")
        }
        if l.callerID?.rawValue != b.expectCallerID { learnBroken.append("line \(b.line): learned caller ID \(l.callerID?.rawValue ?? "-"), expected \(b.expectCallerID)") }
        if let on = l.ringOnMilliseconds, let off = l.ringOffMilliseconds {
            if !(900...1200).contains(on) || !(3700...4200).contains(off) { learnBroken.append("line \(b.line): ring \(on)/\(off) ms, expected about 1000/4000") }
        } else { learnBroken.append("line \(b.line): no ring cadence learned") }
        if l.evidence == nil || access((l.evidence ?? "") + ".wav", R_OK) != 0 { learnBroken.append("line \(b.line): evidence recording missing") }
    }
    let calls = learnBroken.isEmpty ? learnedCalls(configText: (try? String(contentsOfFileAt: configPath)) ?? "", dataDirectory: dataDirectory + "/calls")
                                    : ["not run: learning failed"]
    return [("kefuSetupLearnsEachLine", learnBroken), ("learnedLinesHangUpInTimeWithTheRightReason", calls)]
}

/// A call on each learned line, released by what the line does.
func learnedCalls(configText: String, dataDirectory: String) -> [String] {
    _ = mkdir(dataDirectory, 0o750)
    // The quiet line's wait, shortened for the test (the learned default is 30 s).
    let text = configText.replacingOccurrences(of: "silence_hangup = 30", with: "silence_hangup = 10")
    let bench: Bench
    do { bench = try Bench(config: text, dataDirectory: dataDirectory) } catch { return ["center: \(error)"] }
    defer { bench.close() }
    var broken: [String] = []
    for b in learningBehaviours {
        let line = ChannelNumber(b.line), far = ChannelNumber(b.far)
        if let problem = CallScript.ring(bench, exchange: far, line: line).first { broken.append(problem); continue }
        bench.run(100)  // the greeting; the caller listens
        guard let id = bench.flow.lines[line]?.call else { broken.append("line \(b.line): no call after the answer"); continue }
        let from = bench.tick
        let limit: Int
        switch b.hangUp {
        case .tone:
            bench.send(far, b.hangUpAudio, loop: true)
            limit = 4 * 50
        case .loopDrop:
            _ = bench.hook(far, .offHook)
            bench.run(40)
            _ = bench.hook(far, .onHook)
            limit = 1 * 50
        case .nothing:
            limit = 12 * 50
        }
        let released = bench.run(limit + 100) { bench.flow.lines[line]?.call != id }
        bench.stopSending(far)
        let took = (bench.tick - from) * 20
        guard released, let record = bench.center.control.records.last(where: { $0.id == id }) else {
            broken.append("line \(b.line): not released \(took) ms after the hang-up")
            continue
        }
        let reason = record.release.map { $0.text(chinese: false) } ?? "-"
        print("  line \(b.line): released \(took) ms after the hang-up: \(record.end?.rawValue ?? "-") — \(reason)")
        let want: CallEnd = switch b.hangUp { case .tone: .callerBusyTone; case .loopDrop: .callerLoopCurrentDrop; case .nothing: .callerQuiet }
        if record.end != want { broken.append("line \(b.line): ended \(record.end?.rawValue ?? "-"), expected \(want.rawValue)") }
        if took > limit * 20 + (b.hangUp.isLoopDrop ? 800 : 0) { broken.append("line \(b.line): released after \(took) ms, expected within \(limit * 20) ms") }
        bench.run(50)
    }
    return broken
}

extension LineBehaviour.HangUp {
    var isLoopDrop: Bool { if case .loopDrop = self { true } else { false } }
}

/// Starts a program with its output in `log`; nil if it cannot start.
func spawn(_ args: [String], log: String) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    var pid: pid_t = 0
    let argv = args.map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    return posix_spawn(&pid, args[0], &actions, nil, argv, environ) == 0 ? pid : nil
}

extension String {
    init(contentsOfFileAt path: String) throws {
        guard let f = fopen(path, "r") else { throw BenchFailure("cannot read \(path)") }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

/// Whether a learned tone is the one the exchange played: each frequency
/// within 5 Hz, burst and gap within 20 ms (one 20 ms block of the card: the
/// guest under emulation may deliver a block late or early).
func toneMatches(_ got: LearnedLine.Tone?, _ expected: String?) -> Bool {
    guard let expected else { return got == nil }
    guard let got, case .success(let want) = LearnedLine.Tone.parse(expected) else { return false }
    guard got.frequencies.count == want.frequencies.count,
          zip(got.frequencies, want.frequencies).allSatisfy({ abs($0 - $1) <= 5 }) else { return false }
    switch (got.onMilliseconds, want.onMilliseconds) {
    case (nil, nil): return true
    case (let a?, let b?): return abs(a - b) <= 20 && abs(got.offMilliseconds - want.offMilliseconds) <= 20
    default: return false
    }
}

/// One learning test call on `line` as `lineLearningChecks` makes it (for
/// `kefu setup learn` run by hand): rings until answered, talks, hangs up
/// its way, then plays on for 40 s. 0 when the call was made.
func learningExchangeCall(line: Int) -> Int32 {
    guard let b = learningBehaviours.first(where: { $0.line == line }) else {
        print("vboard-check --learning-exchange: LINE is one of \(learningBehaviours.map(\.line))")
        return 2
    }
    let exchange: LearningExchange
    do { exchange = try LearningExchange() } catch {
        print("vboard-check --learning-exchange: \(error)")
        return 1
    }
    defer { exchange.close() }
    let problems = exchange.testCall(b, done: { false })
    for p in problems where !p.contains("still running") { print("vboard-check --learning-exchange: \(p)") }
    return problems.contains { !$0.contains("still running") } ? 1 : 0
}
