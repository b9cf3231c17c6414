import Channels
import DSP
import MediaLoop
import Telephony

/// What the call flow decides.
public enum CallAction: Sendable, Equatable {
    case media(MediaCommand)
    /// Start writing a recording for a call into a tap slot.
    case recordingStarted(CallID, RecordingSlot)
    case recordingStopped(CallID, RecordingSlot)
    /// A call is over; its record is final.
    case finished(CallRecord)
}

/// Settings of the minimal call path.
public struct CallFlowSettings: Sendable {
    public var lines: [ChannelNumber]
    public var phones: [ChannelNumber]
    /// Answer at this ring (2: after the first ring, so FSK caller ID sent
    /// between the first and second ring is captured).
    public var answerOnRing = 2
    public var greeting: PromptID
    public var music: PromptID
    /// Played to an agent whose caller hung up, until the agent hangs up.
    public var busyTone: PromptID
    /// Tones (indices in the tone plan) that mean the caller hung up.
    public var hangUpTones: Set<ToneIndex>
    /// An agent's phone rings this long before the call goes to the next agent.
    public var agentRingTimeout = SampleTime(milliseconds: 20_000)
    /// A line that stops ringing for this long was abandoned before answer.
    public var ringGiveUp = SampleTime(milliseconds: 6_000)
    public var record = true

    public init(lines: [ChannelNumber], phones: [ChannelNumber], greeting: PromptID, music: PromptID,
                busyTone: PromptID, hangUpTones: Set<ToneIndex>) {
        self.lines = lines
        self.phones = phones
        self.greeting = greeting
        self.music = music
        self.busyTone = busyTone
        self.hangUpTones = hangUpTones
    }
}

/// The minimal call path as a pure state machine.
public struct CallFlow: Sendable {
    public enum LineState: Sendable, Equatable {
        case idle
        case ringing(CallID, rings: Int, lastRing: SampleTime)
        case greeting(CallID)
        case waiting(CallID)
        case offering(CallID, agent: ChannelNumber, since: SampleTime)
        case talking(CallID, agent: ChannelNumber, slot: RecordingSlot?)
    }

    public enum PhoneState: Sendable, Equatable {
        case idle
        case ringing(line: ChannelNumber)
        case talking(line: ChannelNumber)
        /// The caller left; the agent hears busy tone until hanging up.
        case afterCall
    }

    public let settings: CallFlowSettings
    public private(set) var lines: [ChannelNumber: LineState] = [:]
    public private(set) var phones: [ChannelNumber: PhoneState] = [:]
    public private(set) var queue: [ChannelNumber] = []
    public private(set) var calls: [CallID: CallRecord] = [:]
    private var nextCall = 1
    private var freeSlots: [RecordingSlot]
    private var dtmfCallerID: [ChannelNumber: DTMFCallerIDAssembler] = [:]
    /// The order agents are offered calls in: the one idle longest first.
    private var idleOrder: [ChannelNumber]

    public init(settings: CallFlowSettings) {
        self.settings = settings
        for l in settings.lines { lines[l] = .idle }
        for p in settings.phones { phones[p] = .idle }
        idleOrder = settings.phones
        freeSlots = (0..<MediaLoop.recordingSlots).map(RecordingSlot.init)
    }

    /// Actions to attach every channel at start-up.
    public func start() -> [CallAction] {
        settings.lines.map { .media(.attach($0, [])) } + settings.phones.map { .media(.attach($0, [])) }
    }

    public mutating func on(_ event: MediaEvent, now: SampleTime) -> [CallAction] {
        switch event {
        case .channel(let c, let e):
            if lines[c] != nil { return onLine(c, e, now) }
            if phones[c] != nil { return onPhone(c, e, now) }
        case .dsp(let c, .toneBegin(let tone, _, _)) where settings.hangUpTones.contains(tone):
            if let id = lines[c].flatMap(Self.call) { return endCall(id, c, .callerBusyTone, now) }
        case .dsp(let c, .dtmfBegin(let key, _)) where lines[c].map(Self.answered) == true:
            if let id = lines[c].flatMap(Self.call) { calls[id]?.keys.append(key.rawValue) }
        case .dsp(let c, .dtmfBegin(let key, let at)):
            if case .ringing = lines[c] ?? .idle, var assembler = dtmfCallerID[c] ?? Optional(DTMFCallerIDAssembler()) {
                if assembler.add(key, at: at), let id = try? assembler.take(), case .ringing(let call, _, _) = lines[c] ?? .idle {
                    calls[call]?.callerID = id
                }
                dtmfCallerID[c] = assembler
            }
        case .callerID(let c, let bytes):
            if case .ringing(let call, _, _) = lines[c] ?? .idle, let id = try? CallerIDMessage.decodeFSK(bytes.bytes) {
                calls[call]?.callerID = id
            }
        case .playbackFinished(let c, let prompt) where prompt == settings.greeting:
            if case .greeting(let id) = lines[c] ?? .idle {
                lines[c] = .waiting(id)
                queue.append(c)
                return [.media(.play(c, settings.music, loop: true))] + dispatch(now)
            }
        case .failed(let c, _):
            if let id = lines[c].flatMap(Self.call) { return endCall(id, c, .lineFailed, now) }
        default:
            break
        }
        return []
    }

    /// Timers: agents that do not answer, lines that stop ringing.
    public mutating func timers(now: SampleTime) -> [CallAction] {
        var actions: [CallAction] = []
        for (line, state) in lines {
            switch state {
            case .ringing(let id, _, let last) where now - last > settings.ringGiveUp:
                actions += endCall(id, line, .abandonedRinging, now)
            case .offering(let id, let agent, let since) where now - since > settings.agentRingTimeout:
                calls[id]?.missedOffers += 1
                phones[agent] = .idle
                idleOrder.removeAll { $0 == agent }
                idleOrder.append(agent)
                lines[line] = .waiting(id)
                queue.insert(line, at: 0)
                actions.append(.media(.hook(agent, .ringStop)))
                actions += dispatch(now, skipping: agent)
            default:
                break
            }
        }
        return actions
    }

    static func answered(_ state: LineState) -> Bool {
        switch state {
        case .idle, .ringing: return false
        default: return true
        }
    }

    static func call(_ state: LineState) -> CallID? {
        switch state {
        case .idle: return nil
        case .ringing(let id, _, _), .greeting(let id), .waiting(let id), .offering(let id, _, _), .talking(let id, _, _): return id
        }
    }

    private mutating func onLine(_ line: ChannelNumber, _ event: ChannelEvent, _ now: SampleTime) -> [CallAction] {
        let state = lines[line] ?? .idle
        switch (state, event) {
        case (.idle, .ringBegin):
            let id = CallID(nextCall)
            nextCall += 1
            calls[id] = CallRecord(id: id, line: line, arrived: now)
            dtmfCallerID[line] = DTMFCallerIDAssembler()
            lines[line] = .ringing(id, rings: 1, lastRing: now)
            if settings.answerOnRing <= 1 { return answer(line, id, now) }
            return [.media(.setDSP(line, [.callerID, .dtmf]))]
        case (.ringing(let id, let rings, _), .ringBegin):
            lines[line] = .ringing(id, rings: rings + 1, lastRing: now)
            if rings + 1 >= settings.answerOnRing { return answer(line, id, now) }
        case (.ringing(let id, let rings, _), .ringEnd):
            lines[line] = .ringing(id, rings: rings, lastRing: now)
        case (_, .lineDisconnect):
            if let id = Self.call(state) { return endCall(id, line, .callerLoopCurrentDrop, now) }
        case (_, .alarm):
            if let id = Self.call(state) { return endCall(id, line, .lineFailed, now) }
        default:
            break
        }
        return []
    }

    private mutating func answer(_ line: ChannelNumber, _ id: CallID, _ now: SampleTime) -> [CallAction] {
        lines[line] = .greeting(id)
        calls[id]?.answered = now
        dtmfCallerID[line] = nil
        return [.media(.hook(line, .offHook)), .media(.setDSP(line, DSPFeatures.call)),
                .media(.play(line, settings.greeting, loop: false))]
    }

    private mutating func onPhone(_ phone: ChannelNumber, _ event: ChannelEvent, _ now: SampleTime) -> [CallAction] {
        let state = phones[phone] ?? .idle
        switch (state, event) {
        case (.ringing(let line), .phoneOffHook):
            guard case .offering(let id, phone, _) = lines[line] ?? .idle else { return [] }
            phones[phone] = .talking(line: line)
            calls[id]?.agent = phone
            calls[id]?.connected = now
            var actions: [CallAction] = [.media(.stopPlayback(line)), .media(.bridge(line, phone))]
            var slot: RecordingSlot?
            if settings.record, !freeSlots.isEmpty {
                let free = freeSlots.removeFirst()  // least recently used: late frames of an old call never land in a new one
                slot = free
                calls[id]?.recording = true
                actions += [.recordingStarted(id, free), .media(.startRecording(free, left: line, right: phone))]
            }
            lines[line] = .talking(id, agent: phone, slot: slot)
            return actions
        case (.talking(let line), .phoneOnHook):
            guard let id = lines[line].flatMap(Self.call) else { return [] }
            return endCall(id, line, .agentHungUp, now)
        case (.afterCall, .phoneOnHook):
            phones[phone] = .idle
            return [.media(.stopPlayback(phone))] + dispatch(now)
        default:
            return []
        }
    }

    private mutating func endCall(_ id: CallID, _ line: ChannelNumber, _ end: CallEnd, _ now: SampleTime) -> [CallAction] {
        var actions: [CallAction] = []
        let state = lines[line] ?? .idle
        switch state {
        case .offering(_, let agent, _):
            phones[agent] = .idle
            actions.append(.media(.hook(agent, .ringStop)))
        case .talking(_, let agent, let slot):
            actions += [.media(.unbridge(line))]
            if let slot {
                actions += [.media(.stopRecording(slot)), .recordingStopped(id, slot)]
                freeSlots.append(slot)
            }
            if end == .agentHungUp {
                phones[agent] = .idle
            } else {
                phones[agent] = .afterCall
                actions.append(.media(.play(agent, settings.busyTone, loop: true)))
            }
        default:
            break
        }
        queue.removeAll { $0 == line }
        if Self.answered(state) {
            actions += [.media(.stopPlayback(line)), .media(.hook(line, .onHook))]
        }
        actions.append(.media(.setDSP(line, [])))
        lines[line] = .idle
        dtmfCallerID[line] = nil
        if var record = calls.removeValue(forKey: id) {
            record.ended = now
            record.end = end
            actions.append(.finished(record))
        }
        return actions + dispatch(now)
    }

    /// Offers waiting callers, oldest first, to idle agents, longest idle first.
    private mutating func dispatch(_ now: SampleTime, skipping skipped: ChannelNumber? = nil) -> [CallAction] {
        var actions: [CallAction] = []
        while let line = queue.first,
              let agent = idleOrder.first(where: { phones[$0] == .idle && $0 != skipped }),
              case .waiting(let id) = lines[line] ?? .idle {
            queue.removeFirst()
            idleOrder.removeAll { $0 == agent }
            idleOrder.append(agent)
            phones[agent] = .ringing(line: line)
            lines[line] = .offering(id, agent: agent, since: now)
            actions.append(.media(.hook(agent, .ringStart)))
        }
        return actions
    }
}
