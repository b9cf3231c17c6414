// MediaScene — a busy simulated board under Kefu's media loop, shared by the
// media-loop benchmarks (ordo-one `MediaLoopBench` and `media-bench`).
//
// `channels` = N: N/2 FXO lines (1…N/2) and N/2 FXS phones, all attached
// with `DSPFeatures.call` (DTMF, China tones, fax) unless told otherwise. Line k and phone k are
// pair k. Every fourth pair (k % 4 == 3) is a caller waiting in queue: the
// line hears a looping 3 s prompt and its phone is idle. The other pairs are
// answered (line off hook, phone lifted) and bridged; the first 64 of them
// (`MediaLoop.recordingSlots`) are also recorded.
//
// The far ends send pre-generated BenchSignal audio (speech with DTMF keys,
// busy tone, fax CNG), each channel at its own offset, so detectors fire and
// events flow. Per tick: `feedFarEnds()` (the simulated exchange and phones,
// not the media loop's cost), `loop.tick()`, `drain()` (call control's and
// the recording writer's side). None of the three allocates once set up;
// no `world` is set on the board.
import BenchSignal
import Channels
import DSP
import MediaLoop
import SimChannels

public final class MediaScene {
    public let channels: Int
    public let board: SimBoard
    public let loop: MediaLoop
    public let lines: [ChannelNumber]
    public let phones: [ChannelNumber]
    public private(set) var bridgedPairs = 0
    public private(set) var recordedPairs = 0
    public private(set) var queuedPairs = 0
    /// Media events and recorded frames taken by `drain()` so far.
    public private(set) var eventsSeen = 0
    public private(set) var framesSeen = 0
    public private(set) var failures = 0

    private let numbers: [ChannelNumber]
    private let audio: UnsafeMutablePointer<Int16>
    private let blocks: Int
    private let starts: [Int]
    private var ticks = 0

    /// `signal` is BenchSignal audio (whole 160-sample blocks are used);
    /// `features` are the detectors every channel runs.
    public init(channels n: Int, signal: [Int16], features: DSPFeatures = .call) {
        precondition(n >= 2 && n % 2 == 0, "an even number of channels")
        channels = n
        let pairs = n / 2
        let block = BenchSignal.block
        blocks = signal.count / block
        precondition(blocks > 0 && signal.count >= 3 * BenchSignal.sampleRate, "at least 3 s of signal")
        audio = .allocate(capacity: blocks * block)
        audio.initialize(from: signal, count: blocks * block)
        board = SimBoard(lines: pairs, phones: pairs, blockSize: block)
        var prompts = PromptTable()
        prompts.add("queue", Array(signal[0..<(3 * BenchSignal.sampleRate)]))
        loop = MediaLoop(backend: board, prompts: prompts)
        lines = (1...pairs).map { ChannelNumber($0) }
        phones = ((pairs + 1)...n).map { ChannelNumber($0) }
        numbers = lines + phones
        // Channel i starts 7.97 s further into the signal than channel i-1.
        starts = (0..<n).map { ($0 * 397) % (signal.count / block) }

        for c in numbers { command(.attach(c, features)) }
        for k in 0..<pairs {
            if k % 4 == 3 {
                command(.play(lines[k], PromptID(0), loop: true))
                queuedPairs += 1
                continue
            }
            command(.hook(lines[k], .offHook))
            command(.bridge(lines[k], phones[k]))
            bridgedPairs += 1
            if recordedPairs < MediaLoop.recordingSlots {
                command(.startRecording(RecordingSlot(recordedPairs), left: lines[k], right: phones[k]))
                recordedPairs += 1
            }
        }
        while loop.commands.count > 0 { step() }
        for k in 0..<pairs where k % 4 != 3 { board.farPhoneHook(phones[k], offHook: true) }
        step()
        precondition(failures == 0, "the scene's set-up commands failed")
    }

    deinit { audio.deallocate() }

    private func command(_ c: MediaCommand) {
        while !loop.commands.push(c) { step() }
    }

    /// One whole tick outside any measurement: far ends, media loop, consumers.
    public func step() {
        feedFarEnds()
        loop.tick()
        drain()
    }

    /// The far end of every channel sends its next block of signal; `mark`
    /// replaces the block of one channel (for the latency probe).
    public func feedFarEnds(mark: (ChannelNumber, UnsafeBufferPointer<Int16>)? = nil) {
        let block = BenchSignal.block
        for i in 0..<numbers.count {
            let c = numbers[i]
            if let mark, mark.0 == c {
                board.farSend(c, mark.1)
            } else {
                let at = (starts[i] + ticks) % blocks
                board.farSend(c, UnsafeBufferPointer(start: audio + at * block, count: block))
            }
        }
        ticks += 1
    }

    /// Takes every waiting media event and recorded frame, as call control
    /// and the recording writer would (without acting on them).
    public func drain() {
        while let event = loop.events.pop() {
            if case .failed = event { failures += 1 }
            eventsSeen += 1
        }
        framesSeen += loop.tap.drain { _, _, _ in }
    }
}
