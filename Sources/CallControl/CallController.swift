import ACD
import Channels
import Config
import MediaLoop
import Records
import Storage
import Telephony

/// The shell around `CenterFlow`: drains the media loop's events, steps the
/// flow, performs its actions (media commands, recordings, records, events).
/// Runs on an ordinary thread (or inline in tests); never on the media thread.
public final class CallController {
    public private(set) var flow: CenterFlow
    public let media: MediaLoop
    public let writer: RecordingWriter
    /// The folder a call's recording goes in (the daemon's is data-dir/recordings/YYYY/MM/DD).
    public let recordingDirectory: (CallID) -> String
    /// Where records, events and recordings' rows go (nil: kept in memory only).
    public let store: StoreWriter?
    /// Wall-clock Unix milliseconds of a media time (for stored times).
    public let wallClock: (SampleTime) -> Int64
    public var quality = QualitySettings()
    public private(set) var records: [CallRecord] = []
    /// Agents' state changes and queue events, oldest first (the store has them too).
    public private(set) var agentStates: [AgentStateChange] = []
    public private(set) var queueEvents: [QueueEvent] = []
    /// What the flow said the operator should know, in order, each once.
    public private(set) var notes: [String] = []
    public private(set) var commandsRefused = 0
    /// Messages callers left.
    public private(set) var messages = 0
    public private(set) var problems: [String] = []
    /// Called with each finished call.
    public var onFinished: ((CallRecord) -> Void)?
    /// Recordings that stopped before their call's record is final (the
    /// survey comes after): their quality is judged with the survey score.
    private var stoppedRecordings: [CallID: RecordingWriter.Outcome] = [:]
    private var alarmsNoted = 0
    /// The mailboxes' messages, for agents picking them up by phone (nil: none kept).
    public var shelf: MessageShelf?
    /// Clip slots free to load a message into (the media loop returns them with `.clipDone`).
    var freeClips: [ClipSlot]

    public init(flow: CenterFlow, media: MediaLoop, store: StoreWriter? = nil,
                wallClock: @escaping (SampleTime) -> Int64 = { $0.milliseconds },
                recordingDirectory: @escaping (CallID) -> String) {
        self.flow = flow
        self.media = media
        self.writer = RecordingWriter(tap: media.tap)
        self.store = store
        self.wallClock = wallClock
        self.recordingDirectory = recordingDirectory
        freeClips = (0..<media.clips.slots).map(ClipSlot.init)
    }

    public func start(now: SampleTime = .zero) {
        perform(flow.start(now: now))
    }

    /// Handles everything the media loop reported, then the timers.
    public func step(now: SampleTime) {
        while let event = media.events.pop() {
            if case .clipDone(let slot) = event { freeClips.append(slot) }
            perform(flow.on(event, now: now))
        }
        perform(flow.timers(now: now))
        writer.drain()
        for alarm in writer.alarms.dropFirst(alarmsNoted) { notes.append(alarm) }
        alarmsNoted = writer.alarms.count
        noteStoreTrouble()
    }

    /// The database writer's trouble as last noted (nil: writing).
    private var storeTrouble: StoreWriter.Trouble?

    /// Notes when database writes start to wait (and why) and when they pass again.
    private func noteStoreTrouble() {
        guard let status = store?.status, status.trouble != storeTrouble else { return }
        if let trouble = status.trouble {
            notes.append("database writes waiting (\(trouble.rawValue)), retried: \(status.failing ?? "")")
        } else {
            notes.append("database writes pass again: \(status.written) written, \(status.pending) waiting")
        }
        storeTrouble = status.trouble
    }

    /// Runs a console agent command; returns the agent's status after it.
    public func console(_ command: AgentCommand, now: SampleTime) {
        perform(flow.console(command, now: now))
    }

    /// Hangs up a call in progress; false when there is no such call.
    @discardableResult
    public func hangUp(_ id: CallID, now: SampleTime, by: String? = nil) -> Bool {
        guard flow.calls[id] != nil else { return false }
        perform(flow.hangUp(id, now: now, by: by))
        return true
    }

    /// Puts back callbacks booked before a restart (from the database).
    public func restoreCallbacks(_ pending: [(id: CallID, queue: String, number: String, language: String, since: SampleTime)]) {
        for p in pending { perform(flow.restoreCallback(p.id, queue: p.queue, number: p.number, language: p.language, since: p.since)) }
    }

    /// A supervisor moves a call to a queue (or `agent:ID`); the reason it cannot, if so.
    /// The tap slot to listen to a call on (see `CenterFlow.listenSlot`).
    public func listenSlot(_ id: CallID, now: SampleTime) -> RecordingSlot? {
        guard let (slot, actions) = flow.listenSlot(id, now: now) else { return nil }
        perform(actions)
        return slot
    }

    public func transfer(_ id: CallID, toQueue queue: String, now: SampleTime) -> CenterFlow.TransferRefusal? {
        switch flow.transfer(id, toQueue: queue, now: now) {
        case .success(let actions):
            perform(actions)
            return nil
        case .failure(let refusal):
            return refusal
        }
    }

    /// Takes a new plan in while calls run; the reasons it cannot, if any
    /// (then nothing changed).
    public func reconfigure(_ plan: CenterPlan, now: SampleTime) -> [Bilingual] {
        let (problems, actions) = flow.reconfigure(plan, now: now)
        perform(actions)
        return problems
    }

    /// Notes and alarms so far (for `kefu logs`).
    public var log: [String] { notes }

    /// At shutdown: ends open recordings (calls in progress keep what was
    /// recorded) and stores every call still in progress as interrupted.
    public func finishRecordings(now: SampleTime) {
        // Agents are off duty once kefud stops: their last state is closed here,
        // so reports do not count a stopped box's agents as working.
        for agent in flow.acd.agentSnapshots where agent.status.isLoggedIn {
            store?.enqueue(.agentState(StoredAgentState(agent: agent.id.rawValue, state: "logged-out", reason: "kefud stopped",
                                                        phone: agent.channel.map { Int($0.rawValue) }, at: wallClock(now))))
        }
        for record in flow.calls.values.sorted(by: { $0.id < $1.id }) {
            var detail = StoredForm.detail(record, wallClock: wallClock)
            detail.ended = wallClock(now)
            detail.endReason = "interrupted"
            detail.release = ReleaseReason(.shutdown)
            store?.enqueue(.callInterrupted(detail, telemetry: StoredForm.telemetry(record)))
        }
        for outcome in writer.finishAll() {
            store?.enqueue(.recordingFinished(RecordingEnd(callID: outcome.callID, ended: wallClock(now), bytes: outcome.bytes,
                                                           state: outcome.cut == nil ? .complete : .cutShort, note: outcome.cut ?? "the box stopped during the call",
                                                           quality: nil)))
        }
    }

    func perform(_ actions: [CallAction]) {
        for action in actions {
            switch action {
            case .media(let command):
                if !media.commands.push(command) { commandsRefused += 1 }
            case .recordingStarted(let id, let slot):
                startRecording(id, slot)
            case .recordingStopped(let id, let slot):
                if let outcome = writer.stop(slot: slot) { stoppedRecordings[id] = outcome }
            case .messageStarted(let id, let slot, _):
                startMessage(id, slot)
            case .messageStopped(let id, let slot, let box, let length):
                finishMessage(id, slot, box: box, length: length)
            case .callAnswered(let id):
                if let call = flow.calls[id] {
                    store?.enqueue(.callStarted(callID: Int64(id.rawValue), line: call.line.rawValue, arrived: wallClock(call.arrived)))
                }
            case .finished(let record):
                records.append(record)
                store?.enqueue(.callFinished(StoredForm.detail(record, wallClock: wallClock), telemetry: StoredForm.telemetry(record)))
                if let outcome = stoppedRecordings.removeValue(forKey: record.id) { storeRecordingEnd(outcome, record) }
                onFinished?(record)
            case .agentState(let change):
                agentStates.append(change)
                store?.enqueue(.agentState(StoredForm.agentState(change, wallClock: wallClock)))
            case .queueEvent(let event):
                queueEvents.append(event)
                store?.enqueue(.queueEvent(StoredForm.queueEvent(event, wallClock: wallClock)))
            case .note(let text):
                notes.append(text)
            case .fetchMessages(let phone, let boxes):
                perform(flow.messagesFetched(phone, shelf?.newMessages(boxes: boxes) ?? [], now: flow.now))
            case .playMessage(let phone, let item):
                playMessage(phone, item)
            case .markMessage(let id, let state, let user):
                shelf?.mark(id, state: state, user: user, at: wallClock(flow.now))
            case .audit(let user, let action, let object, let detail):
                notes.append("\(user): \(action) \(object)" + (detail.map { " (\($0))" } ?? ""))
                store?.enqueue(.audit(AuditEntry(at: wallClock(flow.now), user: user, action: action, object: object, detail: detail)))
            }
        }
    }

    private func startRecording(_ id: CallID, _ slot: RecordingSlot) {
        let callID = Int64(id.rawValue)
        let path = recordingDirectory(id) + "/" + writer.fileName(callID: callID)
        do { try writer.start(slot: slot, callID: callID, path: path) } catch {
            problems.append("recording \(id): \(error)")
            return
        }
        guard let store, let call = flow.calls[id] else { return }
        let now = wallClock(call.connected ?? call.arrived)
        store.enqueue([.callStarted(callID: callID, line: call.line.rawValue, arrived: wallClock(call.arrived)),
                       .recordingStarted(RecordingStart(callID: callID, path: path, queue: call.queue, agent: call.agentID,
                                                        started: now, sealedKey: writer.key?.keyID))])
    }

    /// A message goes to `<recordings>/messages/` beside the day's recordings.
    public func messagePath(_ id: CallID) -> String {
        recordingDirectory(id) + "/messages/" + writer.fileName(callID: Int64(id.rawValue))
    }

    private func startMessage(_ id: CallID, _ slot: RecordingSlot) {
        do { try writer.start(slot: slot, callID: Int64(id.rawValue), path: messagePath(id)) } catch {
            problems.append("message \(id): \(error)")
        }
    }

    private func finishMessage(_ id: CallID, _ slot: RecordingSlot, box: String, length: SampleTime) {
        guard writer.stop(slot: slot) != nil else { return }
        messages += 1
        guard let store, let call = flow.calls[id] else { return }
        let started = wallClock(flow.now - length)
        store.enqueue(.messageSaved(StoredMessage(callID: Int64(id.rawValue), box: box, callerNumber: call.callerID?.number, at: started,
                                                  durationMilliseconds: length.milliseconds, path: messagePath(id))))
    }

    private func storeRecordingEnd(_ outcome: RecordingWriter.Outcome, _ record: CallRecord) {
        guard let store else { return }
        let connected = record.connected.map { (record.ended ?? $0).milliseconds - $0.milliseconds }
        let assessment = QualityAssessment.evaluate(summary: outcome.talk, connectedMilliseconds: connected ?? 0,
                                                    surveyScore: record.surveyScore, surveyScale: flow.plan.surveyScales[record.queue ?? ""] ?? 5,
                                                    holdMilliseconds: record.holds > 0 ? record.heldFor.milliseconds : nil, settings: quality)
        let ended = (record.connected.map(wallClock) ?? wallClock(record.arrived)) + outcome.bytes / 32
        store.enqueue(.recordingFinished(RecordingEnd(callID: outcome.callID, ended: ended, bytes: outcome.bytes,
                                                      state: outcome.cut == nil ? .complete : .cutShort, note: outcome.cut,
                                                      quality: StoredForm.quality(outcome.talk, assessment))))
    }
}
