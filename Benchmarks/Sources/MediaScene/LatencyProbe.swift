// LatencyProbe — added caller↔agent latency through the media loop, in blocks.
//
// A far end sends one marked block (160 samples no signal produces) in place
// of its audio before tick t; the probe then reads what the other far end of
// the bridged pair hears after tick t, t+1, … until the mark arrives. The
// added latency is the number of ticks after t: 0 means the block reached
// the other side within the tick it was read in. This counts whole blocks
// added by the media loop and the board's per-tick hand-over; the 20 ms it
// takes to fill a block, and a real card's driver buffers, are outside it.
import BenchSignal
import Channels
import SimChannels

public final class LatencyProbe {
    public let from: ChannelNumber
    public let to: ChannelNumber
    private let sent: UnsafeMutableBufferPointer<Int16>
    private let heard: UnsafeMutableBufferPointer<Int16>
    private var mark = 0
    private var waited = -1

    public init(from: ChannelNumber, to: ChannelNumber) {
        self.from = from
        self.to = to
        sent = .allocate(capacity: BenchSignal.block)
        sent.initialize(repeating: 0)
        heard = .allocate(capacity: BenchSignal.block)
        heard.initialize(repeating: 0)
    }

    deinit {
        sent.deallocate()
        heard.deallocate()
    }

    /// Whether a mark is on its way.
    public var inFlight: Bool { waited >= 0 }

    /// Makes the next mark; pass the result to `MediaScene.feedFarEnds(mark:)`
    /// before the tick.
    public func send() -> (ChannelNumber, UnsafeBufferPointer<Int16>) {
        mark += 1
        for j in 0..<sent.count {
            let v = Int16(truncatingIfNeeded: 0x3000 + (mark % 1024) * 8 + j % 8)
            sent[j] = j % 2 == 0 ? v : -v
        }
        waited = 0
        return (from, UnsafeBufferPointer(sent))
    }

    /// After a tick: reads what `to`'s far end heard. Returns the added
    /// blocks when the mark arrived, nil while it has not (or none is in
    /// flight); gives up after `limit` ticks (returns -1).
    public func receive(on board: SimBoard, limit: Int = 50) -> Int? {
        guard waited >= 0 else { return nil }
        board.farReceive(to, into: heard)
        if heard.elementsEqual(sent) {
            defer { waited = -1 }
            return waited
        }
        waited += 1
        if waited > limit {
            waited = -1
            return -1
        }
        return nil
    }
}

extension MediaScene {
    /// Sends `marks` marks through one probe, a few ticks apart, in virtual
    /// time; returns the added blocks of each (-1: never arrived).
    public func probe(_ probe: LatencyProbe, marks: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(marks)
        for m in 0..<marks {
            feedFarEnds(mark: probe.send())
            loop.tick()
            var added = probe.receive(on: board)
            drain()
            while added == nil {
                step(); added = probe.receive(on: board)
            }
            result.append(added!)
            for _ in 0..<(m % 3) { step() }
        }
        return result
    }
}
