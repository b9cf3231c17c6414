import ACD
import CallControl
import Console

/// `calls transfer` on the console.
extension ConsoleService {
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
