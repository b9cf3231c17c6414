import Console

/// The fixed words of the console's tables in the operator's language
/// (`LANG=zh_CN.UTF-8` or `--lang zh` gives Chinese). Data (names, states
/// as stored, numbers) stays as it is.
enum ConsoleText {
    static let chinese: [String: String] = [
        "AGENT": "坐席", "NAME": "姓名", "PHONE": "话机", "STATE": "状态", "FOR": "持续", "CALLS": "接听", "TALK": "通话",
        "QUEUE": "队列", "WAITING": "排队", "LONGEST": "最长等待", "AVAIL": "空闲", "WRAP": "整理", "PAUSED": "示忙",
        "OFFERED": "呼入", "ANSWERED": "接通", "ABANDON": "放弃", "SL": "服务水平",
        "LINES": "外线", "PHONES": "话机", "SPANS": "板卡 SPANS",
        "no calls in progress": "没有进行中的呼叫", "no callbacks waiting": "没有待回拨的预约", "no messages": "没有留言",
        "up": "已运行", "lines": "外线", "in use": "使用中", "phones": "话机", "agents logged in": "已签入坐席",
        "calls in progress": "进行中的呼叫", "finished since start": "启动以来已结束", "of": "/",
        "no messages for": "没有留言:", "unknown": "未知", "s": "秒",
        "ringing": "振铃中",
        "no notes or alarms": "没有提示或告警", "not handled by this kefud": "此 kefud 不处理该命令",
        "NOTES": "备注", "in progress": "进行中", "recorded": "有录音", "survey": "评分", "talked": "通话", "last": "最近",
        "agent": "坐席", "no agent": "无坐席",
    ]

    /// One of two texts made with data (`call-12 hung up` / `call-12 已挂断`).
    static func pick(_ language: ConsoleLanguage, _ english: String, _ chinese: String) -> String {
        language == .chinese ? chinese : english
    }

    static func t(_ english: String, _ language: ConsoleLanguage) -> String {
        language == .chinese ? chinese[english] ?? english : english
    }
}
