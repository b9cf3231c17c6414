import Config

/// The engine's own checks, run on the configuration the config file maps
/// to, so that `kefu config check` and kefud report them as FILE:LINE.
extension ACDConfigurationMapping {
    /// Every problem `ACDConfiguration.problems()` finds in what `config`
    /// maps to, each at the line of the queue or agent it names ([acd] or
    /// line 1 otherwise). The config's own checks come first and say more;
    /// run this once they pass, as a net under them.
    public static func diagnostics(for config: KefuConfig) -> [Diagnostic] {
        var seen: Set<Bilingual> = []  // escalation steps add up, so one bad queue can recur
        return acdConfiguration(from: config).problems().filter { seen.insert($0).inserted }.map { problem in
            Diagnostic(file: config.file, line: line(of: problem.english, in: config),
                       Bilingual("the ACD cannot run this configuration: ", "ACD 无法运行此配置：") + problem)
        }
    }

    /// Problems start with the queue or agent they are about: "queue 'sales': …",
    /// "agent '8001': …", "agents '8001' and '8002' share …".
    static func line(of problem: String, in config: KefuConfig) -> Int {
        if let q = config.queues.first(where: { problem.hasPrefix("queue '\($0.name)'") }) { return q.line }
        if let a = config.agents.last(where: { problem.hasPrefix("agent '\($0.id)'") || problem.hasPrefix("agents '") && problem.contains("'\($0.id)'") }) {
            return a.line
        }
        if problem.hasPrefix("auto-pause"), config.acd.line > 0 { return config.acd.line }
        return 1
    }
}
