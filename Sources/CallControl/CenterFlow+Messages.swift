import Channels
import DSP
import MediaLoop
import Records
import Telephony

/// Leaving a message: a menu's or a queue overflow's `voicemail BOX` (a
/// queue or an agent). The caller hears the greeting and a beep; their line
/// is recorded (in the recordings' format, the caller on both channels)
/// until they press '#', hang up, or `maxMessage` passes. A message is kept
/// whichever way it ends; '#' and the time limit are thanked before the
/// line is released. The call ends `message-left`.
extension CenterFlow {
    struct MessageTake: Sendable, Equatable {
        var box: String
        /// Recording since (nil: the greeting still plays).
        var started: SampleTime?
        var slot: RecordingSlot?
    }

    static let maxMessage = SampleTime(milliseconds: 120_000)

    mutating func leaveMessage(_ id: CallID, box: String) {
        guard let session = sessions[id] else { return }
        lines[session.line] = .takingMessage(id)
        sessions[id]?.ivr = nil
        sessions[id]?.message = MessageTake(box: box)
        calls[id]?.data["mailbox"] = box
        let files = ["voicemail-greeting"].map { CenterPlan.file($0, session.language) }
        play(id, files, owner: .messageGreeting)
    }

    /// The greeting has ended: the beep, and the recording starts.
    mutating func startMessage(_ id: CallID) {
        guard let session = sessions[id], session.message?.started == nil else { return }
        guard !freeSlots.isEmpty else {
            note("no recording slot free for a message: the caller is told the mailbox is full")
            return farewell(id, "voicemail-full", .queueRefused)
        }
        let slot = freeSlots.removeFirst()
        sessions[id]?.message?.started = now
        sessions[id]?.message?.slot = slot
        media(.play(session.line, plan.tones.accepted, loop: false))
        media(.startRecording(slot, left: session.line, right: session.line))
        emit(.messageStarted(id, slot, box: session.message?.box ?? ""))
    }

    /// Ends the recording (if one runs); true if a message was recorded.
    @discardableResult
    mutating func stopMessage(_ id: CallID) -> Bool {
        guard let take = sessions[id]?.message, let slot = take.slot, let started = take.started else { return false }
        sessions[id]?.message = nil
        media(.stopRecording(slot))
        freeSlots.append(slot)
        emit(.messageStopped(id, slot, box: take.box, length: now - started))
        calls[id]?.end = .messageLeft
        return true
    }

    /// '#' or the time limit: keep the message, thank the caller, release.
    mutating func finishMessage(_ id: CallID, timedOut: Bool = false) {
        guard stopMessage(id) else { return }
        if timedOut { calls[id]?.release = ReleaseReason(.timeout, detail: "message", milliseconds: Int(Self.maxMessage.milliseconds), count: 1) }
        farewell(id, "voicemail-saved", .messageLeft)
    }

    /// Whether the message has run to its limit.
    func messageDue(_ session: CallSession) -> Bool {
        guard let started = session.message?.started else { return false }
        return now - started >= Self.maxMessage
    }

    private mutating func farewell(_ id: CallID, _ prompt: String, _ end: CallEnd) {
        guard let session = sessions[id] else { return }
        lines[session.line] = .leaving(id)
        play(id, [CenterPlan.file(prompt, session.language)], owner: .farewell(end))
    }
}
