/// The fixed words of setup's text in the installer's language.
struct Words: Sendable {
    let chinese: Bool
    func callAsFunction(_ english: String, _ zh: String) -> String { chinese ? zh : english }
}
