import Foundation
import Testing

/// The built `kefu` binary: one scripted run by flags, one interactive run with the answers on a pipe.
@Suite struct SetupCommandTests {
    static var kefu: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = (exe as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: dir + "/kefu") && dir.count > 1 { dir = (dir as NSString).deletingLastPathComponent }
        return dir + "/kefu"
    }

    /// Runs kefu with `arguments` and `input` on its standard input; its exit status and output.
    func run(_ arguments: [String], input: String = "", environment: [String: String] = ["LANG": "C"]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.kefu)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        p.standardInput = stdin; p.standardOutput = stdout; p.standardError = stderr
        try p.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile(), err = stderr.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func aScriptedRunWritesTheConfigAndTheCheckPasses() throws {
        let scratch = Scratch("cli")
        defer { scratch.remove() }
        let config = scratch.path + "/kefu.toml"
        let r = try run(["setup", "--board", "sim", "--config", config, "--fxo", "1-2", "--fxs", "3-4", "--agent", "8001:张三:3", "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("line 2: dial tone 450 Hz"))
        #expect(r.out.contains("phone port 3: rang and was answered — agent 8001 张三"))
        let check = try run(["config", "check", config])
        #expect(check.status == 0, "\(check.out)")
        let again = try run(["setup", "--board", "sim", "--config", config, "--yes", "--skip-tests", "--json"])
        #expect(again.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Any]
        #expect((object?["files"] as? [[String: Any]])?.first?["changes"] as? Bool == false)
        #expect(again.err.contains("nothing to change"))
    }

    @Test func anInteractiveRunReadsItsAnswersFromAPipeInChinese() throws {
        let scratch = Scratch("pipe")
        defer { scratch.remove() }
        let config = scratch.path + "/kefu.toml"
        // country, time zone, languages, caller ID, lines, phones, queue, agents, agent 1 (id, name, phone), write?
        let answers = ["", "", "", "", "1", "2", "", "1", "", "小王", "", "y"].joined(separator: "\n") + "\n"
        let r = try run(["setup", "--interactive", "--board", "sim", "--config", config, "--fxo", "1", "--fxs", "2", "--lang", "zh"], input: answers)
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        #expect(r.out.contains("国家预设（cn 中国, us 美国） [cn]: "))
        #expect(r.out.contains("外线 1：拨号音 450 Hz"))
        #expect(r.out.contains("话机端口 2 振铃时请摘机"))
        #expect(r.out.contains("线路学习：尚未进行（运行：kefu setup learn 1）"))
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.contains("[agents.8001]\nname = \"小王\"\nphone = 2\n"))
    }

    @Test func aBadFlagIsRefusedOnStandardErrorWithStatusOne() throws {
        let scratch = Scratch("clibad")
        defer { scratch.remove() }
        let r = try run(["setup", "--board", "sim", "--config", scratch.path + "/kefu.toml", "--fxo", "1-2", "--fxs", "3-4", "--agent", "8001:x:1", "--yes"])
        #expect(r.status == 1)
        #expect(r.err == "kefu setup: agent 8001: phone port 1 is not one of the FXS ports 3-4\n")
    }
}
