import Testing
import Config

/// The box's own calls: number patterns, caps, line share, and the checks
/// that a callback can be placed at all.
@Suite struct OutboundConfigTests {
    @Test("patterns: a digit is itself, X any digit, Z 1-9, N 2-9, [..] a set or range, a final '.' one or more digits")
    func numberPatternsMatchWholeNumbers() throws {
        let mobile = try NumberPattern("1[3-9]XXXXXXXXX")
        #expect(mobile.matches("13800138000"))
        #expect(!mobile.matches("12800138000"), "1 then 2 is not a mobile prefix")
        #expect(!mobile.matches("1380013800"), "one digit short")
        #expect(!mobile.matches("138001380001"), "one digit long")
        let area = try NumberPattern("_0Z.")
        #expect(area.matches("02088886666") && area.matches("0755123"))
        #expect(!area.matches("0") && !area.matches("00852123"), "a rest needs at least one digit; 00 is not 0Z")
        #expect(try NumberPattern("N[135]X").matches("259") && !NumberPattern("N[135]X").matches("129"))
    }

    @Test("a broken pattern is an error naming the pattern and what is wrong")
    func brokenPatternsAreRefused() {
        let text = minimalConfig + "\n[outbound]\nallowed_numbers = [\"1[3-9\", \"1.3\", \"13A\"]\n"
        #expect(errors(text) == [
            "24: 'allowed_numbers' in [outbound]: pattern '1[3-9': '[' has no closing ']'",
            "24: 'allowed_numbers' in [outbound]: pattern '1.3': '.' (one or more digits) may only end the pattern",
            "24: 'allowed_numbers' in [outbound]: pattern '13A': 'A' is not a pattern character (digits, X, Z, N, [..], and a final '.')",
        ])
    }

    @Test("the default allows mainland mobiles, landlines with area code, local and 400/800 numbers, not international, service or short numbers")
    func defaultAllowsDomesticOnly() {
        let outbound = load(minimalConfig).config.outbound
        for number in ["13800138000", "19912345678", "02088886666", "075512345678", "88886666", "6123456", "4008001234"] {
            #expect(outbound.allows(number), "\(number)")
        }
        for number in ["0085212345678", "110", "12345", "95555", "10086", "40080012345", "1380013800"] {
            #expect(!outbound.allows(number), "\(number)")
        }
    }

    @Test("caps, prefix, line share and timings are read; a bad prefix and out-of-range values are named with their line")
    func outboundSettings() {
        let text = minimalConfig + "\n[outbound]\ndial_prefix = \"9w\"\nmax_per_hour = 5\nmax_per_day = 20\ncallback_line_percent = 50\nring_timeout = 30\nassume_answer_after = 8\n"
        let c = load(text).config.outbound
        #expect(load(text).diagnostics.errors.isEmpty)
        #expect(c.dialPrefix == "9w" && c.maxPerHour == 5 && c.maxPerDay == 20 && c.callbackLineShare == 0.5)
        #expect(c.ringTimeout == 30_000 && c.assumeAnswerAfter == 8_000)
        let bad = minimalConfig + "\n[outbound]\ndial_prefix = \"9-\"\ncallback_line_percent = 150\nmax_per_hour = 50\nmax_per_day = 10\n"
        #expect(errors(bad) == [
            "24: 'dial_prefix' in [outbound] may hold only digits, *, # and w (a pause), not '9-'",
            "25: 'callback_line_percent' in [outbound] must be between 0 and 100, not 150",
        ])
        #expect(warnings(bad).contains("26: max_per_hour (50) is more than max_per_day (10): the daily cap is reached first"))
    }

    @Test("a callback action without a line that may call out is an error at the action's line")
    func callbackNeedsAnOutboundLine() {
        let text = minimalConfig.replacingOccurrences(of: "menu = \"main\"", with: "menu = \"main\"\noutbound = false") + "\n2 = \"callback sales\"\n"
        #expect(errors(text) == ["24: [menus.main] key 2: a callback needs a line that may call out (a trunk group with outbound = true)"])
    }

    @Test("a dial action to a number the [outbound] patterns refuse is an error at its line")
    func dialNumberMustBeAllowed() {
        let text = minimalConfig + "\n2 = \"dial pstn 0085212345678\"\n"
        #expect(errors(text) == ["23: [menus.main] key 2: 0085212345678 matches no [outbound] allowed_numbers pattern, so it would never be dialled"])
        #expect(errors(minimalConfig + "\n2 = \"dial pstn 02088886666\"\n").isEmpty)
    }
}
