import Console
import Tools

/// `config apply` and `config rollback` on the console.
extension ConsoleService {
    func applyConfig() -> ConsoleOutput {
        let path = center.options.configPath
        let text: String
        do { text = String(decoding: try FileIO.read(path), as: UTF8.self) } catch { return .failed("\(error)") }
        let result = center.apply(configAt: path, unixSeconds: StorageContext.nowMilliseconds() / 1000)
        guard result.applied else {
            return ConsoleOutput(result.warnings, errors: result.problems + ["\(path) not applied: the running config is unchanged"], status: 1)
        }
        if text != runningConfig {
            previousConfig = runningConfig
            runningConfig = text
        }
        return ConsoleOutput(result.warnings + ["\(path) applied; calls in progress go on (new calls take the new config)"])
    }

    func rollbackConfig() -> ConsoleOutput {
        let path = center.options.configPath
        guard let previous = previousConfig, let current = runningConfig else { return .failed("nothing to roll back: no config was applied since start") }
        do { try FileIO.write(Array(previous.utf8), to: path) } catch { return .failed("\(error)") }
        let result = center.apply(configAt: path, unixSeconds: StorageContext.nowMilliseconds() / 1000)
        guard result.applied else {
            try? FileIO.write(Array(current.utf8), to: path)
            return ConsoleOutput([], errors: result.problems + ["rollback not applied: \(path) and the running config are unchanged"], status: 1)
        }
        previousConfig = current
        runningConfig = previous
        return ConsoleOutput(["\(path) rolled back to the config that ran before the last apply; calls in progress go on"])
    }
}
