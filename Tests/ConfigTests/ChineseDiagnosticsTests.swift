import Foundation
import Testing
@testable import Config

/// Every diagnostic comes in simplified Chinese as well as English: the
/// same file, line and severity, a Chinese reason of its own, and the same
/// names, keys and numbers inside it.
@Suite struct ChineseDiagnosticsTests {
    /// One broken input, the part of the checker that complains about it,
    /// and a piece of the Chinese reason it must give.
    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        let chinese: String
        let diagnostics: @Sendable () -> [Diagnostic]
        var testDescription: String { source }

        init(_ source: String, _ chinese: String, _ diagnostics: @escaping @Sendable () -> [Diagnostic]) {
            self.source = source
            self.chinese = chinese
            self.diagnostics = diagnostics
        }

        /// The minimal config with `old` replaced by `new`.
        init(_ source: String, _ chinese: String, replacing old: String, with new: String) {
            self.init(source, chinese) { load(minimalConfig.replacingOccurrences(of: old, with: new)).diagnostics }
        }

        /// The minimal config with `extra` appended.
        init(_ source: String, _ chinese: String, adding extra: String) {
            self.init(source, chinese) { load(minimalConfig + "\n" + extra).diagnostics }
        }
    }

    static let queue = "agents = [\"8001\"]"
    static let withCalendar = minimalConfig.replacingOccurrences(of: "[system]\n", with: "[system]\nholidays = [\"cal.txt\"]\n")
        + "\n[schedules.day]\nweekdays = \"09:00-18:00\"\n"

    static let cases: [Case] = [
        Case("TOMLScanner", "数字 012 无效（不能有前导零") { load("x = 012\n").diagnostics },
        Case("TOMLParser", "表 [x] 定义了两次（第一次在第 1 行）") { load("[x]\na = 1\n[x]\n").diagnostics },
        Case("TableReader", "[queues.sales] 中有未知的配置项 'stratgy'（是不是 'strategy'？）",
             replacing: queue, with: queue + "\nstratgy = \"ring-all\""),
        Case("TableReader", "[queues.sales] 中的 'max_wait' 必须是秒数，不能是字符串", replacing: queue, with: queue + "\nmax_wait = \"soon\""),
        Case("ConfigDecoder", "未知的配置段 [sytem]（是不是 'system'？）", adding: "[sytem]\nname = \"x\""),
        Case("ConfigDecoder+Sections", "录音的保留时间（400 天）比它们所属的通话记录（100 天）还长",
             adding: "[retention]\nrecordings_days = 400\ncalls_days = 100"),
        Case("CivilTime", "'18:00-09:00' 的结束时间早于开始时间", adding: "[schedules.night]\nweekdays = \"18:00-09:00\""),
        Case("ConfigDecoder+Flow", "[menus.main] 中的 'type' 是 'menuu'（是不是 'menu'？）",
             replacing: "prompt = \"welcome\"", with: "prompt = \"welcome\"\ntype = \"menuu\""),
        Case("ConfigDecoder+ACD", "'#' 用来结束坐席的拨号", adding: "[acd]\nlogin_code = \"*1#\""),
        Case("ConfigDecoder+Queues", "VIP 号码 '12' 必须是 3 到 20 位数字", replacing: queue, with: queue + "\nvip_callers = [\"12\"]"),
        Case("ConfigValidator", "[queues.sales] 的 agents：没有坐席 '9999'（已定义：8001）", replacing: queue, with: "agents = [\"8001\", \"9999\"]"),
        Case("ConfigValidator+ACD", "[queues.sales] 的 transfer_code '8001' 与坐席 8001 的工号相同",
             replacing: queue, with: queue + "\ntransfer_code = \"8001\""),
        Case("MenuAction", "[menus.main.keys] 中的按键 1：'queue'：应写成 'queue NAME'", replacing: "1 = \"queue sales\"", with: "1 = \"queue\""),
        Case("NumberPattern", "号码规则 '1[3-'：'[' 缺少对应的 ']'", adding: "[outbound]\nallowed_numbers = [\"1[3-\"]"),
        Case("HolidayCalendar", "2026-02-16 是星期一：调休上班日必须是星期六或星期日") {
            HolidayCalendar.parse("2026-02-16 workday 调休\n", file: "cal.txt").diagnostics
        },
        Case("VIPList", "'12ab' 不是来电号码") {
            let config = load(minimalConfig.replacingOccurrences(of: queue, with: queue + "\nvip_list = \"vip.txt\"")).config
            return ConfigLoader.vipLists(for: config, files: ["vip.txt": .init(path: "vip.txt", text: "12ab\n")]).diagnostics
        },
        Case("Config: calendars", "无法读取节假日日历 'cal.txt'：No such file or directory") {
            ConfigLoader.calendar(for: load(withCalendar).config, files: ["cal.txt": .init(path: "cal.txt", text: nil, failure: "No such file or directory")]).diagnostics
        },
        Case("Config: calendar coverage", "节假日日历中没有 2027 年的条目（现有 2026 年）") {
            let config = load(withCalendar).config
            let (calendar, _) = ConfigLoader.calendar(for: config, files: ["cal.txt": .init(path: "cal.txt", text: "2026-10-01 holiday 国庆节\n")])
            return ConfigLoader.calendarCoverage(calendar, config: config, year: 2027)
        },
        Case("Config: prompts", "提示音 'welcome' 在提示音目录 'prompts' 中缺少文件 zh/welcome.wav, en/welcome.wav") {
            ConfigLoader.checkPrompts(load(minimalConfig).config, files: [])
        },
        Case("FeaturePrompts", "提示音 'voicemail-greeting'") {
            ConfigLoader.checkPrompts(load(minimalConfig + "\n2 = \"voicemail sales\"\n").config, files: ["zh/welcome.wav", "en/welcome.wav"])
        },
    ]

    @Test("every part of the checker gives its diagnostics in Chinese too, at the same file, line and severity", arguments: cases)
    func everyCheckerSpeaksChinese(_ c: Case) {
        let found = c.diagnostics()
        #expect(!found.isEmpty)
        for d in found { Self.expectBilingual(d) }
        #expect(found.contains { $0.chinese.contains(c.chinese) }, "\(found.map(\.chinese))")
    }

    /// A Chinese reason: not empty, not the English one, with Chinese
    /// characters; the line in Chinese names the same place and severity.
    static func expectBilingual(_ d: Diagnostic, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!d.chinese.isEmpty && d.chinese != d.message, "\(d)", sourceLocation: sourceLocation)
        #expect(hasChinese(d.chinese), "\(d.chinese)", sourceLocation: sourceLocation)
        #expect(d.text(chinese: true) == "\(d.file):\(d.line): \(d.severity == .error ? "错误" : "警告"): \(d.chinese)", sourceLocation: sourceLocation)
        #expect(d.description == "\(d.file):\(d.line): \(d.severity.rawValue): \(d.message)", sourceLocation: sourceLocation)
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test("the did-you-mean hint keeps the suggested name inside the Chinese text")
    func didYouMeanIsTranslated() {
        let found = load(minimalConfig.replacingOccurrences(of: "1 = \"queue sales\"", with: "1 = \"queue sails\"")).diagnostics.errors
        #expect(found.map(\.message) == ["[menus.main] key 1: no queue 'sails' (did you mean 'sales'?) (defined: sales)"])
        #expect(found.map(\.chinese) == ["[menus.main] 的按键 1：没有队列 'sails'（是不是 'sales'？）（已定义：sales）"])
    }
}
