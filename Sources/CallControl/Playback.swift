import Channels
import MediaLoop
import Telephony

/// A prompt in the media loop's table. (Spelled out here, where only the
/// media loop's `PromptID` is in scope: the ACD names prompts with its own.)
public typealias MediaPrompt = PromptID

/// Who asked for a list of prompts, and so who hears that it has ended.
enum PlaybackOwner: Sendable, Equatable {
    /// A menu or survey prompt, by the engine's prompt number.
    case menu(Int)
    /// A message to a caller in a queue (the recording notice, a queue
    /// message); the hold music follows.
    case queueMessage
    /// A last message; the line is then released with this ending.
    case farewell(CallEnd)
    /// The mailbox greeting; the recording starts when it ends.
    case messageGreeting
}

/// Prompts played back to back on one caller's line. The media loop plays
/// one prompt at a time and reports each one's end; this steps through the
/// list. A "finished" report for the prompt now playing that arrives in the
/// same step as the play command was issued belongs to an earlier play of
/// the same prompt and is ignored.
struct Playback: Sendable, Equatable {
    var owner: PlaybackOwner
    var items: [MediaPrompt]
    var index = 0
    /// When the current item's play command was issued.
    var itemStarted: SampleTime

    init(owner: PlaybackOwner, items: [MediaPrompt], at now: SampleTime) {
        self.owner = owner
        self.items = items
        itemStarted = now
    }

    var current: MediaPrompt { items[index] }

    /// True when `prompt` ending at `now` is the end of the current item.
    func isEnd(of prompt: MediaPrompt, at now: SampleTime) -> Bool {
        index < items.count && items[index] == prompt && itemStarted < now
    }

    /// Moves to the next item; nil when the list is done.
    mutating func advance(at now: SampleTime) -> MediaPrompt? {
        index += 1
        itemStarted = now
        return index < items.count ? items[index] : nil
    }
}
