import CallControl
import Config
import DSP
import Tools

/// `kefu config apply` and `rollback`: the config file is checked as at
/// start; a config with errors is refused and the running one stays. A
/// valid one is taken in while calls go on (`CenterFlow.reconfigure`):
/// new calls get the new menus, queues and rules, calls in progress are not
/// touched. What needs a restart is named and nothing changes.
extension SimulatedCenter {
    public struct ApplyResult: Sendable, Equatable {
        /// Errors (`FILE:LINE: error: …`) or reasons it cannot apply live,
        /// each in English and in Chinese; empty: applied.
        public var problems: [Bilingual]
        /// `FILE:LINE: warning: …` in both languages.
        public var warnings: [Bilingual]
        public var applied: Bool { problems.isEmpty }
    }

    /// Checks the config at `path` and takes it in if it can.
    public func apply(configAt path: String, unixSeconds: Int64) -> ApplyResult {
        let loaded: ConfigCheckTool.Loaded
        do { loaded = try ConfigCheckTool.load(path: path, unixSeconds: unixSeconds, checkPromptFiles: false) } catch {
            return ApplyResult(problems: [Bilingual("\(error)", "\(error.path)：无法读取（\(error.reason)）")], warnings: [])
        }
        let warnings = loaded.diagnostics.warnings.map(\.lines)
        guard loaded.diagnostics.errors.isEmpty else { return ApplyResult(problems: loaded.diagnostics.errors.map(\.lines), warnings: warnings) }
        var problems: [Bilingual] = []
        if loaded.config.system.languages != config.system.languages {
            problems.append(Bilingual("the languages changed: a restart is needed to load their prompts", "语言有改动：需要重启 kefud 才能加载相应的提示音"))
        }
        let tones = LineTonePlans(zone: loaded.config.system.toneZone, learned: loaded.config.learnedLines)
        if tones != LineTonePlans(zone: config.system.toneZone, learned: config.learnedLines) {
            problems.append(Bilingual("the tones the lines listen for changed (tone_zone or a learned hang-up tone): a restart is needed",
                                      "线路检测的信号音有改动（tone_zone 或学习到的挂机音）：需要重启 kefud"))
        }
        let needed = Set(ConfigLoader.promptUses(loaded.config).flatMap { use in
            loaded.config.system.languages.map { ConfigLoader.promptFile(use.value, language: $0) }
        })
        let missing = needed.subtracting(prompts.files.keys).sorted()
        if !missing.isEmpty {
            let list = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            problems.append(Bilingual("prompt files not loaded at start: \(list): a restart is needed to load them",
                                      "启动时没有加载的提示音文件：\(list)：需要重启 kefud 才能加载"))
        }
        guard problems.isEmpty else { return ApplyResult(problems: problems, warnings: warnings) }
        let plan = CenterPlan(config: loaded.config, calendar: loaded.calendar, prompts: prompts.files, tones: prompts.tones,
                              clockAtStart: control.flow.plan.clockAtStart, tonePlan: tones.names)
        let refused = control.reconfigure(plan, now: now)
        guard refused.isEmpty else { return ApplyResult(problems: refused, warnings: warnings) }
        config = loaded.config
        return ApplyResult(problems: [], warnings: warnings)
    }
}
