import Config
#if canImport(Glibc)
import Glibc
#endif
import Tools

/// Step 5: the new kefu.toml and system.conf, checked, shown as a diff and
/// written after confirmation; the stand-in prompts. Step 6: dahdi_cfg.
enum SetupWrite {
    static func files(_ s: SetupSession) throws(SetupRefusal) {
        let e = s.existing
        let lineGroup = e?.lines.first { $0.signalling == .fxo }?.name ?? "pstn"
        let phoneGroup = e?.lines.first { $0.signalling == .fxs }?.name ?? "phones"
        let toml = SetupConfigText.merge(old: s.existingText, plan: s.plan, lineGroup: lineGroup, phoneGroup: phoneGroup)
        let loaded = ConfigCheckTool.load(text: toml, path: s.options.configPath, unixSeconds: s.unixSeconds, checkPromptFiles: false)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw SetupRefusal(
                "the new \(s.options.configPath) would not pass kefu config check, so nothing was written:\n"
                    + errors.map { "  " + $0.text(chinese: false) }.joined(separator: "\n"),
                "新的 \(s.options.configPath) 通不过 kefu config check，因此没有写入任何文件：\n"
                    + errors.map { "  " + $0.text(chinese: true) }.joined(separator: "\n"))
        }
        for warning in loaded.diagnostics where warning.severity == .warning { s.notes.append(warning.text(chinese: s.w.chinese)) }
        s.files = [PlannedFile(path: s.options.configPath, old: s.existingText, new: toml)]
        if s.plan.board == "dahdi" {
            let old = try SetupFileIO.read(s.options.systemConfPath)
            let e1: [E1SpanLines]
            switch E1SpanPlanning.plan(loaded.config.lines, configPath: s.options.configPath, board: s.board, words: s.w) {
            case .success(let planned): e1 = E1SpanPlanning.keepingTiming(planned.spans, old: old); s.notes += planned.notes
            case .failure(let refusal): throw refusal
            }
            let new = try SystemConfText.merge(old: old, board: s.board, plan: s.plan, e1: e1)
            s.files.append(PlannedFile(path: s.options.systemConfPath, old: old, new: new))
        }
        s.missingPrompts = SetupPrompts.missing(loaded.config, directory: loaded.promptDirectory)
        for file in s.files {
            if file.changes {
                for line in file.diff { s.console.say(line) }
            } else {
                s.say("\(file.path): nothing to change", "\(file.path)：没有需要修改的内容")
            }
        }
        if !s.missingPrompts.isEmpty {
            let n = s.missingPrompts.count
            let list = s.missingPrompts.prefix(4).joined(separator: ", ") + (n > 4 ? s.w(" and \(n - 4) more", " 等 \(n) 个") : "")
            s.say("Prompts to make in \(loaded.promptDirectory) (stand-ins until real recordings; kefu config prompts lists them all): \(list)",
                  "需在 \(loaded.promptDirectory) 生成的提示音（正式录音前的替代音；kefu config prompts 可列出全部）：\(list)")
        }
        let changed = s.files.filter(\.changes)
        guard !changed.isEmpty || !s.missingPrompts.isEmpty else {
            s.say("Nothing to change.", "没有需要修改的内容。")
            return
        }
        if s.options.dryRun {
            s.say("Dry run: nothing was written.", "试运行：没有写入任何文件。")
            return
        }
        guard try s.confirm("Write these changes", "写入这些修改") else {
            if !s.options.interactive {
                throw SetupRefusal("not written: add --yes to write the files above (or --dry-run only to see them)",
                                   "没有写入：加 --yes 才会写入上面的文件（或用 --dry-run 只查看）")
            }
            s.say("Nothing was written.", "没有写入任何文件。")
            return
        }
        for file in changed {
            try SetupFileIO.write(file)
            s.say("Wrote \(file.path)" + (file.old == nil ? "" : " (the old one is \(file.path).bak)"),
                  "已写入 \(file.path)" + (file.old == nil ? "" : "（旧文件为 \(file.path).bak）"))
        }
        s.madePrompts = try SetupPrompts.make(s.missingPrompts, directory: loaded.promptDirectory).map { ($0.file, $0.made.rawValue) }
        if !s.madePrompts.isEmpty {
            let spoken = s.madePrompts.filter { $0.how == "speech" }.count
            s.say("Made \(s.madePrompts.count) stand-in prompts (\(spoken) spoken by espeak-ng, \(s.madePrompts.count - spoken) chimes); record real ones over them.",
                  "已生成 \(s.madePrompts.count) 个替代提示音（espeak-ng 合成语音 \(spoken) 个，提示铃声 \(s.madePrompts.count - spoken) 个）；请以正式录音替换。")
        }
        s.wrote = true
    }

    /// Runs dahdi_cfg after system.conf changed on a real board.
    static func apply(_ s: SetupSession) throws(SetupRefusal) {
        guard s.plan.board == "dahdi", s.wrote, s.files.contains(where: { $0.path == s.options.systemConfPath && $0.changes }) else { return }
        guard s.options.systemConfPath == "/etc/dahdi/system.conf" else {
            s.notes.append(s.w("system.conf was written to \(s.options.systemConfPath), not /etc/dahdi: dahdi_cfg was not run",
                               "system.conf 写到了 \(s.options.systemConfPath)，不是 /etc/dahdi：没有运行 dahdi_cfg"))
            return
        }
        let candidates: [String] = ["/usr/sbin/dahdi_cfg", "/sbin/dahdi_cfg", "/usr/bin/dahdi_cfg"]
        guard let dahdiCfg = candidates.first(where: { access($0, X_OK) == 0 }) else {
            s.notes.append(s.w("dahdi_cfg was not found (package dahdi): run dahdi_cfg -vv to apply system.conf", "找不到 dahdi_cfg（dahdi 软件包）：请运行 dahdi_cfg -vv 使 system.conf 生效"))
            return
        }
        let (status, output) = SetupProcess.run(dahdiCfg, ["-v"], collect: true)
        guard status == 0 else {
            throw SetupRefusal("dahdi_cfg refused \(s.options.systemConfPath) (exit \(status)):\n\(output)",
                               "dahdi_cfg 拒绝了 \(s.options.systemConfPath)（退出码 \(status)）：\n\(output)")
        }
        s.say("dahdi_cfg applied \(s.options.systemConfPath).", "dahdi_cfg 已应用 \(s.options.systemConfPath)。")
    }
}
