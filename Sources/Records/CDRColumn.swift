/// The columns of a CDR export, in file order, with their header titles.
public enum CDRColumn: Int, CaseIterable, Sendable {
    case callID, arrived, callerNumber, callerName, queue, agent, waitSeconds, talkSeconds,
         endReason, surveyScore, menuPath, collectedData, recording

    /// The language of the header row.
    public enum Language: Sendable, Equatable {
        case english
        /// Simplified Chinese (zh-CN), for the center's staff.
        case chinese
    }

    /// The column's header title.
    public func title(_ language: Language) -> String {
        switch language {
        case .english: Self.english[rawValue]
        case .chinese: Self.chinese[rawValue]
        }
    }

    private static let english = [
        "Call ID", "Arrived", "Caller number", "Caller name", "Queue", "Agent", "Wait (s)", "Talk (s)",
        "End reason", "Survey score", "Menu path", "Collected data", "Recording",
    ]
    private static let chinese = [
        "呼叫编号", "来电时间", "主叫号码", "主叫姓名", "队列", "坐席", "等待(秒)", "通话(秒)",
        "结束原因", "满意度", "菜单路径", "按键数据", "录音文件",
    ]
}
