import Config
import DSP
import Telephony
import Testing
import Tools
@testable import Setup

/// What a test call found becomes `[learned.N]` in kefu.toml: the table's
/// text reads back as the same findings, replaces the line's earlier table
/// (and nothing else), and the file still passes the config check.
@Suite struct LearnedSectionTests {
    static let base = SetupConfigText.merge(old: nil, plan: SetupConfigTextTests.plan)

    static func toneFindings() -> LineFindings {
        var f = LineFindings()
        f.disconnect = .tone(LearnedToneShape(frequencies: [480, 620], onMilliseconds: 497, offMilliseconds: 503, cycles: 4,
                                              level: Level(dBm0: -13), startSample: 0))
        f.callerID = .dtmf
        f.ringOnMilliseconds = 1000
        f.ringOffMilliseconds = 4000
        f.level = Level(dBm0: -18.4)
        f.noise = Level(dBm0: -71.6)
        return f
    }

    @Test func findingsBecomeATableThatReadsBackTheSame() throws {
        let learned = LearnedSection.learned(Self.toneFindings(), channel: 2, at: "2026-12-04 08:36", evidence: "/var/lib/kefu/lines/line-2-x")
        #expect(learned.tone == LearnedLine.Tone(frequencies: [480, 620], onMilliseconds: 500, offMilliseconds: 500), "cadence to 10 ms")
        #expect(learned.levelDBm0 == -18 && learned.noiseDBm0 == -72)
        let text = LearnedSection.merge(LearnedSection.text(learned), channel: 2, into: Self.base)
        let loaded = ConfigCheckTool.load(text: text, path: "/etc/kefu/kefu.toml", unixSeconds: now, checkPromptFiles: false)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { $0.text(chinese: false) })")
        var back = try #require(loaded.config.learned(2))
        back.line = 0
        #expect(back == learned)
        #expect(text.hasPrefix(Self.base), "the rest of the file is kept byte for byte")
    }

    @Test func aLineThatSendsNothingIsWrittenWithItsSilenceHangUp() throws {
        var f = LineFindings()
        f.disconnect = .none(quietMilliseconds: 15_000)
        let learned = LearnedSection.learned(f, channel: 1, at: "2026-12-04 09:00", evidence: nil)
        let table = LearnedSection.text(learned)
        #expect(table.contains("disconnect = \"none\""))
        #expect(table.contains("silence_hangup = 30  # seconds"))
        let loaded = ConfigCheckTool.load(text: LearnedSection.merge(table, channel: 1, into: Self.base), path: "kefu.toml",
                                          unixSeconds: now, checkPromptFiles: false)
        #expect(try #require(loaded.config.learned(1)).silenceHangUp == 30_000)
    }

    @Test func learningALineAgainReplacesOnlyItsOwnTable() {
        let one = LearnedSection.text(LearnedSection.learned(Self.toneFindings(), channel: 1, at: "a", evidence: nil))
        var loop = LineFindings()
        loop.disconnect = .loopDrop(milliseconds: 600)
        let nine = LearnedSection.text(LearnedSection.learned(loop, channel: 9, at: "b", evidence: nil))
        let both = LearnedSection.merge(nine, channel: 9, into: LearnedSection.merge(one, channel: 1, into: Self.base + "\n# kept\n"))
        var quiet = LineFindings()
        quiet.disconnect = .none(quietMilliseconds: 15_000)
        let again = LearnedSection.merge(LearnedSection.text(LearnedSection.learned(quiet, channel: 1, at: "c", evidence: nil)), channel: 1, into: both)
        #expect(again.components(separatedBy: "[learned.1]").count == 2, "one table for line 1")
        #expect(!again.contains("480+620"), "line 1's old tone is gone")
        #expect(again.contains(nine), "line 9's table is untouched")
        #expect(again.contains("# kept"))
        let loaded = ConfigLoader.load(again, file: "kefu.toml")
        #expect(loaded.diagnostics.errors.isEmpty, "\(loaded.diagnostics.errors)")
        #expect(loaded.config.learned(1)?.disconnect == LearnedLine.Disconnect.none)
        #expect(loaded.config.learned(9)?.loopDropMilliseconds == 600)
    }
}
