/// A release reason said in words, in English or Chinese, from its kind and
/// figures: "busy tone 450 Hz, 2 cadences of 352/352 ms", "loop current lost
/// for 600 ms, then back".
extension ReleaseReason {
    public func text(chinese: Bool) -> String {
        func say(_ english: String, _ zh: String) -> String { chinese ? zh : english }
        let ms = milliseconds
        switch kind {
        case .busyTone:
            let name = detail == "congestion" ? say("congestion tone", "拥塞音")
                : detail == "disconnect" ? say("learned hang-up tone", "学习到的挂机音") : say("busy tone", "忙音")
            var words = [name]
            if let hertz, hertz > 0 { words[0] += " \(hertz) Hz" }
            var cadence: [String] = []
            if let count, count > 0 { cadence.append(say(count == 1 ? "1 cadence" : "\(count) cadences", "\(count) 个周期")) }
            if let on = onMilliseconds, let off = offMilliseconds, on > 0 {
                cadence.append(off > 0 ? say("of \(on)/\(off) ms", "\(on)/\(off) 毫秒") : say("of \(on) ms", "\(on) 毫秒"))
            }
            if !cadence.isEmpty { words.append(cadence.joined(separator: " ")) }
            return words.joined(separator: say(", ", ", "))
        case .loopDrop:
            guard let ms else { return say("loop current lost (the board did not measure how long)", "环路电流消失 (板卡未测时长)") }
            return detail == "restored" ? say("loop current lost for \(ms) ms, then back", "环路电流中断 \(ms) 毫秒后恢复")
                                        : say("loop current lost for \(ms) ms and not back", "环路电流消失 \(ms) 毫秒未恢复")
        case .polarityReversal:
            return say("polarity reversal on the line", "线路极性反转")
        case .quietLine:
            return say("the line was quiet for \((ms ?? 0) / 1000) s (it sends no hang-up signal)", "线路静默 \((ms ?? 0) / 1000) 秒 (该线路不发挂机信号)")
        case .networkClear:
            let cause = count.map { " \($0)" } ?? ""
            return say("the network cleared the call (cause\(cause)", "网络拆线 (原因值\(cause)") + (detail.map { ", \($0))" } ?? ")")
        case .numberNotServed:
            return say("no menu serves the called number; the call was refused", "被叫号码没有对应菜单, 呼叫被拒绝") + (detail.map { " (\($0))" } ?? "")
        case .ringingStopped:
            return ms.map { say("ringing stopped before the answer (no ring for \($0 / 1000) s)", "应答前振铃停止 (\($0 / 1000) 秒无振铃)") }
                ?? say("ringing stopped before the answer", "应答前振铃停止")
        case .timeout:
            let wait = (ms ?? 0) / 1000, times = count ?? 1
            switch detail ?? "" {
            case "survey": return say("timeout: no key at the survey, \(times) × \(wait) s", "超时: 评分无按键, \(times) × \(wait) 秒")
            case "message": return say("timeout: the message reached its \(wait) s limit", "超时: 留言达到 \(wait) 秒上限")
            case let stage where stage.hasPrefix("menu:"):
                let menu = String(stage.dropFirst(5))
                return say("timeout: no key in menu \(menu), \(times) × \(wait) s", "超时: 菜单 \(menu) 无按键, \(times) × \(wait) 秒")
            default: return say("timeout", "超时")
            }
        case .maxLength:
            return ms.map { say("the call reached the line's longest call (\($0 / 1000) s)", "通话达到外线最长时长 (\($0 / 1000) 秒)") }
                ?? say("the call reached the line's longest call", "通话达到外线最长时长")
        case .agentHungUp:
            return say("the agent hung up first; the box released the line", "坐席先挂机, 本机随后释放外线")
        case .menuEnded:
            return say("the menus ended the call", "菜单结束了呼叫") + (detail.map { " (\($0))" } ?? "")
        case .surveyEnded:
            return say("survey answered; the box released the line", "评分完成, 本机释放外线")
        case .messageEnded:
            return say("the caller ended the message with #; the box released the line", "来电者按 # 结束留言, 本机释放外线")
        case .queueRefused:
            return say("the queue would not keep the caller", "队列未能保留来电") + (detail.map { " (\($0))" } ?? "")
        case .callbackBooked:
            return say("callback booked; the box said goodbye and released the line", "已预约回拨, 本机道别后释放外线")
        case .callFailed:
            return say("the call placed reached no one", "外呼未接通") + (detail.map { " (\($0))" } ?? "")
        case .transferredOut:
            return say("put through to an outside number; that call ended", "已转接外部号码, 该通话已结束") + (detail.map { " (\($0))" } ?? "")
        case .otherCallEnded:
            return say("the call bridged to this one ended", "与之桥接的呼叫已结束") + (detail.map { " (\($0))" } ?? "")
        case .operatorHangUp:
            return by.map { say("hung up from the console by \($0)", "由 \($0) 在控制台挂断") } ?? say("hung up from the console", "在控制台挂断")
        case .spanAlarm:
            return say("the span went into alarm", "中继告警") + (detail.map { " (\($0))" } ?? "")
        case .lineError:
            return say("the line failed", "线路故障") + (detail.map { " (\($0))" } ?? "")
        case .shutdown:
            return say("kefud stopped during the call", "kefud 在通话中停止")
        case .interrupted:
            return say("kefud stopped without shutting down (found at the next start)", "kefud 异常停止 (下次启动时发现)")
        }
    }

    /// Who released it, in words.
    public static func sideText(_ side: Side, chinese: Bool) -> String {
        switch side {
        case .line: chinese ? "来电方线路" : "caller's line"
        case .agent: chinese ? "坐席" : "agent"
        case .box: chinese ? "本机" : "the box"
        case .system: chinese ? "系统" : "system"
        }
    }
}
