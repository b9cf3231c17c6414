/// The recorded fragments queue announcements are said from ("您前面还有
/// 三 位", "the expected wait is two minutes"): per language, the numbers'
/// pieces and the words around them. Needed when a queue has
/// `announce_position = true`; without them kefud skips the announcements
/// and says so.
public enum AnnouncementPrompts {
    /// Fragment names for a language: Mandarin 0–9, 十 百 千 万 and 两;
    /// other languages the English set (0–19, the tens, hundred, thousand).
    public static func names(language: String) -> [String] {
        let numbers: [String]
        if language == "zh" {
            numbers = (0...9).map(String.init) + ["10", "100", "1000", "10000", "liang"]
            return numbers + ["position-before", "position-after", "wait-before", "wait-after"]
        }
        numbers = (0...19).map(String.init) + stride(from: 20, through: 90, by: 10).map(String.init) + ["hundred", "thousand"]
        return numbers + ["position-before", "position-after", "position-after-one", "wait-before", "wait-after", "wait-after-one"]
    }

    /// The files (`zh/3.wav`) a config needs for announcements, in language order.
    public static func files(_ config: KefuConfig) -> [String] {
        guard config.queues.contains(where: \.announcePosition) else { return [] }
        return config.system.languages.flatMap { language in
            names(language: language).map { ConfigLoader.promptFile($0, language: language) }
        }
    }
}
