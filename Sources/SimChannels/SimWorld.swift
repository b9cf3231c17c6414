#if canImport(Glibc)
import Glibc
#endif
import Channels
import DSP
import Synchronization
import Telephony

/// Seeded synthetic callers on the board's FXO lines and agents on its FXS
/// phones. Callers ring with China's cadence (1 s on, 4 s off), send FSK
/// caller ID (Bell 202 MDMF) in the first gap, press the keys of a script
/// picked for the call (DTMF audio, not events) while they wait, talk once
/// they hear an agent, answer the survey with a key 1–5 about 2 s after the
/// agent has gone if Kefu keeps the line, and hang up by loop-current drop
/// or busy tone. Agents answer after a delay (or miss the call), talk, and
/// hang up.
///
/// A simulated agent's audio carries a fixed four-sample signature at the
/// start of each block, too faint to count as speech; Kefu bridges audio
/// unchanged, so a caller "hears an agent" when that signature arrives.
/// (The simulation's stand-in for a person recognising a human voice.)
/// Caller and agent take turns: each talks in bursts of a few seconds and
/// starts again only when the other is quiet (small overlaps remain, as in
/// life); between bursts the line carries faint noise, never digital
/// silence.
public final class SimWorld: SimWorldDriver {
    public let settings: SimWorldSettings
    let counters = SimCounters()
    /// A snapshot of the counts, safe to read from any thread.
    public var counts: SimWorldCounts { counters.snapshot }
    static let signature: [Int16] = [9, -9, 7, -7]

    var rng: SplitMix64
    private var nextArrival: Int64
    private var callers: [ChannelNumber: Caller] = [:]
    private var agents: [ChannelNumber: Agent] = [:]
    private let lineNumbers: [ChannelNumber]
    private let phoneNumbers: [ChannelNumber]
    var block: [Int16]
    let busyCycle: [Int16]
    /// China's ringback (450 Hz, 1 s on, 4 s off) and dial tone, for calls Kefu places.
    let ringbackCycle: [Int16]
    let dialTone: [Int16]
    private var numberSequence = 0

    enum CallerState: Equatable {
        case idle
        case ringing(since: Int64)
        case waiting(since: Int64, patience: Int64)
        case talking(until: Int64)
        /// The agent has gone; the survey key goes at `answerAt` (once), and
        /// the caller hangs up at `giveUpAt` if Kefu has not.
        case survey(answerAt: Int64?, giveUpAt: Int64)
        case busyTone
        /// Kefu seized the line to call out; dial tone until digits come.
        case seized(digitsBefore: Int)
        /// Ringback after Kefu dialled; answered at `answerAt` (nil: never).
        case ringingBack(since: Int64, answerAt: Int64?)
    }

    final class Caller {
        var state = CallerState.idle
        let callerID: CallerIDGenerator
        let keys = DTMFGenerator(level: -10, onMilliseconds: 80, offMilliseconds: 80)
        /// Key steps still to press, and when the next one goes.
        var script: [String] = []
        var nextKeys: Int64 = 0
        var sendingKeys = false
        /// Blocks in a row without the agent's signature while talking.
        var agentSilent = 0
        var turn = Turn()
        /// The last block heard carried speech (the agent talking).
        var hearsSpeech = false
        var busyPosition = 0
        var tonePosition = 0
        /// Idle with the line on hook since the last call: Kefu lifting it now is a seizure.
        var onHookWhileIdle = false
        /// On a call Kefu placed (a callback), not one they made.
        var isCallee = false
        init() { callerID = CallerIDGenerator(signal: .bell202) }
    }

    enum AgentState: Equatable {
        case idle
        /// Decided about the offer that started ringing the `ring`th time:
        /// answer at `answerAt`, or (nil) let it ring out.
        case deciding(answerAt: Int64?, ring: Int)
        case talking(until: Int64)
    }

    final class Agent {
        var state = AgentState.idle
        /// Consecutive silent blocks heard while talking (the caller left: busy tone's gaps).
        var silentBlocks = 0
        var turn = Turn(speaking: true, until: 0)
        /// The last block heard carried speech (the caller talking).
        var hearsSpeech = false
    }

    public init(board: SimBoard, settings: SimWorldSettings = SimWorldSettings()) {
        self.settings = settings
        rng = SplitMix64(seed: settings.seed)
        lineNumbers = board.channels.filter { $0.signalling == .fxoLine }.map(\.number)
        phoneNumbers = board.channels.filter { $0.signalling == .fxsPhone }.map(\.number)
        for l in lineNumbers { callers[l] = Caller() }
        for p in phoneNumbers { agents[p] = Agent() }
        block = [Int16](repeating: 0, count: board.blockSize)
        var synth = SignalSynth()
        synth.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 700)
        busyCycle = synth.pcm
        var ringback = SignalSynth()
        ringback.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 1000, offMilliseconds: 4000, totalMilliseconds: 5000)
        ringbackCycle = ringback.pcm
        var dial = SignalSynth()
        dial.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 1000, offMilliseconds: 0, totalMilliseconds: 1000)
        dialTone = dial.pcm
        nextArrival = 0
        nextArrival = ticks(exponential(mean: 60 / max(settings.callsPerMinute, 0.001)))
    }

    func ticks(_ seconds: Double) -> Int64 { Int64(seconds * 50) }

    func exponential(mean: Double) -> Double { -mean * log(1 - rng.nextUnit()) }

    public func beforeTick(board: SimBoard, tick: Int64) {
        if tick >= nextArrival {
            arrive(board, tick)
            nextArrival = tick + max(1, ticks(exponential(mean: 60 / max(settings.callsPerMinute, 0.001))))
        }
        for line in lineNumbers { callerActs(board, line, callers[line]!, tick) }
        for phone in phoneNumbers { agentActs(board, phone, agents[phone]!, tick) }
    }

    public func afterTick(board: SimBoard, tick: Int64) {
        for line in lineNumbers {
            let caller = callers[line]!
            block.withUnsafeMutableBufferPointer { board.farReceive(line, into: $0) }
            let hearsAgent = Array(block.prefix(4)) == Self.signature
            caller.hearsSpeech = Self.carriesSpeech(block)
            switch caller.state {
            case .waiting where hearsAgent:
                if !caller.isCallee { counters.reachedAgent.add(1, ordering: .relaxed) }
                caller.agentSilent = 0
                caller.state = .talking(until: tick + ticks(exponential(mean: settings.meanTalk * 2)))
            case .talking:
                caller.agentSilent = hearsAgent ? 0 : caller.agentSilent + 1
                if caller.agentSilent == 25 {  // half a second without the agent: they hung up, Kefu kept the line
                    counters.endedByAgent.add(1, ordering: .relaxed)
                    flushKeys(caller)
                    let delay = settings.surveyDelay.lowerBound + rng.nextUnit() * (settings.surveyDelay.upperBound - settings.surveyDelay.lowerBound)
                    caller.state = .survey(answerAt: tick + ticks(delay), giveUpAt: tick + ticks(20))
                }
            default:
                break
            }
        }
        for phone in phoneNumbers {
            let agent = agents[phone]!
            block.withUnsafeMutableBufferPointer { board.farReceive(phone, into: $0) }
            guard case .talking(let until) = agent.state else { continue }
            agent.hearsSpeech = Self.carriesSpeech(block)
            agent.silentBlocks = block.allSatisfy({ $0 == 0 }) ? agent.silentBlocks + 1 : 0
            // A caller always makes some sound; 200 ms of digital silence is
            // the gap of the busy tone Kefu plays when the caller has gone.
            if agent.silentBlocks == 10 { agent.state = .talking(until: min(until, tick + 25)) }
        }
    }

    private func arrive(_ board: SimBoard, _ tick: Int64) {
        counters.arrived.add(1, ordering: .relaxed)
        guard let line = lineNumbers.first(where: { callers[$0]!.state == .idle && !board.lineIsOffHook($0) && board.isOpen($0) }) else {
            counters.blocked.add(1, ordering: .relaxed)
            return
        }
        let caller = callers[line]!
        caller.state = .ringing(since: tick)
        caller.onHookWhileIdle = false
        caller.isCallee = false
        numberSequence += 1
        let number = "1380013" + String(String(numberSequence + 1000).suffix(4))
        caller.callerID.send(CallerID(format: .fskMDMF, number: number, name: nil, dateTime: "11251030"))
    }

    func send(_ board: SimBoard, _ line: ChannelNumber) {
        block.withUnsafeBufferPointer { board.farSend(line, $0) }
    }

    private func callerActs(_ board: SimBoard, _ line: ChannelNumber, _ caller: Caller, _ tick: Int64) {
        switch caller.state {
        case .idle:
            if !board.lineIsOffHook(line) {
                caller.onHookWhileIdle = true
            } else if caller.onHookWhileIdle {
                seized(board, line, caller)
            }
        case .seized, .ringingBack:
            calledOut(board, line, caller, tick)
        case .ringing(let since):
            if board.lineIsOffHook(line) {
                board.farRing(line, false)
                caller.state = .waiting(since: tick, patience: ticks(exponential(mean: settings.meanPatience)))
                let scripts = settings.keyScripts
                caller.script = scripts.isEmpty ? [] : scripts[min(scripts.count - 1, Int(rng.nextUnit() * Double(scripts.count)))]
                caller.nextKeys = tick + ticks(1.5 + 2 * rng.nextUnit())
                flushKeys(caller)
                return
            }
            let phase = (tick - since) % 250  // 5 s cadence in 20 ms ticks
            board.farRing(line, phase < 50)
            if tick - since >= 62 && tick - since < 250 {  // caller ID in the first gap
                block.withUnsafeMutableBufferPointer { _ = caller.callerID.generate(into: $0) }
                send(board, line)
            }
            if tick - since > ticks(settings.ringGiveUp) {
                board.farRing(line, false)
                counters.gaveUpRinging.add(1, ordering: .relaxed)
                caller.state = .idle
            }
        case .waiting(let since, let patience):
            if !board.lineIsOffHook(line) { caller.state = .idle; return }
            if !caller.script.isEmpty, tick >= caller.nextKeys {
                press(caller, caller.script.removeFirst())
                caller.nextKeys = tick + ticks(2 + 2 * rng.nextUnit())
            }
            if caller.sendingKeys {
                sendKeys(board, line, caller)
            } else {
                speak(level: -62)  // the line's faint noise: an agent on it hears someone there
                send(board, line)
            }
            if tick - since > patience {
                counters.abandonedWaiting.add(1, ordering: .relaxed)
                hangUp(board, line, caller)
            }
        case .survey(let answerAt, let giveUpAt):
            if !board.lineIsOffHook(line) { caller.state = .idle; return }
            if let answerAt, tick >= answerAt {
                press(caller, String(1 + min(4, Int(rng.nextUnit() * 5))))
                counters.surveysAnswered.add(1, ordering: .relaxed)
                caller.state = .survey(answerAt: nil, giveUpAt: giveUpAt)
            }
            sendKeys(board, line, caller)
            if tick >= giveUpAt { hangUp(board, line, caller) }
        case .talking(let until):
            if !board.lineIsOffHook(line) {
                counters.endedByAgent.add(1, ordering: .relaxed)
                caller.state = .idle
                return
            }
            if takeTurn(&caller.turn, tick: tick, hearing: caller.hearsSpeech) { speak(level: -24) } else { speak(level: -62) }
            send(board, line)
            if tick >= until {
                counters.endedByCaller.add(1, ordering: .relaxed)
                hangUp(board, line, caller)
            }
        case .busyTone:
            if !board.lineIsOffHook(line) { caller.state = .idle; return }
            for i in 0..<block.count {
                block[i] = busyCycle[caller.busyPosition]
                caller.busyPosition = (caller.busyPosition + 1) % busyCycle.count
            }
            send(board, line)
        }
    }

    /// Queues keys ("2026031501#") on the caller's DTMF sender.
    private func press(_ caller: Caller, _ keys: String) {
        let parsed = keys.compactMap { DTMFKey($0) }
        guard !parsed.isEmpty else { return }
        caller.keys.send(parsed)
        caller.sendingKeys = true
    }

    /// Drops keys still queued from an earlier step.
    private func flushKeys(_ caller: Caller) {
        var rounds = 0
        while caller.sendingKeys, rounds < 1000 {
            if block.withUnsafeMutableBufferPointer({ caller.keys.generate(into: $0) }) == 0 { caller.sendingKeys = false }
            rounds += 1
        }
    }

    /// Sends this block of key audio, while keys are queued.
    private func sendKeys(_ board: SimBoard, _ line: ChannelNumber, _ caller: Caller) {
        guard caller.sendingKeys else { return }
        let n = block.withUnsafeMutableBufferPointer { caller.keys.generate(into: $0) }
        if n == 0 { caller.sendingKeys = false }
        send(board, line)
    }

    func hangUp(_ board: SimBoard, _ line: ChannelNumber, _ caller: Caller) {
        if rng.nextUnit() < settings.busyToneShare {
            caller.state = .busyTone
            caller.busyPosition = 0
        } else {
            board.farDisconnect(line)
            caller.state = .idle
        }
    }

    private func speak(level: Double) {
        let amplitude = Level(dBm0: level).sinePeak
        for i in 0..<block.count { block[i] = Int16(amplitude * (rng.nextUnit() * 2 - 1)) }
    }

    /// An offer rings: answer after a delay, or let it ring out.
    private func decide(_ board: SimBoard, _ phone: ChannelNumber, _ agent: Agent, _ tick: Int64) {
        let ring = board.phoneRingStarts(phone)
        if rng.nextUnit() < settings.agentMissChance {
            counters.offersMissed.add(1, ordering: .relaxed)
            agent.state = .deciding(answerAt: nil, ring: ring)
        } else {
            let delay = settings.agentAnswerDelay.lowerBound
                + rng.nextUnit() * (settings.agentAnswerDelay.upperBound - settings.agentAnswerDelay.lowerBound)
            agent.state = .deciding(answerAt: tick + ticks(delay), ring: ring)
        }
    }

    private func agentActs(_ board: SimBoard, _ phone: ChannelNumber, _ agent: Agent, _ tick: Int64) {
        switch agent.state {
        case .idle:
            if board.phoneIsRinging(phone) { decide(board, phone, agent, tick) }
        case .deciding(let answerAt, let ring):
            if !board.phoneIsRinging(phone) { agent.state = .idle; return }
            if board.phoneRingStarts(phone) != ring { return decide(board, phone, agent, tick) }  // a new offer
            if let answerAt, tick >= answerAt {
                board.farPhoneHook(phone, offHook: true)
                agent.silentBlocks = 0
                agent.state = .talking(until: tick + ticks(exponential(mean: settings.meanTalk * 2)))
            }
        case .talking(let until):
            if takeTurn(&agent.turn, tick: tick, hearing: agent.hearsSpeech) { speak(level: -20) } else { speak(level: -62) }
            for i in 0..<Self.signature.count { block[i] = Self.signature[i] }
            block.withUnsafeBufferPointer { board.farSend(phone, $0) }
            if tick >= until {
                board.farPhoneHook(phone, offHook: false)
                agent.state = .idle
            }
        }
    }
}
