import ACD
import CallControl
import Console
import Tools

/// `kefu features`: every code agents and supervisors dial on their phones,
/// as the running config sets them, so an installer can print the card that
/// goes beside each phone.
enum ConsoleFeatures {
    struct Row {
        var keys: String
        var what: String
        var whatZh: String
        var context: String
    }

    static func rows(_ plan: CenterPlan) -> [Row] {
        var rows: [Row] = []
        for code in plan.acd.featureCodes.codes {
            switch code.command {
            case .login: rows.append(Row(keys: code.code + " [AGENT]", what: "log in (the phone's own agent, or AGENT)", whatZh: "签入 (本机坐席或指定坐席)", context: "idle"))
            case .logout: rows.append(Row(keys: code.code, what: "log out (after the call and wrap-up)", whatZh: "签出 (通话和整理结束后)", context: "idle"))
            case .pause: rows.append(Row(keys: code.code + " [REASON]", what: "pause", whatZh: "示忙", context: "idle"))
            case .unpause: rows.append(Row(keys: code.code, what: "unpause", whatZh: "示闲", context: "idle"))
            case .togglePause:
                rows.append(Row(keys: code.code + " [REASON]", what: "pause, or unpause when paused", whatZh: "示忙, 已示忙时示闲", context: "idle"))
            }
        }
        let reasons = plan.acd.pauseReasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        if !reasons.isEmpty { rows.append(Row(keys: "REASON", what: "pause reasons: " + reasons, whatZh: "示忙原因: " + reasons, context: "idle")) }
        let f = plan.features
        let supervisors = f.supervisors.sorted().joined(separator: ", ")
        rows.append(Row(keys: f.listenCode + " AGENT", what: "listen to AGENT's call (supervisors: \(supervisors.isEmpty ? "none" : supervisors))",
                        whatZh: "监听坐席通话 (班长: \(supervisors.isEmpty ? "无" : supervisors))", context: "idle"))
        rows.append(Row(keys: f.whisperCode + " AGENT", what: "whisper to AGENT (the caller does not hear)", whatZh: "密语 (来电者听不到)", context: "idle"))
        rows.append(Row(keys: f.bargeCode + " AGENT", what: "join AGENT's call (everyone hears)", whatZh: "强插 (三方都能听到)", context: "idle"))
        rows.append(Row(keys: f.messageCode, what: "hear your mailboxes' new messages (then 1 again, 2 next, 7 delete, 3 call back)",
                        whatZh: "收听留言 (1 重听, 2 下一条, 7 删除, 3 回拨)", context: "idle"))
        rows.append(Row(keys: "4 / 5 / 6", what: "while monitoring: listen / whisper / barge", whatZh: "监听中: 监听 / 密语 / 强插", context: "monitoring"))
        rows.append(Row(keys: "flash", what: "hold the caller (music) and get dial tone; flash again returns", whatZh: "拍叉簧: 保持 (来电者听音乐), 再拍返回", context: "call"))
        rows.append(Row(keys: "flash AGENT #", what: "consult AGENT; hang up to hand the caller over, flash to return",
                        whatZh: "咨询坐席; 挂机完成转接, 拍叉簧返回", context: "call"))
        let conference = f.conferenceKeys.map(\.description).joined()
        rows.append(Row(keys: conference, what: "while consulting: the caller joins (three-way)", whatZh: "咨询中: 三方通话", context: "consulting"))
        for (code, queue) in f.queueCodes.sorted(by: { $0.key < $1.key }) {
            rows.append(Row(keys: "flash \(code) #", what: "transfer to queue \(queue), then hang up (keeps the caller's place)",
                            whatZh: "转到队列 \(queue), 然后挂机 (保留来电者位置)", context: "call"))
        }
        rows.append(Row(keys: "flash, hang up", what: "leave the caller on hold; lift to return (rings after \(f.holdReminder.milliseconds / 1000) s)",
                        whatZh: "保持后挂机; 摘机返回 (\(f.holdReminder.milliseconds / 1000) 秒后振铃提醒)", context: "call"))
        if !plan.onDemandKey.isEmpty {
            rows.append(Row(keys: plan.onDemandKey.map(\.description).joined(), what: "record this call (on-demand queues)", whatZh: "开始录音 (按需录音队列)", context: "call"))
        }
        return rows
    }

    static func list(_ plan: CenterPlan, json: Bool, language: ConsoleLanguage) -> ConsoleOutput {
        let rows = rows(plan)
        if json {
            return ConsoleOutput(rows.map { r in
                var l = JSONLine()
                l.add("keys", r.keys); l.add("when", r.context); l.add("what", r.what)
                return l.text
            })
        }
        let zh = language == .chinese
        let headings: [(String, String, String)] = [("idle", "ON AN IDLE PHONE (end with # or a pause)", "空闲话机上拨 (以 # 结束或停顿)"),
                                                    ("monitoring", "WHILE MONITORING", "监听中"),
                                                    ("call", "DURING A CALL (agent's phone)", "通话中 (坐席话机)"),
                                                    ("consulting", "WHILE CONSULTING A COLLEAGUE", "咨询同事时")]
        var out: [String] = []
        for (context, english, chinese) in headings {
            let group = rows.filter { $0.context == context }
            guard !group.isEmpty else { continue }
            out.append(zh ? chinese : english)
            for r in group { out.append("  " + ConsoleViews.pad(r.keys, 16) + (zh ? r.whatZh : r.what)) }
        }
        return ConsoleOutput(out)
    }
}
