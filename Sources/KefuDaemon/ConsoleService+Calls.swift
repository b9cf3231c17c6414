import ACD
import CallControl
import Console

/// `calls transfer` and `calls listen` on the console.
extension ConsoleService {
    /// Plays a live call on the box's sound device for `seconds` (or until
    /// the call ends): a recorded call from its recording's tap, another
    /// from a tap opened for listening only; a new listen replaces the one before.
    func listen(_ call: String, seconds text: String?) -> ConsoleOutput {
        guard let n = Int(call.replacingOccurrences(of: "call-", with: "")) else { return .failed("'\(call)' is not a call number", status: 2) }
        let seconds = text.flatMap(Int.init) ?? 60
        guard (1...3600).contains(seconds) else { return .failed("listen for 1 to 3600 seconds, not '\(text ?? "")'", status: 2) }
        let id = CallControl.CallID(n)
        let control = center.control
        guard control.flow.calls[id] != nil else { return .failed("no call-\(n) in progress") }
        guard let slot = control.listenSlot(id, now: center.now) else {
            return .failed("call-\(n) cannot be listened to: it is not answered yet, or every tap slot is in use")
        }
        listening?.stop()
        let live: LiveListen
        do { live = try LiveListen(call: id, slot: slot, device: listenDevice, seconds: seconds) } catch { return .failed("\(error)") }
        listening = live
        control.writer.listener = { [weak control] slot, left, right in
            guard let control, control.flow.calls[id] != nil, !live.isStopped else { return live.stop() }
            live.feed(slot, left, right)
        }
        return ConsoleOutput(["listening to call-\(n) on \(listenDevice) for up to \(seconds) s (caller left, agent right)"])
    }

    func transfer(_ call: String, to kind: String, _ name: String) -> ConsoleOutput {
        guard let n = Int(call.replacingOccurrences(of: "call-", with: "")) else { return .failed("'\(call)' is not a call number", status: 2) }
        let queue: String
        switch kind {
        case "queue": queue = name
        case "agent": queue = ACDConfigurationMapping.personalQueueID(name).rawValue
        default: return .failed("transfer to 'queue NAME' or 'agent ID', not '\(kind)'", status: 2)
        }
        if let refusal = center.control.transfer(CallControl.CallID(n), toQueue: queue, now: center.now) {
            return .failed("\(refusal)")
        }
        return ConsoleOutput(["call-\(n) moved to \(kind) \(name)"])
    }
}
