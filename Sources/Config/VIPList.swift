/// VIP list files (`vip_list` in [queues.*]): one caller number per line,
/// `#` comments and blank lines ignored. The tool reads the files; this
/// only checks their text and adds the numbers to the queues.
extension ConfigLoader {
    /// Adds the numbers of every queue's `vip_list` to `vipListNumbers`.
    /// `files[name]` is the file each name refers to; a file that cannot be
    /// read is reported at the config line naming it, a bad number at its
    /// own line in the list.
    public static func vipLists(for config: KefuConfig, files: [String: CalendarFile]) -> (config: KefuConfig, diagnostics: [Diagnostic]) {
        var config = config
        var diagnostics: [Diagnostic] = []
        for q in config.queues.indices {
            guard let name = config.queues[q].vipList else { continue }
            guard let file = files[name.value], let text = file.text else {
                let queue = config.queues[q].name
                diagnostics.append(Diagnostic(file: config.file, line: name.line,
                                              Bilingual("VIP list '\(name.value)' of [queues.\(queue)] cannot be read", "无法读取 [queues.\(queue)] 的 VIP 名单 '\(name.value)'")
                                              + unreadable(files[name.value])))
                continue
            }
            var numbers: [String] = []
            for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let line = String(raw.prefix { $0 != "#" }).trimmingSpaces
                guard !line.isEmpty else { continue }
                if (3...20).contains(line.count), line.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    if !numbers.contains(line) { numbers.append(line) }
                } else {
                    diagnostics.append(Diagnostic(file: file.path, line: n + 1,
                                                  message: "'\(line)' is not a caller number: write 3 to 20 digits, as caller ID sends it, one number per line",
                                                  chinese: "'\(line)' 不是来电号码：请写 3 到 20 位数字（与来电显示送来的一致），每行一个号码"))
                }
            }
            config.queues[q].vipListNumbers = numbers
        }
        return (config, diagnostics)
    }
}
