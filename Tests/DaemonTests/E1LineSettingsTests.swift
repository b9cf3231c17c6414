import Testing
import Channels
import Config
import KefuDaemon
import SimChannels

/// An E1 group's framing, line code and CRC-4 against what the driver runs
/// its span with: a difference is reported at start and in the status.
@Suite struct E1LineSettingsTests {
    static let text = """
        [system]
        languages = ["zh"]

        [lines.r2]
        signalling = "e1-r2"
        span = 1
        channels = "1-2"
        framing = "cas"
        line_code = "hdb3"
        crc4 = false
        menu = "main"

        [menus.main]
        prompt = "greeting"
        [menus.main.keys]
        9 = "hangup"
        """

    func group() throws -> (KefuConfig, LineGroup) {
        let config = ConfigLoader.load(Self.text, file: "e1.toml").config
        return (config, try #require(config.lines.first { $0.name == "r2" }))
    }

    @Test func aSpanRunningOtherSettingsIsReportedAtStartAndInTheStatus() throws {
        let (config, group) = try group()
        let board = SimBoard(lineNumbers: [1, 2], phoneNumbers: [5])
        let running = SpanLine(framing: "ccs", lineCode: "hdb3", crc4: true)
        board.setLine(SpanID(1), running)
        #expect(E1LineSettings.verdict(group, span: board.spans().first) == .differs(running))
        let lines = E1LineSettings.startUpLines(config, card: board)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("[lines.r2] span 1 runs ccs/hdb3/crc4, the config says cas/hdb3") == true)
        #expect(E1LineSettings.status(group, card: board, spans: board.spans(), language: .english) == "cas/hdb3 (SPAN RUNS ccs/hdb3/crc4)")
        #expect(E1LineSettings.status(group, card: board, spans: board.spans(), language: .chinese) == "cas/hdb3 (span 实际为 ccs/hdb3/crc4)")
    }

    @Test func agreeingSettingsNeedNoWordAtStart() throws {
        let (config, group) = try group()
        let board = SimBoard(lineNumbers: [1, 2], phoneNumbers: [5])
        board.setLine(SpanID(1), SpanLine(framing: "cas", lineCode: "hdb3", crc4: false))
        #expect(E1LineSettings.startUpLines(config, card: board).isEmpty)
        #expect(E1LineSettings.status(group, card: board, spans: board.spans(), language: .english) == "cas/hdb3")
    }

    @Test func aSpanReportingNoSettingsIsSaidToBeUncheckedNotWrong() throws {
        let (config, group) = try group()
        let board = SimBoard(lineNumbers: [1, 2], phoneNumbers: [5])
        #expect(E1LineSettings.verdict(group, span: board.spans().first) == .notReported)
        #expect(E1LineSettings.startUpLines(config, card: board)
                == ["[lines.r2] the driver reports no line settings for span 1 (a dynamic span, or no span= line): cas/hdb3 not checked"])
        #expect(E1LineSettings.status(group, card: board, spans: board.spans(), language: .english) == "cas/hdb3 (not reported by the driver)")
    }

    @Test func aCRC4DifferenceAloneIsADifference() throws {
        let (_, group) = try group()
        let span = SpanInfo(span: SpanID(1), name: "TE2/0/1", channelCount: 31, line: SpanLine(framing: "cas", lineCode: "hdb3", crc4: true))
        #expect(E1LineSettings.verdict(group, span: span) == .differs(SpanLine(framing: "cas", lineCode: "hdb3", crc4: true)))
    }
}
