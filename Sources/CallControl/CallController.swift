import Channels
import MediaLoop
import Storage
import Telephony

/// The shell around `CenterFlow`: drains the media loop's events, steps the
/// flow, performs its actions (media commands, recordings, records, events).
/// Runs on an ordinary thread (or inline in tests); never on the media thread.
public final class CallController {
    public private(set) var flow: CenterFlow
    public let media: MediaLoop
    public let writer: RecordingWriter
    /// Where a call's recording goes (the daemon builds data-dir/recordings/YYYY/MM/DD/<id>.wav).
    public let recordingPath: (CallID) -> String
    public private(set) var records: [CallRecord] = []
    /// Agents' state changes and queue events, oldest first, until storage takes them.
    public private(set) var agentStates: [AgentStateChange] = []
    public private(set) var queueEvents: [QueueEvent] = []
    /// What the flow said the operator should know, in order, each once.
    public private(set) var notes: [String] = []
    public private(set) var commandsRefused = 0
    public private(set) var problems: [String] = []
    /// Called with each finished call.
    public var onFinished: ((CallRecord) -> Void)?

    public init(flow: CenterFlow, media: MediaLoop, recordingPath: @escaping (CallID) -> String) {
        self.flow = flow
        self.media = media
        self.writer = RecordingWriter(tap: media.tap)
        self.recordingPath = recordingPath
    }

    public func start(now: SampleTime = .zero) {
        perform(flow.start(now: now))
    }

    /// Handles everything the media loop reported, then the timers.
    public func step(now: SampleTime) {
        while let event = media.events.pop() {
            perform(flow.on(event, now: now))
        }
        perform(flow.timers(now: now))
        writer.drain()
    }

    private func perform(_ actions: [CallAction]) {
        for action in actions {
            switch action {
            case .media(let command):
                if !media.commands.push(command) { commandsRefused += 1 }
            case .recordingStarted(let id, let slot):
                do { try writer.start(slot: slot, path: recordingPath(id)) } catch {
                    problems.append("recording \(id): \(error)")
                }
            case .recordingStopped(_, let slot):
                writer.stop(slot: slot)
            case .finished(let record):
                records.append(record)
                onFinished?(record)
            case .agentState(let change):
                agentStates.append(change)
            case .queueEvent(let event):
                queueEvents.append(event)
            case .note(let text):
                notes.append(text)
            }
        }
    }
}
