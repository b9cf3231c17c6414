import Foundation
import Testing

/// `kefu config check` as an installer runs it: the built `kefu` binary on
/// a broken file, in Chinese (`--lang zh` or a zh_CN locale), in English,
/// and as JSON with both languages.
@Suite struct ConfigCheckCommandTests {
    static let broken = """
    [system]
    languages = ["zh"]

    [lines.pstn]
    signalling = "fxo"
    channels = "1-4"
    menu = "main"

    [lines.phones]
    signalling = "fxs"
    channels = "5-6"

    [agents.8001]
    phone = 5

    [queues.sales]
    agents = ["8001", "9999"]
    stratgy = "ring-all"
    max_wait = "soon"

    [menus.main]
    prompt = "welcome"
    [menus.main.keys]
    1 = "queue sails"
    2 = "hangup"

    """

    /// The broken file in a folder of its own, with the prompt it names.
    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "kefu-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/prompts/zh", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/prompts/zh/welcome.wav", contents: Data())
        try broken.write(toFile: dir + "/kefu.toml", atomically: true, encoding: .utf8)
        return dir
    }

    /// `kefu ARGS` with `environment`, run from `dir` (so the file is `kefu.toml`).
    static func kefu(_ arguments: [String], in dir: String, environment: [String: String] = [:]) throws -> (status: Int32, out: [String]) {
        let exe = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: (exe as NSString).deletingLastPathComponent + "/kefu")
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text.split(separator: "\n").map(String.init))
    }

    @Test("kefu config check --lang zh prints each problem as FILE:LINE: 错误: with a Chinese reason, then a Chinese summary")
    func chineseOutput() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let zh = try Self.kefu(["config", "check", "--lang", "zh", "kefu.toml"], in: dir)
        #expect(zh.status == 1)
        #expect(zh.out == [
            "kefu.toml:16: 警告: [queues.sales] 没有被用到（没有任何菜单或动作通向它）",
            "kefu.toml:17: 错误: [queues.sales] 的 agents：没有坐席 '9999'（已定义：8001）",
            "kefu.toml:18: 错误: [queues.sales] 中有未知的配置项 'stratgy'（是不是 'strategy'？）",
            "kefu.toml:19: 错误: [queues.sales] 中的 'max_wait' 必须是秒数，不能是字符串",
            "kefu.toml:24: 错误: [menus.main] 的按键 1：没有队列 'sails'（是不是 'sales'？）（已定义：sales）",
            "kefu.toml: 错误 4 个, 警告 1 个",
        ])
        let locale = try Self.kefu(["config", "check", "kefu.toml"], in: dir, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(locale.out == zh.out, "a zh_CN locale chooses Chinese as --lang zh does")
        let en = try Self.kefu(["config", "check", "--lang", "en", "kefu.toml"], in: dir, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(en.out.first == "kefu.toml:16: warning: [queues.sales] is never used (no menu or action leads to it)")
        #expect(en.out.last == "kefu.toml: 4 errors, 1 warning")
    }

    @Test("kefu config check --json keeps the English message and gives the Chinese one under message_zh")
    func jsonHasBothLanguages() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let json = try Self.kefu(["config", "check", "--json", "kefu.toml"], in: dir, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(json.status == 1)
        #expect(json.out.count == 5, "one object per problem, no summary")
        #expect(json.out.dropFirst().first == #"{"file":"kefu.toml","line":17,"severity":"error","message":"[queues.sales] agents: no agent '9999' (defined: 8001)","message_zh":"[queues.sales] 的 agents：没有坐席 '9999'（已定义：8001）"}"#)
    }
}
