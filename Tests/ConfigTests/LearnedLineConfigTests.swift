import Config
import Testing

/// `[learned.N]`: what line learning wrote for analog line N, read back and
/// checked like the rest of the config, in English and Chinese.
@Suite struct LearnedLineConfigTests {
    static let tone = minimalConfig + """

    [learned.1]
    disconnect = "tone"
    tone = "480+620 500/500"
    caller_id = "dtmf"
    ring = "1060/3940"
    level_dbm0 = -18
    noise_dbm0 = -70
    learned_at = "2026-12-04 08:36"
    evidence = "/var/lib/kefu/lines/line-1-20261204083608"
    """

    @Test("a learned line reads its tone, caller ID, ring cadence, levels and evidence")
    func learnedToneLineReadsEveryFigure() throws {
        let result = load(Self.tone)
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let l = try #require(result.config.learned(1))
        #expect(l.disconnect == .tone)
        #expect(l.tone == LearnedLine.Tone(frequencies: [480, 620], onMilliseconds: 500, offMilliseconds: 500))
        #expect(l.callerID == .dtmf && l.ringOnMilliseconds == 1060 && l.ringOffMilliseconds == 3940)
        #expect(l.levelDBm0 == -18 && l.noiseDBm0 == -70)
        #expect(l.evidence == "/var/lib/kefu/lines/line-1-20261204083608")
        #expect(l.silenceHangUp == nil, "a line with a hang-up tone is not released for quiet")
        #expect(l.quietBelowDBm0 == -76, "quiet is 6 dB under the learned noise floor")
        #expect(result.config.learned(2) == nil)
    }

    @Test("a line that sends nothing is released after 30 s of quiet unless silence_hangup says otherwise")
    func silentLineGetsTheDefaultSilenceHangUp() throws {
        let none = minimalConfig + "\n[learned.2]\ndisconnect = \"none\"\n"
        #expect(try #require(load(none).config.learned(2)).silenceHangUp == 30_000)
        #expect(try #require(load(none + "silence_hangup = 12\n").config.learned(2)).silenceHangUp == 12_000)
        #expect(try #require(load(none).config.learned(2)).quietBelowDBm0 == -65, "no noise floor learned: -65 dBm0")
        let loud = none + "noise_dbm0 = -30\n"
        #expect(try #require(load(loud).config.learned(2)).quietBelowDBm0 == -50, "quiet never sits above -50 dBm0")
    }

    @Test("a continuous tone and a loop drop read back as written")
    func continuousToneAndLoopDropRead() throws {
        let text = minimalConfig + """

        [learned.3]
        disconnect = "tone"
        tone = "425 continuous"
        [learned.4]
        disconnect = "loop-drop"
        loop_drop_ms = 600
        """
        let config = load(text).config
        #expect(try #require(config.learned(3)).tone == LearnedLine.Tone(frequencies: [425], onMilliseconds: nil, offMilliseconds: 0))
        #expect(try #require(config.learned(3)).tone?.text == "425 continuous")
        #expect(try #require(config.learned(4)).disconnect == .loopDrop)
        #expect(try #require(config.learned(4)).loopDropMilliseconds == 600)
    }

    @Test("a broken tone, ring or disconnect kind is an error at its line naming what is expected")
    func brokenValuesAreErrorsAtTheirLine() {
        let base = minimalConfig + "\n[learned.1]\n"  // [learned.1] is line 23
        #expect(errors(base + "disconnect = \"tone\"\ntone = \"loud\"\n") == [
            "25: 'tone' in [learned.1]: 'loud' is not FREQ[+FREQ] ON/OFF or FREQ continuous (e.g. \"450 350/350\")",
        ])
        #expect(errors(base + "disconnect = \"tone\"\nring = \"1000\"\n").contains(
            "25: 'ring' in [learned.1] is '1000': ring burst/pause in ms, e.g. \"1000/4000\""))
        #expect(errors(base + "disconnect = \"tone\"\n").contains { $0.contains("needs 'tone'") })
        #expect(errors(base + "disconnect = \"whistle\"\n").contains { $0.hasPrefix("24:") && $0.contains("loop-drop") })
        #expect(errors(base + "tone = \"450 350/350\"\n").contains { $0.contains("needs 'disconnect'") })
    }

    @Test("only analog lines (fxo) are learned: a phone port or an unknown channel is refused")
    func learnedSectionMustNameAnFXOLine() {
        #expect(errors(minimalConfig + "\n[learned.5]\ndisconnect = \"none\"\n") == [
            "23: [learned.5]: channel 5 is an fxs channel of [lines.phones]; only analog lines (fxo) are learned",
        ])
        #expect(errors(minimalConfig + "\n[learned.40]\ndisconnect = \"none\"\n") == [
            "23: [learned.40]: channel 40 is in no line group; only analog lines (fxo) are learned",
        ])
        #expect(errors(minimalConfig + "\n[learned.one]\ndisconnect = \"none\"\n") == [
            "23: [learned.one]: the name must be the line's channel number (1-1024)",
        ])
    }

    @Test("the learned-line diagnostics are also said in Chinese")
    func learnedDiagnosticsSpeakChinese() {
        let phone = load(minimalConfig + "\n[learned.5]\ndisconnect = \"none\"\n").diagnostics.errors.map(\.chinese)
        #expect(phone == ["[learned.5]：通道 5 是 [lines.phones] 的 fxs 通道；只有模拟外线（fxo）才能学习"])
        let tone = load(minimalConfig + "\n[learned.1]\ndisconnect = \"tone\"\ntone = \"loud\"\n").diagnostics.errors.map(\.chinese)
        #expect(tone.count == 1 && tone[0].hasPrefix("[learned.1] 中的 'tone'："))
        let ring = load(minimalConfig + "\n[learned.1]\ndisconnect = \"none\"\nring = \"x\"\n").diagnostics.errors.map(\.chinese)
        #expect(ring == ["[learned.1] 中的 'ring' 是 'x'：振铃 通/断 毫秒数，如 \"1000/4000\""])
    }
}
