// One input is one config file, checked as `kefu config check` checks it:
// parsed, decoded, cross-checked, and when it passes, mapped to the ACD,
// checked by the ACD and given to a new ACD engine. The same text is also
// read as a holiday calendar and as a VIP list, the two files a config names.
import ACD
import Config
import Glibc
import LibFuzzer
import Telephony

func check(_ text: String) {
    let file = "fuzz.toml"
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    let loaded = ConfigLoader.load(text, file: file)
    let others = [String: ConfigLoader.CalendarFile](uniqueKeysWithValues:
        Set(loaded.config.system.calendars.map(\.value) + loaded.config.queues.compactMap(\.vipList?.value)).map {
            ($0, ConfigLoader.CalendarFile(path: $0, text: text))
        })
    let (config, vipDiagnostics) = ConfigLoader.vipLists(for: loaded.config, files: others)
    let (calendar, calendarDiagnostics) = ConfigLoader.calendar(for: config, files: others)
    var diagnostics = loaded.diagnostics + vipDiagnostics + calendarDiagnostics
    diagnostics += ConfigLoader.calendarCoverage(calendar, config: config, year: 2026)
    diagnostics += ConfigLoader.checkPrompts(config, files: [])
    var standalone = HolidayCalendar()
    diagnostics += standalone.merge(text, file: "calendar.txt")
    if loaded.isValid {
        let acd = ACDConfigurationMapping.diagnostics(for: config)
        diagnostics += acd
        if acd.isEmpty {
            do {
                _ = try ACDEngine(configuration: ACDConfigurationMapping.acdConfiguration(from: config), random: SeededRandom(seed: 1))
            } catch {
                preconditionFailure("a config that passed every check is refused by the ACD: \(error)")
            }
        }
    }
    for d in diagnostics {
        precondition(!d.message.isEmpty, "a diagnostic without a reason at \(d.file):\(d.line)")
        precondition(!d.chinese.isEmpty && d.chinese != d.message && d.chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                     "a diagnostic without its Chinese reason: \(d)")
        precondition(d.line >= 0 && d.line <= lines + 1, "diagnostic at line \(d.line) of a \(lines)-line file: \(d)")
    }
}

exit(kefu_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    check(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
})
