import ACD
import CallControl
import Console

/// `calls transfer` and `calls listen` on the console.
extension ConsoleService {
    /// Plays a live call on the box's sound device for `seconds` (or until
    /// the call ends): a recorded call from its recording's tap, another
    /// from a tap opened for listening only; a new listen replaces the one before.
    func listen(_ call: String, seconds text: String?, _ language: ConsoleLanguage) -> ConsoleOutput {
        guard let n = callNumber(call) else { return notACall(call, language) }
        let seconds = text.flatMap(Int.init) ?? 60
        guard (1...3600).contains(seconds) else {
            return .failed(ConsoleText.pick(language, "listen for 1 to 3600 seconds, not '\(text ?? "")'", "监听时长须为 1 到 3600 秒, 而不是 '\(text ?? "")'"), status: 2)
        }
        let id = CallControl.CallID(Int(n))
        let control = center.control
        guard control.flow.calls[id] != nil else { return noCall(n, language) }
        guard let slot = control.listenSlot(id, now: center.now) else {
            return .failed(ConsoleText.pick(language, "call-\(n) cannot be listened to: it is not answered yet, or every tap slot is in use",
                                            "call-\(n) 无法监听: 尚未接听, 或监听通道已用完"))
        }
        listening?.stop()
        let live: LiveListen
        do { live = try LiveListen(call: id, slot: slot, device: listenDevice, seconds: seconds) } catch { return .failed("\(error)") }
        listening = live
        control.writer.listener = { [weak control] slot, left, right in
            guard let control, control.flow.calls[id] != nil, !live.isStopped else { return live.stop() }
            live.feed(slot, left, right)
        }
        return ConsoleOutput([ConsoleText.pick(language, "listening to call-\(n) on \(listenDevice) for up to \(seconds) s (caller left, agent right)",
                                               "正在 \(listenDevice) 上监听 call-\(n), 最长 \(seconds) 秒 (左声道来电者, 右声道坐席)")])
    }

    func transfer(_ call: String, to kind: String, _ name: String, _ language: ConsoleLanguage) -> ConsoleOutput {
        guard let n = callNumber(call) else { return notACall(call, language) }
        let queue: String
        switch kind {
        case "queue": queue = name
        case "agent": queue = ACDConfigurationMapping.personalQueueID(name).rawValue
        default:
            return .failed(ConsoleText.pick(language, "transfer to 'queue NAME' or 'agent ID', not '\(kind)'",
                                            "转接目标须为 'queue 队列名' 或 'agent 坐席号', 而不是 '\(kind)'"), status: 2)
        }
        if let refusal = center.control.transfer(CallControl.CallID(Int(n)), toQueue: queue, now: center.now) {
            return .failed(language == .chinese ? Self.chinese(refusal) : "\(refusal)")
        }
        return ConsoleOutput([ConsoleText.pick(language, "call-\(n) moved to \(kind) \(name)", "call-\(n) 已转到 \(kind) \(name)")])
    }

    static func chinese(_ refusal: CenterFlow.TransferRefusal) -> String {
        switch refusal {
        case .noSuchCall(let id): "没有进行中的 \(id)"
        case .noSuchQueue(let q): "没有队列或坐席 '\(q)'"
        case .notMovable(let id, let why): "\(id) 无法转接: \(why)"
        }
    }
}
