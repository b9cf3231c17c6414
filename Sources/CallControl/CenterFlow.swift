import ACD
import Channels
import Config
import DSP
import IVR
import MediaLoop
import Records
import Telephony

/// The call path of the whole center as one pure state machine: every call
/// answered on a line goes through the voice menus (`IVREngine`), joins a
/// queue of the shared `ACDEngine`, is bridged to the agent whose phone the
/// ACD rings, and after the agent hangs up answers the queue's survey
/// (`SurveyEngine`). Agents' phones also take feature codes (log in, log
/// out, pause) when lifted while idle.
///
/// `on(event, now:)` and `timers(now:)` return what to do; nothing here reads
/// a clock or does IO. The files: this one (state, entry points, timers),
/// +Lines (ringing, answer, the caller hanging up, release), +Menus (menus,
/// survey, prompts, routes), +Queues (ACD actions, bridging, recording),
/// +Phones (agents' phones, feature codes, reconciling).
public struct CenterFlow: Sendable {
    public enum LineState: Sendable, Equatable {
        case idle
        case ringing(CallID, rings: Int, lastRing: SampleTime)
        /// In the voice menus.
        case menu(CallID)
        /// Waiting in a queue (hold music; agents' phones may be ringing).
        case queued(CallID, queue: String)
        /// Bridged to the agent on this phone.
        case talking(CallID, agent: ChannelNumber)
        /// The agent has hung up; the caller is asked the survey.
        case survey(CallID)
        /// A last message plays, then the line is released.
        case leaving(CallID)
        /// Held for the callback booked on this call while an agent's phone rings.
        case reserved(CallID)
        /// A callback leg: seized, dialling, waiting for the called party.
        case callingOut(CallID)
        /// The caller leaves a message (greeting, then recording).
        case takingMessage(CallID)
        /// The caller is put through to an outside line (`dial`).
        case transferring(CallID)
        /// The outside line of a transfer (the call is the outside leg).
        case transferOut(CallID)

        public var call: CallID? {
            switch self {
            case .idle, .reserved: nil
            case .ringing(let id, _, _), .menu(let id), .queued(let id, _), .talking(let id, _), .survey(let id), .leaving(let id),
                 .callingOut(let id), .takingMessage(let id), .transferring(let id), .transferOut(let id): id
            }
        }

        public var isAnswered: Bool {
            switch self {
            case .idle, .ringing, .reserved: false
            default: true
            }
        }
    }

    public enum PhoneState: Sendable, Equatable {
        case idle
        case ringing(line: ChannelNumber)
        case talking(line: ChannelNumber)
        /// The caller left; the agent hears busy tone until hanging up.
        case afterCall
        /// Lifted while idle: dial tone, then feature-code digits.
        case dialling(String)
        /// Off hook with nothing to do (after a feature code).
        case offHook
        /// Flashed during a call: the caller is held, the agent hears dial
        /// tone and dials a colleague's number or a queue's transfer code.
        case flashed(line: ChannelNumber, digits: String)
        /// A transfer to a queue is ready: hanging up completes it, a flash
        /// cancels it.
        case transferReady(line: ChannelNumber, queue: String)
        /// What was dialled after the flash failed (busy, no answer, wrong
        /// code): a flash returns to the caller, hanging up leaves them held.
        case flashFailed(line: ChannelNumber)
        /// The caller is held while the agent rings (`answered` false) or
        /// talks with a colleague.
        case consulting(line: ChannelNumber, colleague: ChannelNumber, answered: Bool)
        /// The agent, the caller and the colleague hear each other.
        case conference(line: ChannelNumber, colleague: ChannelNumber)
        /// A colleague's phone, rung or answered for a consultation.
        case consulted(by: ChannelNumber, answered: Bool)
        /// Rings again for the call its agent left on hold too long.
        case recalling(line: ChannelNumber)
        /// A supervisor listening to, whispering to or joining an agent's call.
        case monitoring(agent: ChannelNumber, mode: MonitorMode)
        /// Hearing the mailboxes' new messages (see `pickups`).
        case messages

        /// Off hook on a caller's call: talking, or handling it (hold,
        /// dialling a transfer, consulting, in conference).
        public var isWithCaller: Bool {
            switch self {
            case .talking, .flashed, .transferReady, .flashFailed, .consulting, .conference: true
            default: false
            }
        }
    }

    /// How a supervisor takes part in an agent's call.
    public enum MonitorMode: String, Sendable, Equatable {
        /// Hears both sides; no one hears the supervisor.
        case listen
        /// Hears both sides; only the agent hears the supervisor.
        case whisper
        /// Everyone hears everyone.
        case barge
    }

    public internal(set) var plan: CenterPlan
    public internal(set) var lines: [ChannelNumber: LineState] = [:]
    public internal(set) var phones: [ChannelNumber: PhoneState] = [:]
    /// Calls in progress, by id.
    public internal(set) var calls: [CallID: CallRecord] = [:]
    /// The ACD's state (agents, queues, statistics), for views and reports.
    public internal(set) var acd: ACDEngine

    var sessions: [CallID: CallSession] = [:]
    /// The phone each offered agent's offer rings (or will ring) on.
    var offeredPhone: [AgentID: ChannelNumber] = [:]
    /// Offers to phones that were off hook: they ring once it is replaced.
    var pendingRing: [ChannelNumber: ChannelNumber] = [:]
    var featureDeadline: [ChannelNumber: SampleTime] = [:]
    /// Calls left on hold by agents who hung up, by the agent's phone.
    var held: [ChannelNumber: HeldCall] = [:]
    /// A consulted colleague's phone stops ringing at this time, by the consulting agent's phone.
    var consultDeadline: [ChannelNumber: SampleTime] = [:]
    /// The supervisor's phone monitoring each agent's phone.
    var monitors: [ChannelNumber: ChannelNumber] = [:]
    /// Message pickups in progress, by phone.
    var pickups: [ChannelNumber: MessagePickup] = [:]
    /// Keys pressed towards the conference code, by the consulting agent's phone.
    var pressed: [ChannelNumber: [DTMFKey]] = [:]
    /// Channels whose span is in alarm, with the alarms the board reported.
    public internal(set) var alarms: [ChannelNumber: AlarmSet] = [:]
    var nextCall = 1
    var freeSlots: [RecordingSlot]
    var dtmfCallerID: [ChannelNumber: DTMFCallerIDAssembler] = [:]
    /// DTMF caller ID completed on an idle line (sent before the first ring), and when.
    var earlyCallerID: [ChannelNumber: (CallerID, SampleTime)] = [:]
    /// Lines with `silence_hangup` quiet since then (the quiet detector's word).
    var quietSince: [ChannelNumber: SampleTime] = [:]
    var nextReconcile: SampleTime?
    var notesGiven: Set<String> = []
    /// Offers cancelled while handling one ACD event (see `acdStep`).
    var cancelledOffers: [CallID] = []
    /// Callbacks booked and not yet connected or given up, by booking call.
    var bookings: [CallID: Booking] = [:]
    /// Outside lines held for callbacks whose agents' phones ring, by booking call.
    var reservations: [CallID: ChannelNumber] = [:]
    /// Agents whose phones ring for a callback, by booking call.
    var legOffers: [CallID: Set<AgentID>] = [:]
    /// Callback legs in progress: booking call → leg; and every call the box
    /// placed (callbacks, transfers) → the call it was placed for.
    var legs: [CallID: CallID] = [:]
    var legOrigin: [CallID: CallID] = [:]
    /// Allowed numbers and caps for the box's own calls.
    var gate: OutboundGate
    /// ACD events raised while carrying out the ACD's actions, told once they are done.
    var deferredACD: [ACDEvent] = []
    /// How deep in carrying out ACD actions the flow is (see `tellACD`).
    var acdDepth = 0
    /// The time of the event being handled, and the actions decided so far.
    var now = SampleTime.zero
    var out: [CallAction] = []

    public init(plan: CenterPlan) throws(ACDConfigurationError) {
        self.plan = plan
        acd = try ACDEngine(configuration: plan.acd, random: SeededRandom(seed: plan.seed))
        for l in plan.lineOrder { lines[l] = .idle }
        for p in plan.phones { phones[p] = .idle }
        freeSlots = (0..<MediaLoop.recordingSlots).map(RecordingSlot.init)
        nextReconcile = plan.reconcileInterval
        nextCall = plan.firstCallID
        gate = OutboundGate(settings: plan.outbound)
    }

    /// The tap slot a call's recording runs in (nil: not being recorded).
    public func recordingSlot(of id: CallID) -> RecordingSlot? { sessions[id]?.slot }

    /// Attaches every channel and logs the agents in (when the plan says so).
    public mutating func start(now: SampleTime = .zero) -> [CallAction] {
        self.now = now
        for c in plan.lineOrder { media(.attach(c, idleFeatures(c))) }
        for c in plan.phones { media(.attach(c, [])) }
        for text in plan.startNotes { note(text) }
        if plan.logInAgentsAtStart {
            for agent in plan.acd.agents {
                guard let phone = agent.homeChannel, phones[ChannelNumber(phone.rawValue)] != nil else { continue }
                acdStep(.console(.login(agent.id, channel: nil)))
            }
        }
        return take()
    }

    public mutating func on(_ event: MediaEvent, now: SampleTime) -> [CallAction] {
        self.now = max(now, self.now)
        switch event {
        case .channel(let c, let e):
            if lines[c] != nil { lineEvent(c, e) } else if phones[c] != nil { phoneEvent(c, e) }
        case .dsp(let c, let e):
            if lines[c] != nil { lineSignal(c, e) } else if phones[c] != nil { phoneSignal(c, e) }
        case .callerID(let c, let bytes):
            if case .ringing(let id, _, _) = lines[c] ?? .idle, let cid = try? CallerIDMessage.decodeFSK(bytes.bytes) {
                calls[id]?.callerID = cid
            }
        case .playbackFinished(let c, let prompt):
            if phones[c] == .messages { messageEnded(c) } else { playbackFinished(c, prompt) }
        case .clipDone:
            break
        case .failed(let c, let error):
            if let id = lines[c]?.call { callerGone(id, .lineFailed, reason: failureReason(error)) }
        }
        return take()
    }

    /// Everything timed: lines that stop ringing, menu and survey timeouts,
    /// feature-code pauses, the ACD's wake-ups and the reconciler.
    /// A supervisor's agent command from the console (login, logout, pause, unpause).
    public mutating func console(_ command: AgentCommand, now: SampleTime) -> [CallAction] {
        self.now = max(now, self.now)
        acdStep(.console(command))
        return take()
    }

    /// A supervisor hangs up a call from the console: whichever engine has
    /// it is told, the line goes on hook, an agent left on it hears busy tone.
    /// `by` is the operator, kept with the call's release reason.
    public mutating func hangUp(_ id: CallID, now: SampleTime, by: String? = nil) -> [CallAction] {
        self.now = max(now, self.now)
        if calls[id] != nil { callerGone(id, .operatorHangUp, reason: ReleaseReason(.operatorHangUp, by: by)) }
        return take()
    }

    public mutating func timers(now: SampleTime) -> [CallAction] {
        self.now = max(now, self.now)
        for line in plan.lineOrder {
            if case .ringing(let id, _, let last) = lines[line] ?? .idle, self.now - last > plan.ringGiveUp {
                release(id, .abandonedRinging, reason: ReleaseReason(.ringingStopped, milliseconds: Int((self.now - last).milliseconds)))
            }
        }
        releaseLongCalls()
        releaseQuietLines()
        for id in sessions.keys.sorted() {
            guard let session = sessions[id] else { continue }
            if let entry = session.entry, let step = entry.timer(now: self.now) { callbackEntryStep(id, step) }
            if let progress = session.progress, self.now >= progress.deadline {
                if case .transferOut = lines[session.line] ?? .idle { transferTimer(id) } else { callbackProgress(id, .timer) }
            }
            if messageDue(session) { finishMessage(id, timedOut: true) }
            guard let due = session.deadline, self.now >= due else { continue }
            feed(id, .timer)
        }
        for phone in featureDeadline.keys.sorted() {
            guard let due = featureDeadline[phone], due <= self.now else { continue }
            featureDeadline[phone] = nil
            switch phones[phone] ?? .idle {
            case .dialling(let digits): submitFeatureCode(phone, digits, offHook: true)
            case .flashed(let line, let digits): submitTarget(phone, line, digits)
            default: break
            }
        }
        for phone in consultDeadline.keys.sorted() where consultDeadline[phone]! <= self.now { consultRangOut(phone) }
        recallHeldCalls()
        if let wake = acd.nextWakeup, self.now >= wake { acdStep(.tick) }
        if let due = nextReconcile, let interval = plan.reconcileInterval, self.now >= due {
            nextReconcile = self.now + interval
            reconcile()
        }
        return take()
    }

    // MARK: Shared by the extensions

    mutating func take() -> [CallAction] {
        defer { out = [] }
        return out
    }

    mutating func emit(_ action: CallAction) { out.append(action) }

    /// The agent logged in on a phone.
    func agent(on phone: ChannelNumber) -> AgentID? { acd.agent(on: ChannelID(phone.rawValue)) }

    /// The phone an agent is logged in on.
    func phone(of agent: AgentID) -> ChannelNumber? { acd.agent(agent)?.channel.map { ChannelNumber($0.rawValue) } }
    mutating func media(_ command: MediaCommand) { out.append(.media(command)) }

    /// Says something once (the same text is not repeated).
    mutating func note(_ text: String) {
        if notesGiven.insert(text).inserted { out.append(.note(text)) }
    }

    /// The wall-clock time at `now`.
    var wallClock: UnixTime {
        UnixTime(seconds: plan.clockAtStart.seconds + now.samples / Int64(telephonySampleRate))
    }
}

/// A call its agent left on hold and hung up on.
struct HeldCall: Sendable, Equatable {
    var line: ChannelNumber
    /// The agent's phone rings again at this time.
    var recall: SampleTime
}

/// What one call carries besides its record: the engines it is in, the
/// queue and agent, the prompts playing on its line.
struct CallSession: Sendable {
    var line: ChannelNumber
    var language: String
    var ivr: IVREngine?
    var survey: SurveyEngine?
    /// The last menu added to the record's path.
    var lastMenu: String?
    var queue: String?
    var joined: SampleTime?
    var agent: AgentID?
    var phone: ChannelNumber?
    var slot: RecordingSlot?
    /// Keys the agent pressed towards the on-demand recording key (nil: not an on-demand call, or recording).
    var demandKeys: [DTMFKey]?
    var connected: SampleTime?
    var music: MediaPrompt?
    var playback: Playback?
    /// A waiting caller choosing their callback number.
    var entry: CallbackEntry?
    /// A callback leg's dialling and answer detection.
    var progress: CallbackProgress?
    /// A message being left.
    var message: CenterFlow.MessageTake?
    /// The outside leg this caller is put through to.
    var transfer: CallID?
    /// Since when the agent has held the caller (nil: not on hold).
    var heldSince: SampleTime?
    /// A tap slot a supervisor listens on when the call is not recorded.
    var listenSlot: RecordingSlot?

    init(line: ChannelNumber, language: String) {
        self.line = line
        self.language = language
    }

    /// When the engine the call is in wants `.timer`.
    var deadline: SampleTime? {
        if let survey { return survey.deadline }
        return ivr?.deadline
    }
}
