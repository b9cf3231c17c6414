import Records

/// Header titles of the report CSVs, in English and Simplified Chinese
/// (the center's staff read the Chinese ones).
enum ReportColumns {
    /// Titles of `columns`, pairs of (English, Chinese), in `language`.
    static func titles(_ columns: [(String, String)], _ language: CDRColumn.Language) -> [String] {
        columns.map { language == .english ? $0.0 : $0.1 }
    }

    static let totalLabel = ("Total", "合计")

    static let queue = [
        ("Queue", "队列"), ("Offered", "呼入"), ("Answered", "接通"), ("Abandoned", "放弃"),
        ("Short abandons", "短放弃"), ("Refused", "拒绝溢出"), ("Callbacks booked", "预约回电"), ("Callbacks reached", "回电接通"), ("Messages", "留言"), ("Service level %", "服务水平"),
        ("SL threshold (s)", "服务水平时限(秒)"), ("ASA (s)", "平均应答速度(秒)"),
        ("Avg abandon wait (s)", "平均放弃等待(秒)"), ("Longest wait (s)", "最长等待(秒)"),
        ("AHT (s)", "平均处理时长(秒)"), ("CSAT %", "满意度"), ("DSAT %", "不满意度"),
        ("Avg score", "平均评分"), ("Surveys", "评价数"), ("FCR %", "首次解决率"),
    ]

    static let agent = [
        ("Agent", "坐席"), ("Answered", "接通数"), ("Talk (s)", "通话(秒)"), ("Wrap-up (s)", "话后处理(秒)"),
        ("AHT (s)", "平均处理时长(秒)"), ("Logged in (s)", "登录(秒)"), ("Paused (s)", "示忙(秒)"),
        ("Available (s)", "空闲(秒)"), ("Occupancy %", "占用率"), ("Offers", "分配(次)"),
        ("Missed offers", "未接(次)"), ("CSAT %", "满意度"), ("Surveys", "评价数"),
    ]

    static let pause = [("Agent", "坐席"), ("Pause reason", "示忙原因"), ("Paused (s)", "示忙(秒)")]

    static let interval = [
        ("Offered", "呼入"), ("Answered", "接通"), ("Abandoned", "放弃"), ("Service level %", "服务水平"),
        ("AHT (s)", "平均处理时长(秒)"), ("Calls per hour", "每小时呼入"),
    ]
    static let hour = ("Hour", "时段")
    static let day = ("Day", "日期")

    static let staffing = [
        ("Interval start", "时段开始"), ("Calls", "呼入"), ("AHT (s)", "平均处理时长(秒)"),
        ("Agents had", "在岗坐席"), ("Agents needed", "需要坐席"), ("Predicted SL %", "预计服务水平"),
    ]
}
