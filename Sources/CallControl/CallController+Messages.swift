import Channels
import MediaLoop
import Records

/// Where messages come from for agents picking them up by phone: the
/// store's rows and their files (the daemon's is `StoreMessageShelf`).
public protocol MessageShelf: AnyObject {
    /// New messages of these boxes (every box when empty), oldest first.
    func newMessages(boxes: [String]) -> [MessageItem]
    /// A message's audio, 8 kHz mono; or why it cannot be played.
    func audio(_ item: MessageItem) -> Result<[Int16], MessageAudioError>
    func mark(_ id: Int64, state: String, user: String, at: Int64)
}

public struct MessageAudioError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension CallController {
    /// Loads a message into a free clip slot and plays it to the phone;
    /// refusal tone when it cannot be played.
    func playMessage(_ phone: ChannelNumber, _ item: MessageItem) {
        let refused = flow.plan.tones.refused
        guard let shelf else { return refuse(phone, refused, "message-\(item.id): messages are not kept on this box") }
        switch shelf.audio(item) {
        case .failure(let error):
            refuse(phone, refused, "message-\(item.id) cannot be played: \(error)")
        case .success(let audio):
            guard !freeClips.isEmpty else { return refuse(phone, refused, "message-\(item.id) cannot be played now: every clip slot is in use") }
            let slot = freeClips.removeFirst()
            media.clips.load(slot, audio)
            if !media.commands.push(.playClip(phone, slot)) { freeClips.append(slot) }
        }
    }

    private func refuse(_ phone: ChannelNumber, _ tone: MediaPrompt, _ why: String) {
        perform([.note(why), .media(.play(phone, tone, loop: false))])
    }
}
