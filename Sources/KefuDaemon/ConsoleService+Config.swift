import Config
import Console
import Tools

/// `config diff`, `config apply` and `config rollback` on the console, in
/// the operator's language: the checker's problems (`FILE:LINE: error:
/// reason`, `FILE:LINE: 错误: …`) and what needs a restart too.
extension ConsoleService {
    func configDiff(_ language: ConsoleLanguage) -> ConsoleOutput {
        let zh = language == .chinese
        let path = center.options.configPath
        guard let running = runningConfig else {
            return .failed(zh ? "未保留运行中配置的文本 (启动时无法读取 \(path))" : "the running config's text was not kept (\(path) was unreadable at start)")
        }
        let now: String
        do { now = String(decoding: try FileIO.read(path), as: UTF8.self) } catch { return .failed("\(error)") }
        let changes = LineDiff.render(LineDiff.changes(old: running, new: now))
        if changes.isEmpty { return ConsoleOutput([zh ? "\(path) 与 kefud 正在运行的配置相同" : "\(path) is what kefud is running"]) }
        return ConsoleOutput([zh ? "\(path) 与运行中配置的差异:" : "\(path) against the running config:"] + changes)
    }

    func applyConfig(_ language: ConsoleLanguage) -> ConsoleOutput {
        let zh = language == .chinese
        let path = center.options.configPath
        let text: String
        do { text = String(decoding: try FileIO.read(path), as: UTF8.self) } catch { return .failed("\(error)") }
        let result = center.apply(configAt: path, unixSeconds: StorageContext.nowMilliseconds() / 1000)
        guard result.applied else {
            let refused = zh ? "\(path) 未生效: 运行中的配置保持不变" : "\(path) not applied: the running config is unchanged"
            return ConsoleOutput(result.warnings.map { $0.text(chinese: zh) }, errors: result.problems.map { $0.text(chinese: zh) } + [refused], status: 1)
        }
        if text != runningConfig {
            previousConfig = runningConfig
            runningConfig = text
        }
        return ConsoleOutput(result.warnings.map { $0.text(chinese: zh) } + [zh ? "\(path) 已生效; 进行中的呼叫继续 (新呼叫使用新配置)"
                                                   : "\(path) applied; calls in progress go on (new calls take the new config)"])
    }

    func rollbackConfig(_ language: ConsoleLanguage) -> ConsoleOutput {
        let zh = language == .chinese
        let path = center.options.configPath
        guard let previous = previousConfig, let current = runningConfig else {
            return .failed(zh ? "无可回滚: 启动以来没有应用过配置" : "nothing to roll back: no config was applied since start")
        }
        do { try FileIO.write(Array(previous.utf8), to: path) } catch { return .failed("\(error)") }
        let result = center.apply(configAt: path, unixSeconds: StorageContext.nowMilliseconds() / 1000)
        guard result.applied else {
            try? FileIO.write(Array(current.utf8), to: path)
            let refused = zh ? "回滚未生效: \(path) 与运行中的配置均未改变" : "rollback not applied: \(path) and the running config are unchanged"
            return ConsoleOutput([], errors: result.problems.map { $0.text(chinese: zh) } + [refused], status: 1)
        }
        previousConfig = current
        runningConfig = previous
        return ConsoleOutput([zh ? "\(path) 已回滚到上次应用之前的配置; 进行中的呼叫继续"
                                 : "\(path) rolled back to the config that ran before the last apply; calls in progress go on"])
    }
}
