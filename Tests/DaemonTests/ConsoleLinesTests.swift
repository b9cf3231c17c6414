import Foundation
import Testing
import Accounts
import Console
import KefuDaemon
import Records
import Storage

/// `kefu calls show` says why the line was released; `kefu lines` counts
/// each analog line's calls, hang-up reasons and digits, and warns when
/// calls end by waiting (a missed hang-up signal).
@Suite struct ConsoleLinesTests {
    let viewer = Operator(name: "guest", role: .viewer)

    /// A center that has not run (no simulated calls), and its database.
    func quietCenter() throws -> (ConsoleService, CallStore, Int64, () -> Void) {
        let options = SimulatedCenterTests.options(config: SimulatedCenterTests.exampleConfig)
        let center = try SimulatedCenterTests.center(options, seconds: 0)
        let service = try ConsoleService(center: center)
        let store = try CallStore(path: center.dataDirectory + "/kefu.db")
        return (service, store, options.clockAtStart!.seconds * 1000, { try? FileManager.default.removeItem(atPath: options.dataDirectory!) })
    }

    func call(_ id: Int64, line: Int, at: Int64, _ release: ReleaseReason, keys: Int = 0, falseDigits: Int = 0) -> StoreItem {
        var c = CallDetail(callID: id, line: line, arrived: at)
        c.answered = at + 2_000
        c.ended = at + 60_000
        c.endReason = "caller-busy-tone"
        c.release = release
        return .callFinished(c, telemetry: CallTelemetry(dtmfKeys: keys, falseDigitSuspects: falseDigits))
    }

    @Test func callsShowSaysWhyTheLineWasReleasedInBothLanguagesAndJSON() throws {
        let (service, store, start, cleanUp) = try quietCenter()
        defer { cleanUp() }
        try store.write([call(9001, line: 2, at: start + 1_000, .tone("busy", hertz: 450, on: 352, off: 352, cycles: 2))])
        let english = service.run(ConsoleRequest(arguments: ["calls", "show", "9001"]), as: viewer)
        #expect(english.lines.contains("  released: busy tone 450 Hz, 2 cadences of 352/352 ms [caller's line]"), "\(english.lines)")
        let chinese = service.run(ConsoleRequest(arguments: ["calls", "show", "9001"], language: .chinese), as: viewer)
        #expect(chinese.lines.contains("  释放原因: 忙音 450 Hz, 2 个周期 352/352 毫秒 [来电方线路]"), "\(chinese.lines)")
        let json = service.run(ConsoleRequest(arguments: ["calls", "show", "9001"], json: true), as: viewer)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(json.lines[0].utf8)) as? [String: Any])
        #expect(row["release_kind"] as? String == "busy-tone")
        #expect(row["release_side"] as? String == "line")
        #expect(row["release_hz"] as? Int == 450)
        #expect(row["release_on_ms"] as? Int == 352 && row["release_off_ms"] as? Int == 352)
        #expect(row["release_count"] as? Int == 2)
        #expect(row["release"] as? String == "busy tone 450 Hz, 2 cadences of 352/352 ms")
    }

    @Test func linesCountCallsHangUpsAndDigitsPerLineAndWarnWhenCallsEndByWaiting() throws {
        let (service, store, start, cleanUp) = try quietCenter()
        defer { cleanUp() }
        let busy = ReleaseReason.tone("busy", hertz: 450, on: 350, off: 350, cycles: 2)
        let timeout = ReleaseReason(.timeout, detail: "menu:main", milliseconds: 5_000, count: 3)
        var items: [StoreItem] = []
        // Line 1: one call this morning before kefud started, nine since; two end by waiting.
        items.append(call(1, line: 1, at: start - 3_600_000, busy, keys: 4))
        for i in 2...8 { items.append(call(Int64(i), line: 1, at: start + Int64(i) * 1_000, busy, keys: 3, falseDigits: i == 5 ? 1 : 0)) }
        items.append(call(9, line: 1, at: start + 9_000, timeout))
        items.append(call(10, line: 1, at: start + 10_000, ReleaseReason(.maxLength, milliseconds: 3_600_000)))
        // Line 2: one timeout among ten calls: below the threshold.
        for i in 11...19 { items.append(call(Int64(i), line: 2, at: start + Int64(i) * 1_000, ReleaseReason(.loopDrop, detail: "restored", milliseconds: 600))) }
        items.append(call(20, line: 2, at: start + 20_000, timeout))
        // Yesterday: counted nowhere.
        items.append(call(21, line: 1, at: start - 86_400_000, timeout))
        try store.write(items)

        let text = service.run(ConsoleRequest(arguments: ["lines"]), as: viewer)
        #expect(text.status == 0, "\(text.errors)")
        let lines = text.lines
        #expect(lines.contains("line 1 (pstn): 9 call(s) since start, 10 today; learned: not characterised"), "\(lines)")
        #expect(lines.contains("  hang-ups today: busy-tone 8, max-length 1, timeout 1"), "\(lines)")
        #expect(lines.contains("  DTMF digits today 25, false-digit suspects 1"), "\(lines)")
        #expect(lines.contains("  WARNING: 2 of 10 calls today ended by a timeout or the longest call: the line's hang-up signal may be missed"
            + " (kefu setup learn 1 learns it)"), "\(lines)")
        #expect(lines.contains("line 2 (pstn): 10 call(s) since start, 10 today; learned: not characterised"))
        #expect(lines.contains("  hang-ups today: loop-drop 9, timeout 1"))
        #expect(lines.filter { $0.contains("WARNING") }.count == 1, "one timeout in ten is below the threshold")
        #expect(lines.contains("line 3 (pstn): 0 call(s) since start, 0 today; learned: not characterised"))
        #expect(lines.filter { $0.hasPrefix("line ") }.count == 8, "every fxo line of the example config")

        let chinese = service.run(ConsoleRequest(arguments: ["lines"], language: .chinese), as: viewer).lines
        #expect(chinese.contains("外线 1 (pstn): 启动以来 9 通, 今日 10 通; 线路特性: 尚未测定"), "\(chinese)")
        #expect(chinese.contains { $0.hasPrefix("  警告: 今日 10 通中有 2 通因超时或达到最长时长结束") })

        let json = service.run(ConsoleRequest(arguments: ["lines"], json: true), as: viewer)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(json.lines[0].utf8)) as? [String: Any])
        #expect(first["line"] as? Int == 1 && first["calls_today"] as? Int == 10 && first["calls_since_start"] as? Int == 9)
        #expect(first["hangups_today"] as? String == "busy-tone=8,max-length=1,timeout=1")
        #expect(first["ended_by_waiting_today"] as? Int == 2)
        #expect(first["learned"] as? String == "not characterised")
        #expect((first["warning"] as? String)?.contains("hang-up signal may be missed") == true)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(json.lines[1].utf8)) as? [String: Any])
        #expect(second["warning"] is NSNull)
    }

    @Test func linesShowWhatWasLearnedAndWarnWhenCallsEndByAnotherSignal() throws {
        let path = try ConfigApplyTests().copyOfExampleConfig()
        try (try String(contentsOfFile: path, encoding: .utf8) + """

            [learned.1]
            disconnect = "tone"
            tone = "450 350/350"
            caller_id = "fsk"
            learned_at = "2026-12-04 08:36"
            [learned.2]
            disconnect = "none"
            silence_hangup = 20
            [learned.3]
            disconnect = "loop-drop"
            loop_drop_ms = 600
            """).write(toFile: path, atomically: true, encoding: .utf8)
        let options = SimulatedCenterTests.options(config: path)
        defer { try? FileManager.default.removeItem(atPath: options.dataDirectory!) }
        let center = try SimulatedCenterTests.center(options, seconds: 0)
        let service = try ConsoleService(center: center)
        let store = try CallStore(path: center.dataDirectory + "/kefu.db")
        let start = options.clockAtStart!.seconds * 1000
        let drop = ReleaseReason(.loopDrop, detail: "restored", milliseconds: 600)
        let quiet = ReleaseReason(.quietLine, milliseconds: 20_000)
        var items: [StoreItem] = []
        // Line 1 learned a busy tone, but three of four calls today ended by loop drop.
        for i in 1...3 { items.append(call(Int64(i), line: 1, at: start + Int64(i) * 1_000, drop)) }
        items.append(call(4, line: 1, at: start + 4_000, .tone("busy", hertz: 450, on: 350, off: 350, cycles: 2)))
        // Line 2 sends nothing and its calls end by quiet, as learned; line 3's by loop drop, as learned, one by quiet.
        for i in 5...6 { items.append(call(Int64(i), line: 2, at: start + Int64(i) * 1_000, quiet)) }
        for i in 7...9 { items.append(call(Int64(i), line: 3, at: start + Int64(i) * 1_000, drop)) }
        items.append(call(10, line: 3, at: start + 10_000, quiet))
        try store.write(items)

        let lines = service.run(ConsoleRequest(arguments: ["lines"]), as: viewer).lines
        #expect(lines.contains("line 1 (pstn): 4 call(s) since start, 4 today; learned: hang-up tone 450 350/350 ms, caller ID fsk, learned 2026-12-04 08:36"),
                "\(lines)")
        #expect(lines.contains("  WARNING: calls today end by loop-drop 3, not by the learned busy-tone: the exchange may have changed; run kefu setup learn 1 again"))
        #expect(lines.contains("line 2 (pstn): 2 call(s) since start, 2 today; learned: sends no hang-up signal (released after 20 s of quiet)"))
        #expect(lines.contains("line 3 (pstn): 4 call(s) since start, 4 today; learned: loop current drop (600 ms)"))
        #expect(lines.filter { $0.contains("WARNING") }.count == 1, "lines 2 and 3 end as learned (one other ending is below the threshold)")
        let chinese = service.run(ConsoleRequest(arguments: ["lines"], language: .chinese), as: viewer).lines
        #expect(chinese.contains("外线 1 (pstn): 启动以来 4 通, 今日 4 通; 线路特性: 挂机音 450 350/350 毫秒, 来电显示 fsk, 测定于 2026-12-04 08:36"), "\(chinese)")
        #expect(chinese.contains("  警告: 今日通话以 loop-drop 3 结束, 而不是学习到的 busy-tone: 交换机可能已改变; 请重新运行 kefu setup learn 1"))
        #expect(chinese.contains("外线 2 (pstn): 启动以来 2 通, 今日 2 通; 线路特性: 不发挂机信号 (静默 20 秒后释放)"))
        let json = service.run(ConsoleRequest(arguments: ["lines"], json: true), as: viewer)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(json.lines[0].utf8)) as? [String: Any])
        #expect(first["learned_disconnect"] as? String == "tone")
        #expect((first["warning"] as? String)?.contains("not by the learned busy-tone") == true)
    }
}
