/// The parts of a config as messages name them, in both languages.
extension Bilingual {
    static let agent = Bilingual("agent", "坐席")
    static let queue = Bilingual("queue", "队列")
    static let menu = Bilingual("menu", "菜单")
    static let schedule = Bilingual("schedule", "时间表")
    static let survey = Bilingual("survey", "满意度调查")
    static let lineGroup = Bilingual("line group", "线路组")
    static let language = Bilingual("language", "语言")
}
