import Reports

/// `kefu staffing`: how many agents a queue needs for a target, by Erlang C
/// (callers never give up) or Erlang A (mean patience given), with the
/// predictions for staffing levels around the answer.
public struct StaffingOptions: Sendable {
    public var callsPerHour = 300.0
    /// Average handle time (talk + wrap-up), seconds.
    public var handleTime = 180.0
    /// Target fraction answered within `threshold` seconds.
    public var serviceLevel = 0.8
    public var threshold = 20.0
    /// Mean patience, seconds (nil: Erlang C).
    public var patience: Double?
    public var maxAbandonRate: Double?
    /// Share of paid time off the phones (breaks, training, absence).
    public var shrinkage = 0.0
    /// The planning formula's inputs (customers, daily rate, peak share,
    /// max occupancy); when given, the rate is its peak-hour calls and its
    /// answer is shown beside Erlang's.
    public var formula: PlanningFormula?
    public init() {}
}

public struct StaffingReport: Sendable {
    public var options: StaffingOptions
    /// The fewest agents that meet the target (nil: none up to the limit).
    public var needed: Int?
    /// Agents to schedule, shrinkage included.
    public var scheduled: Int?
    /// Rows from a few agents below the answer to a few above.
    public var rows: [StaffingRow]

    /// The table in English.
    public var text: [String] { text(chinese: false) }

    /// The target, a row per staffing level around the answer and the
    /// answer, with the fixed words in English or Chinese (the figures are the same).
    public func text(chinese: Bool) -> [String] {
        let o = options, w = ToolText(chinese: chinese)
        let traffic = Traffic(callsPerHour: o.callsPerHour, handleTime: o.handleTime)
        let rate = Format.fixed(o.callsPerHour, 0), aht = Format.fixed(o.handleTime, 0), erlangs = Format.fixed(traffic.erlangs, 2)
        let level = Format.percent(o.serviceLevel), threshold = Format.fixed(o.threshold, 0)
        var lines = [
            w("\(rate) calls/h, AHT \(aht) s: \(erlangs) Erlangs; target \(level) within \(threshold) s",
              "每小时 \(rate) 通, 平均处理 \(aht) 秒: \(erlangs) Erlang; 目标 \(threshold) 秒内接听 \(level)")
                + (o.maxAbandonRate.map { w(", abandon at most \(Format.percent($0))", ", 放弃率不超过 \(Format.percent($0))") } ?? "")
                + (o.patience.map { w(" (Erlang A, mean patience \(Format.fixed($0, 0)) s)", " (Erlang A, 平均耐心 \(Format.fixed($0, 0)) 秒)") } ?? " (Erlang C)"),
            pad(w("agents", "坐席数"), 6) + "  " + pad(w("service level", "服务水平"), 13) + "  " + pad(w("waited", "需等待"), 7) + "  "
                + pad(o.patience == nil ? w("ASA", "平均应答") : w("wait", "平均等待"), 8) + "  " + pad(w("abandoned", "放弃率"), 9) + "  "
                + pad(w("occupancy", "占用率"), 9),
        ]
        for row in rows {
            lines.append(pad(String(row.agents), 6) + "  " + pad(Format.percent(row.serviceLevel), 13) + "  "
                + pad(Format.percent(row.probabilityOfWaiting), 7) + "  " + pad(Format.fixed(row.averageWait, 1) + w(" s", " 秒"), 8) + "  "
                + pad(Format.percent(row.abandonRate), 9) + "  " + pad(Format.percent(row.occupancy), 9)
                + (row.agents == needed ? w("  <- needed", "  <- 所需") : ""))
        }
        if let f = o.formula {
            let customers = Format.fixed(f.customers, 0), peak = Format.percent(f.peakHourShare), handle = Format.fixed(f.handleTime, 0)
            let occupancy = Format.percent(f.maxOccupancy), agents = Format.fixed(f.agents, 1), erlang = needed.map(String.init) ?? w("none", "无")
            lines.append(w("planning formula: \(customers) customers × \(f.dailyCallRate) calls/day × \(peak) in the peak hour"
                           + " × \(handle) s ÷ (3600 × \(occupancy) occupancy) = \(agents) → \(f.agentsNeeded) agents (no waiting target; Erlang: \(erlang))",
                           "规划公式: \(customers) 客户 × 每天 \(f.dailyCallRate) 通 × 高峰小时占 \(peak)"
                           + " × \(handle) 秒 ÷ (3600 × 占用率 \(occupancy)) = \(agents) → \(f.agentsNeeded) 名坐席 (无等待目标; Erlang: \(erlang))"))
        }
        if let needed {
            let shrinkage = Format.percent(o.shrinkage), scheduled = scheduled ?? needed
            lines.append(w("needed on the phones: \(needed)", "在线所需坐席: \(needed)")
                + (o.shrinkage > 0 ? w("; to schedule with \(shrinkage) shrinkage: \(scheduled)", "; 计入 \(shrinkage) 缺勤损耗, 需排班: \(scheduled)") : ""))
        } else {
            lines.append(w("no staffing up to the limit meets the target", "上限以内没有能达到目标的人数"))
        }
        return lines
    }

    public var json: String {
        var top = JSONObject()
        top.add("calls_per_hour", .number(options.callsPerHour))
        top.add("aht_s", .number(options.handleTime))
        top.add("erlangs", .number(Traffic(callsPerHour: options.callsPerHour, handleTime: options.handleTime).erlangs))
        top.add("model", .string(options.patience == nil ? "erlang-c" : "erlang-a"))
        top.add("needed", needed.map { .int($0) } ?? .null)
        if let f = options.formula { top.add("formula_agents", .int(f.agentsNeeded)) }
        top.add("scheduled", scheduled.map { .int($0) } ?? .null)
        if let needed, let row = rows.first(where: { $0.agents == needed }) {
            top.add("service_level", .number(row.serviceLevel))
            top.add("probability_of_waiting", .number(row.probabilityOfWaiting))
            top.add("average_wait_s", .number(row.averageWait))
            top.add("abandon_rate", .number(row.abandonRate))
            top.add("occupancy", .number(row.occupancy))
        }
        return top.text
    }

    private func pad(_ s: String, _ width: Int) -> String { ToolText.right(s, width) }
}

public enum StaffingTool {
    public static func run(_ options: StaffingOptions) throws(UsageError) -> StaffingReport {
        var o = options
        if let f = o.formula {
            guard f.customers > 0, f.dailyCallRate > 0, f.peakHourShare > 0, f.peakHourShare <= 1 else {
                throw UsageError(message: "--customers, --daily-call-rate and --peak-share must be positive (peak share at most 1)")
            }
            guard f.maxOccupancy > 0, f.maxOccupancy <= 1 else { throw UsageError(message: "--max-occupancy: a fraction above 0, at most 1") }
            o.callsPerHour = f.peakHourCalls
        }
        guard o.callsPerHour > 0, o.callsPerHour <= 1_000_000 else { throw UsageError(message: "--rate: calls per hour must be positive") }
        guard o.handleTime > 0 else { throw UsageError(message: "--aht: seconds, positive") }
        guard o.serviceLevel > 0, o.serviceLevel < 1 else { throw UsageError(message: "--service-level: a fraction between 0 and 1 (0.8 for 80 %)") }
        guard o.threshold >= 0 else { throw UsageError(message: "--threshold: seconds, not negative") }
        if let p = o.patience, p <= 0 { throw UsageError(message: "--patience: seconds, positive") }
        guard o.shrinkage >= 0, o.shrinkage < 1 else { throw UsageError(message: "--shrinkage: a fraction from 0 to below 1") }
        let traffic = Traffic(callsPerHour: o.callsPerHour, handleTime: o.handleTime)
        let target = StaffingTarget(serviceLevel: o.serviceLevel, threshold: o.threshold, maxAbandonRate: o.maxAbandonRate)
        let needed = Staffing.agentsNeeded(traffic: traffic, patience: o.patience, target: target)
        let centre = needed ?? Int(traffic.erlangs.rounded(.up))
        let low = max(1, max(centre - 3, o.patience == nil ? Int(traffic.erlangs.rounded(.down)) + 1 : 1))
        let rows = (low...max(low, centre + 3)).map { Staffing.row(traffic: traffic, agents: $0, patience: o.patience, target: target) }
        return StaffingReport(options: o, needed: needed, scheduled: needed.map { Staffing.scheduled(needed: $0, shrinkage: o.shrinkage) }, rows: rows)
    }
}
