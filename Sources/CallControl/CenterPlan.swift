import ACD
import Channels
import Config
import DSP
import IVR
import MediaLoop
import Telephony

/// Tones Kefu plays that are not configured prompts.
public struct CenterTones: Sendable, Equatable {
    /// To an agent whose caller has gone, until they hang up.
    public var busy: MediaPrompt
    /// To an agent who lifts an idle phone, until the first key.
    public var dial: MediaPrompt
    /// After a feature code the ACD accepted, and after one it refused.
    public var accepted: MediaPrompt
    public var refused: MediaPrompt
    /// To an agent whose colleague's phone rings (a consultation).
    public var ringback: MediaPrompt
    /// To a caller on hold whose queue has no music.
    public var hold: MediaPrompt

    public init(busy: MediaPrompt, dial: MediaPrompt, accepted: MediaPrompt, refused: MediaPrompt,
                ringback: MediaPrompt, hold: MediaPrompt) {
        self.busy = busy
        self.dial = dial
        self.accepted = accepted
        self.refused = refused
        self.ringback = ringback
        self.hold = hold
    }
}

/// What agents and supervisors do from their phones during calls: the
/// codes after a hook flash and on an idle phone, who may monitor.
public struct PhoneFeatures: Sendable, Equatable {
    /// Digits dialled after a flash that transfer the caller to a queue.
    public var queueCodes: [String: String] = [:]
    /// Agents who may listen, whisper and barge.
    public var supervisors: Set<String> = []
    public var listenCode = "*51"
    public var whisperCode = "*52"
    public var bargeCode = "*53"
    public var messageCode = "*97"
    /// Keys pressed while consulting a colleague that bring the caller in.
    public var conferenceKeys: [DTMFKey] = [.three]
    /// A held call rings its agent again after this long.
    public var holdReminder = SampleTime(milliseconds: 60_000)
    /// A consulted colleague's phone rings this long before the agent hears busy.
    public var consultRingTimeout = SampleTime(milliseconds: 20_000)

    public init() {}

    init(config: KefuConfig) {
        for queue in config.queues { if let code = queue.transferCode { queueCodes[code.value] = queue.name } }
        supervisors = Set(config.agents.filter(\.supervisor).map(\.id))
        listenCode = config.acd.listenCode.value
        whisperCode = config.acd.whisperCode.value
        bargeCode = config.acd.bargeCode.value
        messageCode = config.acd.messageCode.value
        conferenceKeys = config.acd.conferenceCode.value.compactMap { DTMFKey(rawValue: $0) }
        holdReminder = SampleTime(milliseconds: Int64(config.acd.holdReminder))
    }
}

/// Everything `CenterFlow` needs, worked out once from the config: which
/// channels are lines (and the menu their calls start in) and which are
/// agents' phones, the IVR's tables, the ACD's queues and agents, each
/// queue's survey and recording, the loaded prompts, and the timings.
public struct CenterPlan: Sendable {
    /// An incoming line: the menu its calls start in (nil: not answered) and
    /// their starting language.
    public struct Line: Sendable, Equatable {
        public var menu: String?
        public var language: String
        /// The longest call on the line (nil: no limit).
        public var maxCall: SampleTime? = nil
        /// A polarity reversal during a call is the caller hanging up.
        public var polarityHangUp = false
        /// Quiet this long releases the call (lines that send no hang-up signal).
        public var silenceHangUp: SampleTime? = nil
        /// The level (dBm0) below which the line counts as quiet, when `silenceHangUp` is set.
        public var quietBelow: Int? = nil
        /// The frequencies of the hang-up tone learned on this line (its "disconnect" tone), if any.
        public var learnedToneFrequencies: [Int] = []
        /// An E1 trunk: calls are offered with their numbers and cleared by
        /// signalling, and the far end's answer is signalled too.
        public var supervised = false
        /// E1: the menu for each called number (DNIS); others take `menu`.
        public var dnisMenus: [String: String] = [:]

        /// The menu a call to `called` starts in (nil: not answered).
        public func menu(called: String?) -> String? {
            called.flatMap { dnisMenus[$0] } ?? menu
        }
    }

    public var lines: [ChannelNumber: Line] = [:]
    /// Lines and phones in channel order.
    public var lineOrder: [ChannelNumber] = []
    public var phones: [ChannelNumber] = []
    public var ivr: IVRPlan
    public var acd: ACDConfiguration
    /// The config's queues by name (survey, recording, overflow).
    public var queues: [String: Queue] = [:]
    /// Agent id → display name.
    public var agentNames: [String: String] = [:]
    public var recordingEnabled: Bool
    /// Played to the caller before a recorded call is connected.
    public var recordingNotice: [String]
    /// The keys an agent presses to record a call of an on-demand queue.
    public var onDemandKey: [DTMFKey]
    /// Loaded prompts by file (`zh/welcome.wav`).
    public var prompts: [String: MediaPrompt]
    public var tones: CenterTones
    /// Transfer, hold, conference and monitoring codes.
    public var features = PhoneFeatures()
    /// Tones (indices in the tone plan) that mean the caller hung up.
    public var hangUpTones: Set<ToneIndex>
    /// Every tone of the plan by its name (`busy`, `ringback`), for callbacks' progress.
    public var toneNames: [ToneIndex: String]
    /// Lines callbacks may dial out on, in channel order.
    public var outboundLines: [ChannelNumber] = []
    /// Each line group that may call out, by name: its lines (for `dial`).
    public var groupLines: [String: [ChannelNumber]] = [:]
    /// Allowed numbers, caps and timings of the box's own calls.
    public var outbound: OutboundSection
    /// The wall-clock time at sample zero (schedules are checked against it).
    public var clockAtStart: UnixTime
    /// Answer at this ring (2: after the first ring, so FSK caller ID sent
    /// between the first and second ring is captured).
    public var answerOnRing = 2
    /// A line that stops ringing for this long was abandoned before answer.
    public var ringGiveUp = SampleTime(milliseconds: 6_000)
    /// Feature-code digits dialled on a phone end after this pause (or '#').
    public var featureCodePause = SampleTime(milliseconds: 3_000)
    /// How often the ACD compares its state with the lines (nil: never).
    public var reconcileInterval: SampleTime? = SampleTime(milliseconds: 5_000)
    /// Log every configured agent in on their phone at start-up (otherwise
    /// agents log in with the feature code).
    public var logInAgentsAtStart = true
    /// Seed of the ACD's random routing.
    public var seed: UInt64 = 1
    /// The first call number (the store's highest so far plus one, so
    /// numbers stay unique across restarts).
    public var firstCallID = 1
    /// The survey scale (keys 1 … scale) of each queue with a survey.
    public var surveyScales: [String: Int] = [:]
    /// Parts of the config Kefu does not serve yet, said once at start.
    public var startNotes: [String] = []

    public init(config: KefuConfig, calendar: HolidayCalendar, prompts: [String: MediaPrompt], tones: CenterTones,
                clockAtStart: UnixTime, tonePlan: TonePlan = .china) {
        ivr = IVRPlan(config: config, calendar: calendar)
        acd = ACDConfigurationMapping.acdConfiguration(from: config)
        for group in config.lines {
            switch group.signalling {
            case .fxo:
                for c in group.channels {
                    var line = Line(menu: group.menu?.value, language: group.language?.value ?? config.system.defaultLanguage,
                                    maxCall: group.maxCall.map { SampleTime(milliseconds: Int64($0)) },
                                    polarityHangUp: group.polarityHangUp)
                    if let learned = config.learned(c) {
                        if learned.disconnect == .polarity { line.polarityHangUp = true }
                        line.learnedToneFrequencies = learned.disconnect == .tone ? learned.tone?.frequencies ?? [] : []
                        if let quiet = learned.silenceHangUp {
                            line.silenceHangUp = SampleTime(milliseconds: Int64(quiet))
                            line.quietBelow = learned.quietBelowDBm0
                        }
                    }
                    lines[ChannelNumber(c)] = line
                }
                if group.outbound {
                    outboundLines += group.channels.map(ChannelNumber.init)
                    groupLines[group.name] = group.channels.map(ChannelNumber.init)
                }
            case .fxs:
                phones += group.channels.map(ChannelNumber.init)
            case .pri, .r2:
                for c in group.channels {
                    var line = Line(menu: group.menu?.value, language: group.language?.value ?? config.system.defaultLanguage,
                                    maxCall: group.maxCall.map { SampleTime(milliseconds: Int64($0)) })
                    line.supervised = true
                    for entry in group.e1?.dnisMenus ?? [] { line.dnisMenus[entry.number] = entry.menu.value }
                    lines[ChannelNumber(c)] = line
                }
                if group.outbound {
                    outboundLines += group.channels.map(ChannelNumber.init)
                    groupLines[group.name] = group.channels.map(ChannelNumber.init)
                }
            }
        }
        lineOrder = lines.keys.sorted()
        phones.sort()
        for queue in config.queues {
            queues[queue.name] = queue
            if let name = queue.survey?.value, let survey = config.survey(name) { surveyScales[queue.name] = survey.scale }
        }
        for agent in config.agents { agentNames[agent.id] = agent.name }
        features = PhoneFeatures(config: config)
        recordingEnabled = config.recording.enabled
        recordingNotice = config.recording.announcePrompt.map(\.value)
        onDemandKey = config.recording.onDemandKey.compactMap { DTMFKey(rawValue: $0) }
        self.prompts = prompts
        self.tones = tones
        hangUpTones = Set(tonePlan.tones.indices.filter { TonePlan.hangUpToneNames.contains(tonePlan.tones[$0].name) }.map(ToneIndex.init))
        toneNames = Dictionary(uniqueKeysWithValues: tonePlan.tones.indices.map { (ToneIndex($0), tonePlan.tones[$0].name) })
        outbound = config.outbound
        outboundLines.sort()
        self.clockAtStart = clockAtStart
    }

    /// Whether calls of a queue are recorded.
    public func records(_ queue: String) -> Bool {
        recordPolicy(queue) != .never
    }

    /// How calls of a queue are recorded (never, when recording is off).
    public func recordPolicy(_ queue: String) -> RecordPolicy {
        recordingEnabled ? (queues[queue]?.record ?? .always) : .never
    }

    /// A prompt's file key, as the prompt table is indexed.
    static func file(_ name: String, _ language: String) -> String {
        ConfigLoader.promptFile(name, language: language)
    }
}
