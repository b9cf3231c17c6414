import Foundation
import Testing
import ACD
import Accounts
import CallControl
import Channels
import Config
import Console
import KefuDaemon
import Storage

/// `kefu config apply` and `rollback` on the running center (simulated
/// board, virtual time): a call in progress is not dropped, a config with
/// errors changes nothing, rollback restores the file and the behaviour.
@Suite struct ConfigApplyTests {
    let admin = Operator(name: "root", role: .admin)

    /// A copy of the example config (and its calendar) the test may edit.
    func copyOfExampleConfig() throws -> String {
        let folder = SimulatedCenterTests.temporary("config")
        try FileManager.default.createDirectory(atPath: folder + "/holidays", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SimulatedCenterTests.root + "/config/holidays/cn-2026.txt", toPath: folder + "/holidays/cn-2026.txt")
        let path = folder + "/kefu.toml"
        try FileManager.default.copyItem(atPath: SimulatedCenterTests.exampleConfig, toPath: path)
        return path
    }

    /// A center running 5 s (virtual) on a copy of the example config; the
    /// caller removes `options.dataDirectory` at the end.
    func centerOnACopy() throws -> (path: String, options: CenterOptions, center: SimulatedCenter) {
        let path = try copyOfExampleConfig()
        let options = SimulatedCenterTests.options(config: path)
        return (path, options, try SimulatedCenterTests.center(options, seconds: 5))
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("apply with calls in progress: none is dropped, new rules take effect, errors are refused, rollback restores file and rules")
    func applyAndRollBackWithCallsInProgress() throws {
        let path = try copyOfExampleConfig()
        var options = SimulatedCenterTests.options(config: path, callsPerMinute: 20)
        options.meanTalkSeconds = 120
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 60)
        let service = try ConsoleService(center: center)
        let talking = center.control.flow.lines.compactMap { line, state -> (ChannelNumber, CallControl.CallID)? in
            if case .talking(let id, _) = state { (line, id) } else { nil }
        }
        try #require(!talking.isEmpty, "calls are in progress when the config is applied")
        let original = try String(contentsOfFile: path, encoding: .utf8)

        // A config with an error is refused; nothing changes.
        try edit(path) { $0.replacingOccurrences(of: "max_wait = 180", with: "max_wait = \"soon\"") }
        let refused = service.run(ConsoleRequest(arguments: ["config", "apply"]), as: admin)
        #expect(refused.status == 1)
        #expect(refused.errors.contains { $0.contains("'max_wait' in [queues.sales] must be a number of seconds") })
        #expect(center.control.flow.plan.acd.queues.first { $0.id == "sales" }?.maxWait == .seconds(180))

        // A valid edit: sales waits at most 120 s now.
        try edit(path) { _ in original.replacingOccurrences(of: "max_wait = 180", with: "max_wait = 120") }
        let applied = service.run(ConsoleRequest(arguments: ["config", "apply"]), as: admin)
        #expect(applied.status == 0, "\(applied.errors)")
        #expect(center.control.flow.acd.configuration.queues.first { $0.id == "sales" }?.maxWait == .seconds(120))
        for (line, id) in talking {
            #expect(center.control.flow.lines[line]?.call == id, "\(id) on \(line) goes on after the apply")
        }
        center.runVirtual(seconds: 30)
        #expect(center.control.records.filter { r in talking.contains { $0.1 == r.id } }.allSatisfy { $0.end != .lineFailed && $0.end != .operatorHangUp })

        // Rollback: the file and the rule are as before.
        let rolled = service.run(ConsoleRequest(arguments: ["config", "rollback"]), as: admin)
        #expect(rolled.status == 0, "\(rolled.errors)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(center.control.flow.acd.configuration.queues.first { $0.id == "sales" }?.maxWait == .seconds(180))
        #expect(center.media.statistics.eventsDropped == 0)
    }

    @Test("what needs a restart (other phones, a removed queue) is named, in the operator's language, and nothing changes")
    func restartOnlyChangesAreRefused() throws {
        let (path, options, center) = try centerOnACopy()
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        try edit(path) { $0.replacingOccurrences(of: "channels = \"9-12\"", with: "channels = \"9-13\"") }
        let lines = center.apply(configAt: path, unixSeconds: options.clockAtStart!.seconds)
        #expect(lines.problems.contains { $0.english.contains("the lines or phones changed") })
        let zh = try ConsoleService(center: center).run(ConsoleRequest(arguments: ["config", "apply"], language: .chinese), as: admin)
        #expect(zh.errors == ["外线或话机有改动：需要重启 kefud 才能打开其他通道", "\(path) 未生效: 运行中的配置保持不变"])
        #expect(center.control.flow.plan.phones.count == 4)
    }

    @Test("config apply in Chinese: a broken file is refused with its line and reason in Chinese; the running config is untouched")
    func refusalSpeaksTheOperatorsLanguage() throws {
        let (path, options, center) = try centerOnACopy()
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let service = try ConsoleService(center: center)
        func apply(_ language: ConsoleLanguage) -> ConsoleOutput {
            service.run(ConsoleRequest(arguments: ["config", "apply"], language: language), as: admin)
        }
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(original.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("max_wait = 180") }) + 1

        try edit(path) { $0.replacingOccurrences(of: "max_wait = 180", with: "max_wait = \"soon\"") }
        let zh = apply(.chinese)
        #expect(zh.status == 1)
        #expect(zh.errors == ["\(path):\(line): 错误: [queues.sales] 中的 'max_wait' 必须是秒数，不能是字符串",
                              "\(path) 未生效: 运行中的配置保持不变"])
        #expect(apply(.english).errors.first == "\(path):\(line): error: 'max_wait' in [queues.sales] must be a number of seconds, not a string")
        #expect(center.control.flow.plan.acd.queues.first { $0.id == "sales" }?.maxWait == .seconds(180))
        let diff = service.run(ConsoleRequest(arguments: ["config", "diff"], language: .chinese), as: admin)
        #expect(diff.lines.contains { $0.contains("max_wait = \"soon\"") }, "the running config is still the original: \(diff.lines)")
    }
}
