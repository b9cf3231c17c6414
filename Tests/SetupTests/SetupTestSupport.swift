import Foundation
@testable import Setup

/// A scratch folder for one test.
struct Scratch {
    let path: String
    init(_ name: String) {
        path = NSTemporaryDirectory() + "kefu-setup-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func read(_ name: String) -> String? { try? String(contentsOfFile: path + "/" + name, encoding: .utf8) }
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + name) }
}

/// A console that answers from a script and keeps everything said.
final class ScriptedConsole: SetupConsole {
    var answers: [String]
    var said: [String] = []
    var asked: [String] = []
    init(_ answers: [String] = []) { self.answers = answers }
    func say(_ line: String) { said.append(line) }
    func ask(_ question: String) -> String? {
        asked.append(question)
        return answers.isEmpty ? nil : answers.removeFirst()
    }
    var text: String { said.joined(separator: "\n") }
}

/// 2026-12-03 12:00 UTC.
let now: Int64 = 1_796_299_200

/// One run of setup on the simulated board in `scratch`.
func runSetup(_ scratch: Scratch, _ configure: (inout SetupOptions) -> Void = { _ in }, answers: [String] = [])
    -> (session: SetupSession, console: ScriptedConsole, refusal: SetupRefusal?) {
    var o = SetupOptions()
    o.board = "sim"
    o.configPath = scratch.path + "/kefu.toml"
    o.systemConfPath = scratch.path + "/system.conf"
    o.yes = true
    configure(&o)
    let console = ScriptedConsole(answers)
    let session = SetupSession(options: o, console: console, unixSeconds: now)
    let refusal = Setup.run(session)
    return (session, console, refusal)
}
