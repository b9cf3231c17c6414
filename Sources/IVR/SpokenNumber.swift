/// Numbers, queue positions and waits said from recorded fragments.
///
/// A prompt set holds one short recording per fragment (per language
/// directory): Mandarin `0`…`9`, `10`, `100`, `1000`, `10000` and `liang`
/// (两, "two" before 百/千/万); English `0`…`19`, `20`…`90`, `hundred`,
/// `thousand`. `fragments` lists the files to play, in order.
public enum SpokenNumber {
    /// The largest number said.
    public static let maximum = 99_999

    /// Fragments for a whole number (0…99 999) in `language` ("zh" or "en").
    public static func fragments(_ n: Int, language: String) -> [String] {
        let n = min(max(n, 0), maximum)
        return language == "zh" ? mandarin(n) : english(n)
    }

    /// "您前面还有 N 位" / "there are N callers ahead of you".
    public static func position(_ ahead: Int, language: String) -> [String] {
        language == "zh"
            ? ["position-before"] + fragments(ahead, language: "zh") + ["position-after"]
            : ["position-before"] + fragments(ahead, language: "en") + [ahead == 1 ? "position-after-one" : "position-after"]
    }

    /// "预计等待 N 分钟" / "the expected wait is N minutes" (at least one minute).
    public static func wait(minutes: Int, language: String) -> [String] {
        let m = max(1, minutes)
        return ["wait-before"] + fragments(m, language: language) + [language != "zh" && m == 1 ? "wait-after-one" : "wait-after"]
    }

    // MARK: Mandarin: 万 千 百 十 with 零 for skipped places, 两 before 百/千/万.

    static func mandarin(_ n: Int) -> [String] {
        if n == 0 { return ["0"] }
        let places: [(value: Int, unit: String?)] = [(10_000, "10000"), (1000, "1000"), (100, "100"), (10, "10"), (1, nil)]
        var out: [String] = []
        var pendingZero = false
        var started = false
        for (value, unit) in places {
            let digit = (n / value) % 10
            if digit == 0 {
                if started { pendingZero = true }
                continue
            }
            if pendingZero { out.append("0"); pendingZero = false }
            switch (digit, unit) {
            case (1, "10") where !started:
                break  // 十二, not 一十二, when the number starts with its tens
            case (2, "100"?), (2, "1000"?), (2, "10000"?):
                out.append("liang")
            default:
                out.append(String(digit))
            }
            if let unit { out.append(unit) }
            started = true
        }
        return out
    }

    // MARK: English: words for 0–19 and the tens, then hundred and thousand.

    static func english(_ n: Int) -> [String] {
        if n < 20 { return [String(n)] }
        if n < 100 { return [String(n / 10 * 10)] + (n % 10 == 0 ? [] : [String(n % 10)]) }
        if n < 1000 { return english(n / 100) + ["hundred"] + (n % 100 == 0 ? [] : english(n % 100)) }
        return english(n / 1000) + ["thousand"] + (n % 1000 == 0 ? [] : english(n % 1000))
    }
}
