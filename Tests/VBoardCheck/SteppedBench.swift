import CallControl
import Channels
import KefuDaemon
import Telephony

/// kefud's graph stepped one block at a time against far ends this program
/// plays. Every step the far channels send their next block, and what they
/// heard and the events they saw are kept (the last block, and an event log
/// stamped in blocks: DAHDI time); then the media loop and call control run.
/// `Bench` (the analog spans) and `E1Bench` (the E1 boards) say which far
/// channels act.
class SteppedBench {
    let center: SimulatedCenter
    private(set) var tick = 0
    /// The last block each far channel heard.
    private(set) var heard: [ChannelNumber: [Int16]] = [:]
    /// Far-side events: (block, channel, event).
    private(set) var farLog: [(tick: Int, channel: ChannelNumber, event: ChannelEvent)] = []
    /// Audio each far channel sends from the next step on, or silence.
    private var audio = FarAudio()

    init(center: SimulatedCenter) { self.center = center }

    /// The far channels that act in a step, each with its backend.
    var farChannels: [(end: ChannelBackend, channel: ChannelNumber)] { [] }

    /// One block of the whole system.
    func step() {
        for (end, c) in farChannels {
            let (input, events) = FarAudio.exchange(end, c, audio.nextBlock(c))
            heard[c] = input
            for e in events { farLog.append((tick, c, e)) }
        }
        center.media.tick()
        center.control.step(now: SampleTime(samples: Int64(tick) * 160))
        tick += 1
    }

    /// Steps until `done` holds (checked after each step) or `blocks` pass; true if it held.
    @discardableResult
    func run(_ blocks: Int, until done: () -> Bool = { false }) -> Bool {
        for _ in 0..<blocks {
            step()
            if done() { return true }
        }
        return false
    }

    /// Sends audio from a far channel, once or looped until `stopSending`.
    func send(_ c: ChannelNumber, _ audio: [Int16], loop: Bool = false) { self.audio.send(c, audio, loop: loop) }

    func stopSending(_ c: ChannelNumber) { audio.stop(c) }

    /// Whether a far channel is still sending audio given to `send`.
    func isSending(_ c: ChannelNumber) -> Bool { audio.isSending(c) }

    var flow: CenterFlow { center.control.flow }
}
