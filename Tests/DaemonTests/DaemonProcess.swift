import Console
import Foundation

/// kefud as a child process on the simulated board, in a scratch
/// directory, and its console as root sees it (tests run as root: admin).
struct DaemonProcess {
    let process: Process
    let socket: String
    /// Wall-clock seconds from launch until the console answered `status`.
    let secondsToReady: Double
    /// Where its standard output and error go.
    let log: String

    /// A center of `lines` FXO lines and `agents` agents on FXS phones, one
    /// recorded queue the menu's key 1 leads to; `queue` and `recording` are
    /// more lines for those sections.
    static func config(lines: Int, agents: Int, queue: String = "", recording: String = "") -> String {
        let ids = (1...agents).map { 8000 + $0 }
        return """
        [system]
        languages = ["zh"]
        board = "sim"

        [lines.pstn]
        signalling = "fxo"
        channels = "1-\(lines)"
        menu = "main"

        [lines.phones]
        signalling = "fxs"
        channels = "\(lines + 1)-\(lines + agents)"

        \(ids.enumerated().map { "[agents.\($0.element)]\nphone = \(lines + 1 + $0.offset)\n" }.joined(separator: "\n"))
        [queues.sales]
        agents = [\(ids.map { "\"\($0)\"" }.joined(separator: ", "))]
        record = true
        \(queue)

        [menus.main]
        prompt = "welcome"
        [menus.main.keys]
        1 = "queue sales"

        [recording]
        enabled = true
        \(recording)
        """
    }

    static var kefud: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = (exe as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: dir + "/kefud") && dir.count > 1 { dir = (dir as NSString).deletingLastPathComponent }
        return dir + "/kefud"
    }

    /// Starts kefud (its data in `dataDirectory`, by default dir/data; extra
    /// `environment` on top of this process's) and waits (up to 20 s) until
    /// its console answers.
    static func start(dir: String, dataDirectory: String? = nil, callsPerMinute: Double, talkSeconds: Double, log: String,
                      environment: [String: String] = [:]) throws -> DaemonProcess {
        let process = Process()
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.executableURL = URL(fileURLWithPath: kefud)
        let socket = dir + "/console.sock"
        process.arguments = ["--config", dir + "/kefu.toml", "--board", "sim", "--demo", "--prompts", dir + "/prompts",
                             "--data-dir", dataDirectory ?? dir + "/data", "--console-socket", socket, "--caller-keys", "1", "--seed", "3",
                             "--calls-per-minute", "\(callsPerMinute)", "--talk-seconds", "\(talkSeconds)", "--quiet"]
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = output
        process.standardError = output
        let launched = Date()
        try process.run()
        while Date().timeIntervalSince(launched) < 20 && process.isRunning {
            if (try? ConsoleClient.send(ConsoleRequest(arguments: ["status"]), to: socket, timeoutSeconds: 2))?.status == 0 {
                return DaemonProcess(process: process, socket: socket, secondsToReady: Date().timeIntervalSince(launched), log: log)
            }
            usleep(10_000)
        }
        process.terminate()
        throw ConsoleWire.Failure("kefud did not answer on \(socket) within 20 s: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    /// One console command as root; JSON lines parsed.
    func json(_ words: [String]) throws -> [[String: Any]] {
        let output = try ConsoleClient.send(ConsoleRequest(arguments: words, json: true), to: socket)
        return output.lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGINT, as Ctrl-C or systemd's stop; true when kefud ended within 10 s
    /// (otherwise it is killed).
    func stop() -> Bool {
        process.interrupt()
        for _ in 0..<1_000 where process.isRunning { usleep(10_000) }
        guard !process.isRunning else {
            kill9()
            return false
        }
        process.waitUntilExit()
        return true
    }
}
