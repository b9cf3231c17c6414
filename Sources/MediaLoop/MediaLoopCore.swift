import Channels
import DSP
import Telephony
import Synchronization

/// The media plane for one board. See the module header (MediaLoop.swift).
public final class MediaLoop: @unchecked Sendable {
    public let backend: ChannelBackend
    /// Commands from call control (its thread produces, the media thread consumes).
    public let commands: SPSCRing<MediaCommand>
    /// Events to call control (the media thread produces).
    public let events: SPSCRing<MediaEvent>
    /// Recorded audio to the recording writer.
    public let tap: RecordingTap
    /// Audio loaded while running (messages), played like prompts.
    public let clips: ClipTable
    public let blockSize: Int
    public static let recordingSlots = 64

    private let prompts: [[Int16]]
    private let numbers: [ChannelNumber]
    private let indexOf: [Int]
    private let input: UnsafeMutablePointer<Int16>
    private let output: UnsafeMutablePointer<Int16>
    private var attached: [Bool]
    private let dsp: [ChannelDSP]
    /// What each channel hears: up to three channel indices (-1: none).
    private var hears: [(Int, Int, Int)]
    private var playing: [Int]
    private var playPosition: [Int]
    private var playLoop: [Bool]
    private var failed: [Bool]
    private var recordLeft: [Int]
    private var recordRight: [Int]
    private let dspEvents = DSPEventBuffer(capacity: 64)
    private let ticks = Atomic<Int64>(0)
    private let readErrors = Atomic<Int>(0)
    private let writeErrors = Atomic<Int>(0)

    /// `plan`: the tones every channel listens for; `linePlans`: a channel's
    /// own plan instead (a line with a learned hang-up tone).
    public init(backend: ChannelBackend, prompts: PromptTable, plan: TonePlan = .china, linePlans: [ChannelNumber: TonePlan] = [:],
                commandCapacity: Int = 1024, eventCapacity: Int = 4096, clips: ClipTable = ClipTable(slots: 2, seconds: 1)) {
        self.backend = backend
        blockSize = backend.blockSize
        self.prompts = prompts.prompts
        numbers = backend.channels.map(\.number)
        var index = [Int](repeating: -1, count: (numbers.map(\.rawValue).max() ?? 0) + 1)
        for (i, n) in numbers.enumerated() { index[n.rawValue] = i }
        indexOf = index
        let n = numbers.count
        input = .allocate(capacity: n * blockSize)
        input.initialize(repeating: 0, count: n * blockSize)
        output = .allocate(capacity: n * blockSize)
        output.initialize(repeating: 0, count: n * blockSize)
        attached = Array(repeating: false, count: n)
        dsp = numbers.map { ChannelDSP(plan: linePlans[$0] ?? plan, features: []) }
        hears = Array(repeating: (-1, -1, -1), count: n)
        playing = Array(repeating: -1, count: n)
        playPosition = Array(repeating: 0, count: n)
        playLoop = Array(repeating: false, count: n)
        failed = Array(repeating: false, count: n)
        recordLeft = Array(repeating: -1, count: Self.recordingSlots)
        recordRight = Array(repeating: -1, count: Self.recordingSlots)
        commands = SPSCRing(capacity: commandCapacity)
        events = SPSCRing(capacity: eventCapacity)
        tap = RecordingTap(blockSize: blockSize)
        self.clips = clips
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    public var statistics: MediaStatistics {
        var s = MediaStatistics()
        s.ticks = ticks.load(ordering: .relaxed)
        s.eventsDropped = events.refusedCount
        s.recordingFramesDropped = tap.dropped
        s.readErrors = readErrors.load(ordering: .relaxed)
        s.writeErrors = writeErrors.load(ordering: .relaxed)
        return s
    }

    /// One block for every attached channel. Does not allocate, lock, log or await.
    public func tick() {
        backend.beginTick()
        var n = 0
        while n < 256, let command = commands.pop() {
            apply(command)
            n += 1
        }
        for i in 0..<numbers.count where attached[i] { receive(i) }
        for i in 0..<numbers.count where attached[i] { send(i) }
        for slot in 0..<Self.recordingSlots where recordLeft[slot] >= 0 {
            let right = recordRight[slot] == Self.whatLeftHears ? output + recordLeft[slot] * blockSize
                                                                : input + recordRight[slot] * blockSize
            tap.push(slot: RecordingSlot(slot), left: input + recordLeft[slot] * blockSize, right: right)
        }
        backend.endTick()
        ticks.add(1, ordering: .relaxed)
    }

    private func block(_ base: UnsafeMutablePointer<Int16>, _ i: Int) -> UnsafeMutableBufferPointer<Int16> {
        UnsafeMutableBufferPointer(start: base + i * blockSize, count: blockSize)
    }

    private func receive(_ i: Int) {
        let channel = numbers[i]
        let buffer = block(input, i)
        do {
            try backend.read(channel, into: buffer)
            failed[i] = false
        } catch {
            buffer.update(repeating: 0)
            readErrors.add(1, ordering: .relaxed)
            if !failed[i] { failed[i] = true; events.push(.failed(channel, error)) }
        }
        while let event = try? backend.nextEvent(channel) {
            events.push(.channel(channel, event))
        }
        let detectors = dsp[i]
        guard !detectors.features.isEmpty else { return }
        detectors.process(UnsafeBufferPointer(buffer), into: dspEvents)
        for k in 0..<dspEvents.count {
            let event = dspEvents[k]
            if case .callerIDMessage(let signal, _) = event, let receiver = detectors.receiver(for: signal) {
                var bytes = CallerIDBytes(signal: signal)
                bytes.count = withUnsafeMutableBytes(of: &bytes.storage) { receiver.copyMessage(into: $0) }
                events.push(.callerID(channel, bytes))
            } else {
                events.push(.dsp(channel, event))
            }
        }
        dspEvents.removeAll()
    }

    private func send(_ i: Int) {
        let out = block(output, i)
        if playing[i] >= 0 {
            fillFromPrompt(i, out)
        } else {
            mix(hears[i], into: out)
        }
        do {
            try backend.write(numbers[i], UnsafeBufferPointer(out))
        } catch {
            writeErrors.add(1, ordering: .relaxed)
        }
    }

    /// The sum of up to three channels' input, saturated to 16 bits.
    private func mix(_ sources: (Int, Int, Int), into out: UnsafeMutableBufferPointer<Int16>) {
        let (a, b, c) = sources
        guard a >= 0 else { return out.update(repeating: 0) }
        out.baseAddress!.update(from: input + a * blockSize, count: blockSize)
        if b >= 0 { add(b, into: out) }
        if c >= 0 { add(c, into: out) }
    }

    private func add(_ s: Int, into out: UnsafeMutableBufferPointer<Int16>) {
        let source = input + s * blockSize
        for k in 0..<blockSize {
            out[k] = Int16(clamping: Int32(out[k]) + Int32(source[k]))
        }
    }

    private func fillFromPrompt(_ i: Int, _ out: UnsafeMutableBufferPointer<Int16>) {
        let index = playing[i]
        if index < prompts.count {
            prompts[index].withUnsafeBufferPointer { fill(i, out, from: $0, prompt: index) }
        } else {
            fill(i, out, from: clips.audio(index - prompts.count), prompt: index)
        }
    }

    private func fill(_ i: Int, _ out: UnsafeMutableBufferPointer<Int16>, from audio: UnsafeBufferPointer<Int16>, prompt index: Int) {
        var filled = 0
        while filled < blockSize {
            let n = min(blockSize - filled, audio.count - playPosition[i])
            (out.baseAddress! + filled).update(from: audio.baseAddress! + playPosition[i], count: n)
            filled += n
            playPosition[i] += n
            if playPosition[i] == audio.count {
                playPosition[i] = 0
                if !playLoop[i] {
                    events.push(.playbackFinished(numbers[i], PromptID(index)))
                    stopPlaying(i)
                    (out.baseAddress! + filled).update(repeating: 0, count: blockSize - filled)
                    return
                }
            }
        }
    }

    /// Ends what a channel plays; a clip's slot is reported free.
    private func stopPlaying(_ i: Int) {
        if playing[i] >= prompts.count { events.push(.clipDone(ClipSlot(playing[i] - prompts.count))) }
        playing[i] = -1
    }

    private func apply(_ command: MediaCommand) {
        switch command {
        case .attach(let c, let features):
            guard let i = index(c) else { return }
            if !backend.isOpen(c) {
                do { try backend.open(c) } catch { events.push(.failed(c, error)); return }
            }
            attached[i] = true
            dsp[i].features = features
        case .detach(let c):
            guard let i = index(c) else { return }
            attached[i] = false
            unbridge(i)
            stopPlaying(i)
        case .setDSP(let c, let features):
            if let i = index(c) { dsp[i].features = features }
        case .setQuietLevel(let c, let dBm0):
            if let i = index(c) { dsp[i].quiet.setThreshold(Level(dBm0: Double(dBm0))) }
        case .hook(let c, let op):
            do { try backend.hook(c, op) } catch { events.push(.failed(c, error)) }
        case .dial(let c, let digits):
            do { try backend.dial(c, digits: digits) } catch { events.push(.failed(c, error)) }
        case .play(let c, let prompt, let loop):
            guard let i = index(c), prompt.rawValue >= 0, prompt.rawValue < prompts.count else { return }
            stopPlaying(i)
            playing[i] = prompt.rawValue
            playPosition[i] = 0
            playLoop[i] = loop
        case .playClip(let c, let slot):
            guard let i = index(c), slot.rawValue >= 0, slot.rawValue < clips.slots else { return }
            stopPlaying(i)
            guard clips.audio(slot.rawValue).count > 0 else { events.push(.clipDone(slot)); return }
            playing[i] = prompts.count + slot.rawValue
            playPosition[i] = 0
            playLoop[i] = false
        case .stopPlayback(let c):
            if let i = index(c) { stopPlaying(i) }
        case .bridge(let a, let b):
            guard let i = index(a), let j = index(b) else { return }
            unbridge(i); unbridge(j)
            hears[i] = (j, -1, -1); hears[j] = (i, -1, -1)
        case .unbridge(let c):
            if let i = index(c) { unbridge(i) }
        case .hear(let c, let sources):
            guard let i = index(c) else { return }
            hears[i] = (sources.first.flatMap(index) ?? -1, sources.second.flatMap(index) ?? -1, sources.third.flatMap(index) ?? -1)
        case .recordCaller(let slot, let caller):
            guard slot.rawValue >= 0, slot.rawValue < Self.recordingSlots, let l = index(caller) else { return }
            recordLeft[slot.rawValue] = l
            recordRight[slot.rawValue] = Self.whatLeftHears
        case .startRecording(let slot, let left, let right):
            guard slot.rawValue >= 0, slot.rawValue < Self.recordingSlots, let l = index(left), let r = index(right) else { return }
            recordLeft[slot.rawValue] = l
            recordRight[slot.rawValue] = r
        case .stopRecording(let slot):
            guard slot.rawValue >= 0, slot.rawValue < Self.recordingSlots else { return }
            recordLeft[slot.rawValue] = -1
            recordRight[slot.rawValue] = -1
        }
    }

    /// `i` hears no one, and no one hears `i` (a command, not per tick).
    private func unbridge(_ i: Int) {
        hears[i] = (-1, -1, -1)
        for k in hears.indices {
            var (a, b, c) = hears[k]
            if a == i { a = -1 }
            if b == i { b = -1 }
            if c == i { c = -1 }
            hears[k] = a >= 0 ? (a, b, c) : b >= 0 ? (b, c, -1) : (c, -1, -1)
        }
    }

    /// A recording slot's right side is what its left channel hears.
    private static let whatLeftHears = -2

    private func index(_ c: ChannelNumber) -> Int? {
        let r = c.rawValue
        guard r >= 0, r < indexOf.count, indexOf[r] >= 0 else { return nil }
        return indexOf[r]
    }
}
