import Testing
import IVR

/// Numbers said from recorded fragments, in Mandarin and English.
@Suite struct SpokenNumberTests {
    @Test(arguments: [
        (0, "0"), (5, "5"), (10, "10"), (12, "10 2"), (20, "2 10"), (25, "2 10 5"),
        (100, "1 100"), (101, "1 100 0 1"), (110, "1 100 1 10"), (120, "1 100 2 10"),
        (200, "liang 100"), (1005, "1 1000 0 5"), (1050, "1 1000 0 5 10"), (2000, "liang 1000"),
        (10010, "1 10000 0 1 10"), (25000, "liang 10000 5 1000"), (30201, "3 10000 0 liang 100 0 1"),
    ])
    func mandarinNumbersFollowTheSpokenForm(_ n: Int, _ expected: String) {
        #expect(SpokenNumber.fragments(n, language: "zh").joined(separator: " ") == expected)
    }

    @Test(arguments: [
        (0, "0"), (13, "13"), (21, "20 1"), (40, "40"), (100, "1 hundred"), (115, "1 hundred 15"),
        (1000, "1 thousand"), (2345, "2 thousand 3 hundred 40 5"), (99999, "90 9 thousand 9 hundred 90 9"),
    ])
    func englishNumbersFollowTheSpokenForm(_ n: Int, _ expected: String) {
        #expect(SpokenNumber.fragments(n, language: "en").joined(separator: " ") == expected)
    }

    @Test func outOfRangeNumbersAreClamped() {
        #expect(SpokenNumber.fragments(-3, language: "en") == ["0"])
        #expect(SpokenNumber.fragments(1_000_000, language: "zh") == SpokenNumber.fragments(99_999, language: "zh"))
    }

    @Test func positionAndWaitWrapTheNumberInTheirPhrases() {
        #expect(SpokenNumber.position(3, language: "zh") == ["position-before", "3", "position-after"])
        #expect(SpokenNumber.position(1, language: "en") == ["position-before", "1", "position-after-one"])
        #expect(SpokenNumber.wait(minutes: 0, language: "en") == ["wait-before", "1", "wait-after-one"])
        #expect(SpokenNumber.wait(minutes: 12, language: "zh") == ["wait-before", "10", "2", "wait-after"])
    }
}
