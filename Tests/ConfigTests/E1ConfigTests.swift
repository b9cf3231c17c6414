import Config
import Foundation
import Testing

/// E1 line groups: framing and signalling settings, and the DNIS table that
/// sends each hotline number to its menu.
@Suite struct E1ConfigTests {
    static let pri = minimalConfig + """

    [menus.sales]
    prompt = "welcome"
    [menus.sales.keys]
    1 = "queue sales"

    [lines.e1]
    signalling = "e1-pri"
    span = 2
    channels = "32-46, 48-62"
    d_channel = 47
    switch_type = "qsig"
    line_code = "hdb3"
    crc4 = false
    own_number = "4008001234"
    menu = "main"
    [lines.e1.dnis]
    "4008001234" = "main"
    "4008005678" = "sales"
    """

    @Test("an e1-pri group reads its D channel, switch type, line settings and DNIS table")
    func priGroupReadsItsSettings() throws {
        let result = load(Self.pri)
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let group = try #require(result.config.lineGroup("e1"))
        let e1 = try #require(group.e1)
        #expect(group.channels.count == 30 && group.isE1)
        #expect(e1.framing == .ccs && e1.lineCode == .hdb3 && !e1.crc4)
        #expect(e1.dChannel?.value == 47 && e1.switchType == .qsig && e1.priSide == .cpe)
        #expect(e1.ownNumber?.value == "4008001234")
        #expect(e1.menu(forDNIS: "4008005678") == "sales")
        #expect(e1.menu(forDNIS: "4008009999") == nil, "an unlisted number takes the group's menu")
        #expect(result.config.lineGroup("pstn")?.e1 == nil)
    }

    @Test("an e1-r2 group is CAS-framed and reads its R2 variant and digit counts")
    func r2GroupReadsItsSettings() throws {
        let text = minimalConfig + "\n[lines.r2]\nsignalling = \"e1-r2\"\nchannels = \"33-47\"\nr2_variant = \"cn\"\ndnis_digits = 8\nani_digits = 11\nmenu = \"main\"\n"
        let result = load(text)
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let e1 = try #require(result.config.lineGroup("r2")?.e1)
        #expect(e1.framing == .cas && e1.r2Variant == .cn && e1.dnisDigits == 8 && e1.aniDigits == 11)
    }

    @Test("an e1-r2 group takes an absolute openr2 protocol file; a relative one is refused with the reason")
    func r2ProtocolFileMustBeAbsolute() throws {
        let base = minimalConfig + "\n[lines.r2]\nsignalling = \"e1-r2\"\nchannels = \"33-47\"\nmenu = \"main\"\n"
        let good = load(base + "r2_protocol_file = \"/etc/kefu/r2-cn.conf\"\n")
        #expect(good.diagnostics.errors.isEmpty, "\(good.diagnostics.errors)")
        #expect(good.config.lineGroup("r2")?.e1?.r2ProtocolFile?.value == "/etc/kefu/r2-cn.conf")
        #expect(load(base).config.lineGroup("r2")?.e1?.r2ProtocolFile == nil)
        #expect(errors(base + "r2_protocol_file = \"r2-cn.conf\"\n") == [
            "27: 'r2_protocol_file' in [lines.r2] must be an absolute path to an openr2 protocol file, not 'r2-cn.conf'",
        ])
    }

    @Test("a PRI group without a D channel, or with the D channel among its bearers, is refused")
    func priNeedsItsDChannelApart() {
        let base = minimalConfig + "\n[lines.e1]\nsignalling = \"e1-pri\"\nchannels = \"32-46\"\nmenu = \"main\"\n"
        #expect(errors(base) == ["23: [lines.e1] needs 'd_channel' (the DAHDI channel of the span's D channel, timeslot 16, e.g. 16)"])
        #expect(errors(base + "d_channel = 40\n") == [
            "27: 'd_channel' 40 in [lines.e1] is also one of its 'channels': the D channel carries signalling, not calls",
        ])
    }

    @Test("framing must fit the signalling, and each kind's keys stay on that kind")
    func wrongFramingAndForeignKeysAreErrors() {
        let text = minimalConfig + "\n[lines.r2]\nsignalling = \"e1-r2\"\nchannels = \"33-47\"\nframing = \"ccs\"\nd_channel = 16\nmenu = \"main\"\n"
        #expect(errors(text) == [
            "23: 'framing' in [lines.r2] is \"ccs\", but e1-r2 needs \"cas\"",
            "23: 'd_channel' in [lines.r2]: only e1-pri line groups take it (this group is e1-r2)",
        ])
        let analog = minimalConfig.replacingOccurrences(of: "channels = \"1-4\"\n", with: "channels = \"1-4\"\ncrc4 = true\n")
        #expect(errors(analog) == ["4: 'crc4' in [lines.pstn]: only E1 line groups (signalling \"e1-r2\" or \"e1-pri\") take it"])
    }

    @Test("a DNIS table names real menus with digit-only numbers; a bad entry names the number and the reason")
    func dnisTableIsChecked() {
        let text = Self.pri.replacingOccurrences(of: "\"4008005678\" = \"sales\"", with: "\"4008005678\" = \"sale\"\n\"400-800\" = \"main\"")
        #expect(errors(text) == [
            "40: [lines.e1.dnis] 4008005678: no menu 'sale' (did you mean 'sales'?) (defined: main, sales)",
            "41: '400-800' in [lines.e1.dnis] is not a called number (1 to 20 digits)",
        ])
    }

    @Test("an E1 group without a menu but with a DNIS table warns that other numbers are refused")
    func dnisOnlyGroupWarns() {
        let text = Self.pri.replacingOccurrences(of: "menu = \"main\"\n[lines.e1.dnis]", with: "[lines.e1.dnis]")
        #expect(warnings(text).contains("28: [lines.e1] has no 'menu': calls to numbers not in [lines.e1.dnis] will be refused"))
    }

    @Test("every E1 diagnostic has a Chinese text")
    func e1DiagnosticsAreBilingual() {
        let text = minimalConfig + "\n[lines.r2]\nsignalling = \"e1-r2\"\nchannels = \"1-40\"\nframing = \"ccs\"\nd_channel = 16\nown_number = \"x\"\n[lines.r2.dnis]\n\"a\" = 1\n"
        let all = load(text).diagnostics.errors
        #expect(all.count >= 5)
        for d in all { #expect(!d.chinese.isEmpty && d.chinese != d.message && d.chinese.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(d.message)") }
    }
}
