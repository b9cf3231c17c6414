import Foundation
import Testing
import LineEditor
import Storage
import Tools

/// The tools' text (recordings, audit, staffing, config check) speaks the
/// operator's language: Chinese headings and fixed words for a Chinese
/// reader, English otherwise; the rows' data and the JSON are the same, and
/// columns stay aligned although a Chinese character takes two columns.
@Suite struct ToolLanguageTests {
    typealias Box = StorageToolsTests.Box

    /// The terminal column where `needle` starts in `line`.
    func column(of needle: String, in line: String) -> Int? {
        line.range(of: needle).map { DisplayWidth.of(line[..<$0.lowerBound]) }
    }

    @Test("recordings list: Chinese headings line up over the same rows; the count line is Chinese; JSON is unchanged")
    func recordingsList() throws {
        let box = try Box()
        defer { box.remove() }
        let c = try box.context(.viewer)
        let en = RecordingsTool.list(c, from: "2026-03-04", to: nil, agent: nil, queue: nil, json: false, chinese: false).lines
        let zh = RecordingsTool.list(c, from: "2026-03-04", to: nil, agent: nil, queue: nil, json: false, chinese: true).lines
        #expect(en.first == "CALL    STARTED              SECONDS  QUEUE     AGENT   STATE      SCORE")
        #expect(zh.first == "呼叫    开始时间             秒数     队列      坐席    状态       评分")
        #expect(Array(zh.dropFirst().dropLast()) == Array(en.dropFirst().dropLast()), "the same rows")
        #expect(column(of: "状态", in: zh[0]) == column(of: "complete", in: zh[1]), "the state column lines up under its Chinese heading")
        #expect(en.last == "3 recording(s)" && zh.last == "录音 3 条")
        #expect(RecordingsTool.list(c, from: nil, to: nil, agent: nil, queue: nil, json: true, chinese: true)
                == RecordingsTool.list(c, from: nil, to: nil, agent: nil, queue: nil, json: true, chinese: false))
    }

    @Test("recordings info, review and export give their fixed words in Chinese, the data as it is")
    func recordingsInfoReviewExport() throws {
        let box = try Box()
        defer { box.remove() }
        let c = try box.context(.supervisor)
        let info = RecordingsTool.info(c, call: 2, json: false, chinese: true).lines
        #expect(info.first == "录音 2: \(box.directory)/rec/2.wav")
        #expect(info.contains("  质检评分 40/100: finding 2"))
        #expect(RecordingsTool.info(c, call: 2, json: false).lines.contains("  quality score 40/100: finding 2"))
        #expect(RecordingsTool.info(c, call: 9, json: false, chinese: true) == .init(["录音 9: 不存在"], status: 1))
        #expect(RecordingsTool.review(c, from: nil, to: nil, worst: 1, json: false, chinese: true).lines
                == ["2026-03-04 坐席 8001", "  呼叫 2: 评分 40 — finding 2"])
        #expect(RecordingsTool.review(c, from: nil, to: nil, worst: 1, json: false).lines
                == ["2026-03-04 agent 8001", "  call 2: score 40 — finding 2"])
        #expect(RecordingsTool.review(c, from: "2026-03-05", to: nil, worst: 1, json: false, chinese: true).lines == ["该时间段内没有已评分的录音"])
        #expect(RecordingsTool.export(c, call: 3, to: box.directory + "/3.wav", chinese: true).lines == ["录音 3 已导出到 \(box.directory)/3.wav"])
    }

    @Test("audit is a table with Chinese or English headings over the same rows, aligned; JSON is unchanged")
    func auditTable() throws {
        let box = try Box()
        defer { box.remove() }
        _ = RecordingsTool.export(try box.context(.supervisor), call: 2, to: box.directory + "/2.wav")
        let admin = try box.context(.admin)
        let en = AuditTool.list(admin, from: nil, to: nil, json: false).lines
        let zh = AuditTool.list(admin, from: nil, to: nil, json: false, chinese: true).lines
        #expect(en.first?.hasPrefix("TIME") == true && en.first?.contains("ACTION") == true, "\(en)")
        #expect(zh.first?.hasPrefix("时间") == true && zh.first?.contains("操作") == true, "\(zh)")
        #expect(en.count == 3 && zh.count == 3, "heading, one entry, count")
        #expect(en.last == "1 entry" && zh.last == "审计记录 1 条")
        #expect(column(of: "操作", in: zh[0]) == column(of: "export", in: zh[1]), "the action column lines up under its Chinese heading")
        #expect(column(of: "ACTION", in: en[0]) == column(of: "export", in: en[1]))
        #expect(column(of: "user-supervisor", in: zh[1]) == column(of: "user-supervisor", in: en[1]), "the same row in both")
        #expect(AuditTool.list(admin, from: nil, to: nil, json: true, chinese: true).lines == AuditTool.list(admin, from: nil, to: nil, json: true).lines)
        #expect(AuditTool.list(try box.context(.viewer), from: nil, to: nil, json: false, chinese: true).lines.first?.hasPrefix("审计: 权限不足") == true)
    }

    @Test("staffing: Chinese headings over the same figures, right-aligned by screen width")
    func staffingText() throws {
        var options = StaffingOptions()
        options.shrinkage = 0.3
        let report = try StaffingTool.run(options)
        let en = report.text(chinese: false), zh = report.text(chinese: true)
        #expect(en == report.text)
        #expect(en[1].contains("service level") && zh[1].contains("服务水平") && zh[1].contains("坐席数"))
        #expect(zh[0].hasPrefix("每小时 300 通, 平均处理 180 秒: 15.00 Erlang; 目标 20 秒内接听 80.0 %"))
        #expect(zh.count == en.count)
        let rows = en.count - 3
        func figures(_ row: String) -> [Substring] { row.split(separator: " ").filter { !["s", "秒", "<-", "needed", "所需"].contains($0) } }
        #expect(zip(en[2..<(2 + rows)], zh[2..<(2 + rows)]).allSatisfy { figures($0) == figures($1) }, "the same figures in every row")
        let plain = try #require(zh.first { !$0.contains("<-") && $0.hasPrefix("    ") })
        #expect(DisplayWidth.of(zh[1]) == DisplayWidth.of(plain), "the Chinese heading is as wide as a row")
        #expect(zh.last == "在线所需坐席: 19; 计入 30.0 % 缺勤损耗, 需排班: 28")
        #expect(en.last == "needed on the phones: 19; to schedule with 30.0 % shrinkage: 28")
    }

    @Test("config check: the problems and the summary are Chinese for a Chinese reader, each problem at the same FILE:LINE")
    func configCheckSummary() throws {
        let path = ConfigCheckToolTests.repository + "/config/kefu.toml"
        let en = ConfigCheckTool.run(path: path, unixSeconds: 1_780_315_200)
        let zh = ConfigCheckTool.run(path: path, unixSeconds: 1_780_315_200, chinese: true)
        #expect(zh.status == en.status && zh.lines.count == en.lines.count)
        let place = try #require(en.lines.first?.components(separatedBy: " warning: ").first)
        #expect(en.lines.first?.hasPrefix(place + " warning: prompt directory '") == true, "\(en.lines)")
        #expect(zh.lines.first?.hasPrefix(place + " 警告: 找不到提示音目录 '") == true, "\(zh.lines)")
        #expect(en.lines.last == "\(path): OK, 1 warning (2 line groups, 12 channels, 4 agents, 2 queues, 5 menus, 2 schedules, 39 calendar days)")
        #expect(zh.lines.last == "\(path): 正常, 警告 1 个 (线路组 2 个, 通道 12 个, 坐席 4 个, 队列 2 个, 菜单 5 个, 时间表 2 个, 日历日 39 个)")
    }
}
