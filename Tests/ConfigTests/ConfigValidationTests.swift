import Testing
import Telephony
@testable import Config

/// Config validation: every problem at once, each with its line and a reason.
@Suite struct ConfigValidationTests {
    @Test func shippedExampleConfigHasNoErrorsOrWarnings() throws {
        let result = ConfigLoader.load(try Repository.text("config/kefu.toml"), file: "config/kefu.toml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let config = result.config
        #expect(config.lines.map(\.channels.count) == [8, 4])
        #expect(config.agents.count == 4)
        #expect(config.queues.map(\.name) == ["sales", "support"])
        #expect(config.queues.allSatisfy { $0.survey?.value == "csat" })
        #expect(config.system.timeZone == .shanghai)
    }

    @Test func minimalConfigIsValidAndKeepsTypedValues() {
        let result = load(minimalConfig)
        #expect(result.isValid, "\(result.diagnostics)")
        let main = result.config.menu("main")
        #expect(main?.timeout == 5000)
        #expect(main?.retries == 2)
        #expect(main?.kind == .options([.one: Located(.queue("sales"), line: 22)]))
    }

    @Test func unknownKeyIsReportedWithLineAndSuggestion() {
        let text = minimalConfig.replacingOccurrences(of: "agents = [\"8001\"]", with: "agents = [\"8001\"]\nstratgy = \"ring-all\"")
        #expect(errors(text) == ["18: unknown key 'stratgy' in [queues.sales] (did you mean 'strategy'?)"])
    }

    @Test func unknownSectionIsReported() {
        #expect(errors(minimalConfig + "\n[queue.x]\na = 1\n") == ["23: unknown section [queue] (did you mean 'queues'?)"])
    }

    @Test func wrongTypesNameTheExpectedType() {
        let typed = minimalConfig.replacingOccurrences(of: "phone = 5", with: "phone = \"5\"")
            .replacingOccurrences(of: "prompt = \"welcome\"", with: "prompt = \"welcome\"\ntimeout = \"5\"\nbarge_in = 1")
        #expect(errors(typed) == [
            "14: 'phone' in [agents.8001] must be a whole number, not a string",
            "21: 'timeout' in [menus.main] must be a number of seconds, not a string",
            "22: 'barge_in' in [menus.main] must be true or false, not an integer",
        ])
    }

    @Test func menuOptionPointingToMissingQueueIsADanglingReference() {
        let text = minimalConfig + "\n2 = \"queue suport\"\n3 = \"menu nowhere\"\n4 = \"agent 9999\"\n5 = \"dial phones 88886666\"\n"
        #expect(errors(text) == [
            "23: [menus.main] key 2: no queue 'suport' (defined: sales)",
            "24: [menus.main] key 3: no menu 'nowhere' (defined: main)",
            "25: [menus.main] key 4: no agent '9999' (defined: 8001)",
            "26: [menus.main] key 5: [lines.phones] cannot call out (set outbound = true on a trunk group)",
        ])
    }

    @Test func misspelledReferenceSuggestsTheDefinedName() {
        let text = minimalConfig.replacingOccurrences(of: "menu = \"main\"", with: "menu = \"mian\"")
        #expect(errors(text) == ["7: [lines.pstn] menu: no menu 'mian' (did you mean 'main'?) (defined: main)"])
    }

    @Test func overlappingHoursAreAnErrorOnTheirLine() {
        let text = minimalConfig + """

        [schedules.day]
        weekdays = "09:00-12:00, 11:30-18:00"
        sat = "10:00-16:00"
        """
        #expect(errors(text) == ["24: 'weekdays' in [schedules.day]: hours 09:00-12:00 and 11:30-18:00 overlap"])
    }

    @Test func dayHoursSetTwiceNamesTheOtherKey() {
        let text = minimalConfig + "\n[schedules.day]\nweekdays = \"09:00-18:00\"\nmon = \"10:00-12:00\"\n"
        #expect(errors(text) == ["25: [schedules.day]: hours for mon are set twice ('weekdays' on line 24 and 'mon')"])
    }

    @Test func overlappingChannelsAndSharedPhonesAreReported() {
        let text = minimalConfig
            .replacingOccurrences(of: "channels = \"5-6\"", with: "channels = \"4-6\"")
            + "\n[agents.8002]\nphone = 5\n[agents.8003]\nphone = 9\n"
        #expect(errors(text) == [
            "11: channel 4 of [lines.phones] is also in [lines.pstn] (line 6)",
            "24: agent '8002': phone channel 5 is already the phone of agent '8001' (line 14)",
            "26: agent '8003' phone 9 is not a channel of a phone (fxs) line group ([lines.phones])",
        ])
    }

    @Test func missingRequiredKeysAreReportedAtTheTable() {
        let text = minimalConfig + "\n[menus.order]\ntype = \"collect\"\nprompt = \"x\"\n"
        #expect(errors(text) == [
            "23: [menus.order] needs 'store' (the call-data name the digits are saved as)",
            "23: [menus.order] needs 'next' (what happens after a valid entry)",
        ])
    }

    @Test func collectionRulesAreChecked() {
        let text = minimalConfig + """

        [menus.order]
        type = "collect"
        prompt = "x"
        store = "order"
        next = "repeat"
        min_digits = 8
        max_digits = 6
        terminator = "5"
        pattern = "[0-9"
        keys = { 1 = "hangup" }
        """
        let found = errors(text)
        #expect(found.count == 5, "\(found)")
        #expect(found.contains("27: [menus.order] next: 'repeat' is only for a menu key (here it would loop)"))
        #expect(found.contains("28: [menus.order]: min_digits (8) is more than max_digits (6)"))
        #expect(found.contains("30: 'terminator' in [menus.order] must be \"#\", \"*\" or \"none\", not '5'"))
        #expect(found.contains { $0.hasPrefix("31: 'pattern' in [menus.order] is not a valid regular expression") })
        #expect(found.contains("32: 'keys' in [menus.order] applies only to type = \"menu\" (this is \"collect\")"))
    }

    @Test func valuesOutOfRangeAndBadChoicesAreReported() {
        let text = minimalConfig.replacingOccurrences(of: "agents = [\"8001\"]", with: "agents = [\"8001\"]\nmax_wait = 5\nstrategy = \"longest_idle\"")
        #expect(errors(text) == [
            "18: 'max_wait' in [queues.sales] must be between 10 and 7200 seconds, not 5",
            "19: 'strategy' in [queues.sales] is 'longest_idle' (did you mean 'longest-idle'?); use one of: longest-idle, round-robin, ring-all, fewest-calls, least-talk-time, linear, random, skills-weighted",
        ])
    }

    @Test func timeZoneWithDaylightSavingIsRefused() {
        let text = minimalConfig.replacingOccurrences(of: "languages = [\"zh\", \"en\"]", with: "languages = [\"zh\", \"en\"]\ntimezone = \"America/New_York\"")
        #expect(errors(text).first?.hasPrefix("3: time zone 'America/New_York' is not known") == true)
        let fixed = minimalConfig.replacingOccurrences(of: "languages = [\"zh\", \"en\"]", with: "timezone = \"UTC+05:30\"")
        #expect(load(fixed).config.system.timeZone.seconds == 19800)
    }

    @Test func everyProblemIsReportedInOneRunInLineOrder() {
        let text = """
        [system]
        languages = ["zh"]
        colour = "blue"

        [lines.pstn]
        signalling = "fxo"
        channels = "1-x"
        menu = "main"

        [queues.sales]
        agents = ["nobody"]
        hours = "office"

        [menus.main]
        prompt = "welcome.wav"
        timeout = 09:00
        [menus.main.keys]
        1 = "queue sales"
        2 = "language en"
        """
        let found = load(text).diagnostics.errors
        #expect(found.map(\.line) == [3, 7, 11, 12, 12, 15, 16, 19])
        #expect(found.allSatisfy { $0.file == "kefu.toml" })
        #expect(found.map(\.description).first == "kefu.toml:3: error: unknown key 'colour' in [system]")
    }

    @Test func unusedPartsAreWarningsNotErrors() {
        let text = minimalConfig + "\n[menus.lost]\nprompt = \"x\"\n[menus.lost.keys]\n1 = \"hangup\"\n[schedules.spare]\nalways = true\n"
        #expect(errors(text).isEmpty)
        #expect(warnings(text) == [
            "23: [menus.lost] is never used (no line, key or action leads to it)",
            "27: [schedules.spare] is not used by any queue or menu",
        ])
    }

    @Test func queueHoursWithoutClosedActionIsAnError() {
        let text = minimalConfig.replacingOccurrences(of: "agents = [\"8001\"]", with: "agents = [\"8001\"]\nhours = \"day\"")
            + "\n[schedules.day]\nweekdays = \"09:00-18:00\"\n"
        #expect(errors(text) == ["18: [queues.sales] has 'hours' but no 'closed' action (what callers get when it is closed)"])
    }

    @Test func menuHoursWithoutClosedActionIsAnError() {
        let text = minimalConfig.replacingOccurrences(of: "prompt = \"welcome\"", with: "prompt = \"welcome\"\nhours = \"day\"")
            + "\n[schedules.day]\nweekdays = \"09:00-18:00\"\n"
        #expect(errors(text) == ["21: [menus.main] has 'hours' but no 'closed' action (what callers get when it is closed)"])
    }

    @Test func promptFilesMissingForALanguageAreErrorsAtTheirLine() {
        let config = load(minimalConfig).config
        let found = ConfigLoader.checkPrompts(config, files: ["zh/welcome.wav"])
        #expect(found.map(\.description) == ["kefu.toml:20: error: prompt 'welcome' has no file en/welcome.wav in the prompt directory 'prompts'"])
        #expect(ConfigLoader.checkPrompts(config, files: ["zh/welcome.wav", "en/welcome.wav"]).isEmpty)
    }

    @Test func calendarThatCannotBeReadIsReportedAtTheConfigLine() {
        let text = minimalConfig.replacingOccurrences(of: "languages = [\"zh\", \"en\"]", with: "holidays = [\"cn-2026.txt\", \"gone.txt\"]")
        let config = load(text).config
        let (calendar, found) = ConfigLoader.calendar(for: config, files: [
            "cn-2026.txt": .init(path: "/etc/kefu/cn-2026.txt", text: "2026-10-01 holiday National Day\n2026-10-05 workday oops\n"),
            "gone.txt": .init(path: "/etc/kefu/gone.txt", text: nil, failure: "No such file or directory"),
        ])
        #expect(calendar.days.count == 1)
        #expect(found.map(\.description) == [
            "/etc/kefu/cn-2026.txt:2: error: 2026-10-05 is a Monday: a make-up workday must be a Saturday or Sunday",
            "kefu.toml:2: error: holiday calendar 'gone.txt' cannot be read: No such file or directory",
        ])
    }

    @Test func calendarWithoutThisYearWarns() {
        let text = minimalConfig.replacingOccurrences(of: "languages = [\"zh\", \"en\"]", with: "holidays = [\"cn.txt\"]")
            + "\n[schedules.day]\nweekdays = \"09:00-18:00\"\n"
        let config = load(text).config
        let (calendar, _) = ConfigLoader.calendar(for: config, files: ["cn.txt": .init(path: "cn.txt", text: "2026-10-01 holiday x\n")])
        #expect(ConfigLoader.calendarCoverage(calendar, config: config, year: 2026).isEmpty)
        let found = ConfigLoader.calendarCoverage(calendar, config: config, year: 2027)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.hasPrefix("the holiday calendars have no entries for 2027 (they cover 2026)") == true)
    }

    @Test(arguments: [
        ("queue", "'queue': write it as 'queue NAME'"),
        ("dial pstn", "'dial pstn': write it as 'dial LINES NUMBER'"),
        ("jump main", "unknown action 'jump'; use one of: menu, queue, agent, dial, voicemail, callback, language, repeat, back, hangup"),
        ("hangpu", "unknown action 'hangpu' (did you mean 'hangup'?); use one of: menu, queue, agent, dial, voicemail, callback, language, repeat, back, hangup"),
    ])
    func actionSyntaxErrorsSayHowToWriteIt(_ text: String, _ message: String) {
        guard case .failure(let error) = MenuAction.parse(text) else { Issue.record("accepted '\(text)'"); return }
        #expect(error.message == message)
    }

    @Test func actionsParseFromTheirWords() throws {
        #expect(try MenuAction.parse("dial pstn 4008001234").get() == .dial(line: "pstn", number: "4008001234"))
        #expect(try MenuAction.parse("language en support").get() == .language("en", then: "support"))
        #expect(try MenuAction.parse("  back ").get() == .back)
    }
}
