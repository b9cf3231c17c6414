import ACD
import MediaLoop
import Telephony

/// A supervisor moves a call (console `calls transfer`): a caller in the
/// menus or waiting in a queue goes to another queue, or to one agent (their
/// personal queue), keeping the place their first arrival gives them. A call
/// with an agent is taken from the agent (who hears busy tone) and waits
/// there the same way; one the agent is handling (hold, consultation) is
/// left to the agent.
extension CenterFlow {
    public enum TransferRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        case noSuchCall(CallID)
        case noSuchQueue(String)
        case notMovable(CallID, String)

        public var description: String {
            switch self {
            case .noSuchCall(let id): "no \(id) in progress"
            case .noSuchQueue(let q): "no queue or agent '\(q)'"
            case .notMovable(let id, let why): "\(id) cannot be moved: \(why)"
            }
        }
    }

    /// The tap slot to listen to call `id` on: its recording's, or one
    /// opened for listening only (no file; closed when the call ends).
    /// Nil: no such answered call, or every slot is in use.
    public mutating func listenSlot(_ id: CallID, now: SampleTime) -> (RecordingSlot, [CallAction])? {
        self.now = max(now, self.now)
        guard let session = sessions[id], lines[session.line]?.isAnswered == true else { return nil }
        if let slot = session.slot ?? session.listenSlot { return (slot, []) }
        guard !freeSlots.isEmpty else { return nil }
        let slot = freeSlots.removeFirst()
        sessions[id]?.listenSlot = slot
        media(.recordCaller(slot, caller: session.line))
        return (slot, take())
    }

    /// Moves call `id` to `queue` (a queue name, or `agent:ID`).
    public mutating func transfer(_ id: CallID, toQueue queue: String, now: SampleTime) -> Result<[CallAction], TransferRefusal> {
        self.now = max(now, self.now)
        guard let line = calls[id]?.line, let state = lines[line] else { return .failure(.noSuchCall(id)) }
        guard acd.queueIDs.contains(QueueID(queue)) else { return .failure(.noSuchQueue(queue)) }
        switch state {
        case .menu:
            sessions[id]?.ivr = nil
            stopPlayback(id)
            join(id, queue: queue)
        case .queued(_, let current) where current != queue:
            sessions[id]?.entry = nil
            acdStep(.transfer(acdCall(id), to: QueueID(queue)))
        case .queued:
            return .failure(.notMovable(id, "it is already in \(queue)"))
        case .talking(_, let phone) where phones[phone] == .talking(line: line):
            blindTransfer(phone, line, to: queue)
            agentLeftAlone(phone)
        case .talking:
            return .failure(.notMovable(id, "its agent has it on hold or is consulting a colleague"))
        default:
            return .failure(.notMovable(id, "it is neither in the menus nor waiting in a queue"))
        }
        return .success(take())
    }
}
