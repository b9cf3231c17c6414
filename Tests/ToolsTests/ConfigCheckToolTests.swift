import Foundation
import Testing
import Tools

/// `kefu config check` end to end, on files in a temporary directory and on
/// the shipped example config.
@Suite struct ConfigCheckToolTests {
    let directory: String
    /// 2026-06-01 12:00 UTC.
    let in2026: Int64 = 1_780_315_200
    /// 2027-06-01 12:00 UTC.
    let in2027: Int64 = 1_811_851_200

    init() throws {
        directory = NSTemporaryDirectory() + "kefu-config-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory + "/prompts/zh", withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try FileIO.write(Array(text.utf8), to: path)
        return path
    }

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    let small = """
    [system]
    holidays = ["cal.txt"]

    [lines.pstn]
    signalling = "fxo"
    channels = "1-2"
    menu = "main"

    [queues.sales]
    agents = []
    hours = "day"
    closed = "hangup"

    [menus.main]
    prompt = ["welcome", "menu"]
    [menus.main.keys]
    1 = "queue sales"

    [schedules.day]
    weekdays = "09:00-18:00"
    """

    @Test func shippedExampleConfigPassesWithOnlyThePromptDirectoryWarning() {
        let path = Self.repository + "/config/kefu.toml"
        let result = ConfigCheckTool.run(path: path, unixSeconds: in2026)
        #expect(result.status == 0)
        #expect(result.lines.count == 2, "\(result.lines)")
        // The warning points at the [prompts] directory line, wherever the file has it.
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let line = (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("directory = \"prompts\"") } ?? -2) + 1
        #expect(result.lines.first == "\(path):\(line): warning: prompt directory '\(Self.repository)/config/prompts' not found: prompt files were not checked")
        #expect(result.lines.last == "\(path): OK, 1 warning (2 line groups, 12 channels, 4 agents, 2 queues, 5 menus, 2 schedules, 39 calendar days)")
    }

    @Test func everyErrorIsPrintedWithFileAndLineAndTheExitStatusIsOne() throws {
        let path = try write("bad.toml", """
        [system]
        timezone = "Mars/Olympus"

        [queues.sales]
        agents = ["8001"]
        max_wait = 5

        [menus.main]
        prompt = "welcome"
        [menus.main.keys]
        1 = "queue sails"
        """)
        let result = ConfigCheckTool.run(path: path, unixSeconds: in2026)
        #expect(result.status == 1)
        let errors = result.lines.filter { $0.contains(": error: ") }
        // Line 9: the prompt directory exists here, and has no zh/welcome.wav.
        #expect(errors.map { $0.split(separator: ":")[1] } == ["2", "5", "6", "9", "11"])
        #expect(errors.allSatisfy { $0.hasPrefix(path + ":") })
        #expect(errors.last == "\(path):11: error: [menus.main] key 1: no queue 'sails' (did you mean 'sales'?) (defined: sales)")
        #expect(result.lines.last == "\(path): 5 errors, 2 warnings")
    }

    @Test func vipListBesideTheConfigIsReadAndItsBadLinesNamed() throws {
        _ = try write("cal.txt", "2026-10-01 holiday National Day\n")
        _ = try write("vip.txt", "# key accounts\n13800138000\n\n139 0013 9000\n")
        let text = small.replacingOccurrences(of: "agents = []", with: "agents = []\nvip_list = \"vip.txt\"")
        let path = try write("kefu.toml", text)
        let loaded = try ConfigCheckTool.load(path: path, unixSeconds: in2026, checkPromptFiles: false)
        #expect(loaded.config.queues.first?.vipListNumbers == ["13800138000"])
        #expect(loaded.diagnostics.errors.map(\.description) == [
            "\(directory)/vip.txt:4: error: '139 0013 9000' is not a caller number: write 3 to 20 digits, as caller ID sends it, one number per line",
        ])
        let gone = try write("kefu.toml", text.replacingOccurrences(of: "vip.txt", with: "gone.txt"))
        #expect(ConfigCheckTool.run(path: gone, unixSeconds: in2026).lines.contains {
            $0.hasPrefix("\(gone):11: error: VIP list 'gone.txt' of [queues.sales] cannot be read")
        })
    }

    @Test func unreadableFileExitsWithTwo() {
        let result = ConfigCheckTool.run(path: directory + "/missing.toml", unixSeconds: in2026)
        #expect(result.status == 2)
        #expect(result.lines == ["kefu config check: \(directory)/missing.toml: cannot open: No such file or directory"])
    }

    @Test func missingPromptFilesAreErrorsWhenThePromptDirectoryExists() throws {
        _ = try write("prompts/zh/welcome.wav", "RIFF")
        _ = try write("cal.txt", "2026-10-01 holiday National Day\n")
        let path = try write("kefu.toml", small)
        let result = ConfigCheckTool.run(path: path, unixSeconds: in2026)
        #expect(result.status == 1)
        #expect(result.lines.contains("\(path):15: error: prompt 'menu' has no file zh/menu.wav in the prompt directory 'prompts'"))
        _ = try write("prompts/zh/menu.wav", "RIFF")
        #expect(ConfigCheckTool.run(path: path, unixSeconds: in2026).status == 0)
    }

    @Test func calendarProblemsNameTheCalendarFileAndLine() throws {
        _ = try write("prompts/zh/welcome.wav", "RIFF")
        _ = try write("prompts/zh/menu.wav", "RIFF")
        let calendar = try write("cal.txt", "# 2026\n2026-10-01 holiday National Day\n2026-10-08 workday Thursday?\n")
        let path = try write("kefu.toml", small)
        let result = ConfigCheckTool.run(path: path, unixSeconds: in2026)
        #expect(result.status == 1)
        #expect(result.lines.contains("\(calendar):3: error: 2026-10-08 is a Thursday: a make-up workday must be a Saturday or Sunday"))
    }

    @Test func calendarWithoutThisYearIsAWarning() throws {
        _ = try write("prompts/zh/welcome.wav", "RIFF")
        _ = try write("prompts/zh/menu.wav", "RIFF")
        _ = try write("cal.txt", "2026-10-01 holiday National Day\n")
        let path = try write("kefu.toml", small)
        let result = ConfigCheckTool.run(path: path, unixSeconds: in2027)
        #expect(result.status == 0)
        #expect(result.lines.contains { $0.hasPrefix("\(path):2: warning: the holiday calendars have no entries for 2027") })
    }

    @Test func promptListingNamesEveryFileForEveryLanguageOnce() {
        let result = ConfigCheckTool.promptFiles(path: Self.repository + "/config/kefu.toml")
        #expect(result.status == 0)
        // 16 configured prompts, 15 callback and 3 message prompts, each in zh and en; then
        // the announcements' fragments not already listed (the callback's digits are
        // shared): 9 more Mandarin, 26 more English.
        #expect(result.lines.count == 68 + 35)
        #expect(result.lines[68] == "zh/10.wav" && result.lines.last == "en/wait-after-one.wav")
        #expect(Set(result.lines).count == result.lines.count)
        #expect(Array(result.lines.prefix(2)) == ["zh/callback-confirm.wav", "en/callback-confirm.wav"],
                "in the order the file needs them (the sales queue's overflow to a callback comes first)")
        #expect(result.lines.contains("en/survey-ask.wav"))
    }

    @Test func promptListingOfAConfigWithErrorsListsOnlyTheErrors() throws {
        let path = try write("broken.toml", "[menus.main]\nprompt = \"welcome\"\n[menus.main.keys]\n1 = \"queue nowhere\"\n")
        let result = ConfigCheckTool.promptFiles(path: path)
        #expect(result.status == 1)
        #expect(result.lines.first == "\(path):4: error: [menus.main] key 1: no queue 'nowhere' (none is defined)")
        #expect(!result.lines.contains { $0.hasSuffix(".wav") })
    }
}
