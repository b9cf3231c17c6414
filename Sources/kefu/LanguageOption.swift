import ArgumentParser
import Console

#if canImport(Glibc)
import Glibc
#endif

/// `--lang en|zh` for the offline commands that print text for people;
/// without it the locale decides (LC_ALL, LC_MESSAGES or LANG starting
/// with zh is Chinese), as for the console.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of the text: en or zh (default: from the locale, LANG).") var lang: String?

    func validate() throws {
        if let lang, ConsoleLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be en or zh") }
    }

    var language: ConsoleLanguage {
        if let lang, let chosen = ConsoleLanguage(rawValue: lang) { return chosen }
        var environment: [String: String] = [:]
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        return ConsoleSettings(environment: environment).language
    }

    var chinese: Bool { language == .chinese }
}
