import Channels
import DAHDIChannels
import DSP

/// The channel contract's far ends on a looped pair of DAHDI spans (the
/// virtual board): Kefu's side is span 1 (1-2 lines `fxsks`, 3-4 phone ports
/// `fxoks`), the test exchange and phones are span 2 (5-8), channel n looped
/// to n + 4.
public final class DAHDIContractHarness: ChannelContractHarness {
    public let box: DAHDIBackend
    public let far: DAHDIBackend
    public var backend: ChannelBackend { box }
    public let line = ChannelNumber(1)
    public let phone = ChannelNumber(3)
    public let maximumLatencyBlocks = 6
    /// 3 s: covers the 600 ms off-hook debounce, 800 ms flash and 1250 ms on-hook times.
    public let settleBlocks = 150
    private var tick = 0
    private var lastRingBurst: [ChannelNumber: Int] = [:]
    private var farOffHook: Set<ChannelNumber> = []

    public init() throws(ChannelError) {
        let all = try DAHDIDiscovery.channels()
        box = try DAHDIBackend(channels: all.filter { $0.span == SpanID(1) })
        far = try DAHDIBackend(channels: all.filter { $0.span == SpanID(2) })
        try box.setToneZone("cn")
        for c in far.channels.map(\.number) { try far.open(c) }
        try far.setToneZone("cn")
        for c in [line, phone] { try box.open(c) }
        // DAHDI ignores ringing on an FXS-signalled channel for 2 s after it
        // is opened (opening counts as a hang-up): let that pass.
        for _ in 0..<110 { step() }
    }

    static func peer(_ c: ChannelNumber) -> ChannelNumber { ChannelNumber(c.rawValue + 4) }

    /// loc spans carry μ-law: a linear sample survives as its μ-law code point.
    public func representable(_ sample: Int16) -> Int16 { G711Law.ulaw.decode(G711Law.ulaw.encode(sample)) }

    public func ring(_ line: ChannelNumber, _ on: Bool) {
        try? far.hook(Self.peer(line), on ? .ringStart : .ringStop)
    }

    /// The exchange releases: it answers its side (loop closed), then opens
    /// the loop, which DAHDI signals as a kewlstart disconnect. (Opened within
    /// the 600 ms off-hook debounce, DAHDI would report RINGOFFHOOK instead.)
    public func disconnect(_ line: ChannelNumber) {
        try? far.hook(Self.peer(line), .offHook)
        for _ in 0..<40 { step() }
        try? far.hook(Self.peer(line), .onHook)
    }

    public func phoneHook(_ phone: ChannelNumber, offHook: Bool) {
        try? far.hook(Self.peer(phone), offHook ? .offHook : .onHook)
        if offHook { farOffHook.insert(phone) } else { farOffHook.remove(phone) }
    }

    public func flash(_ phone: ChannelNumber) {
        // DAHDI refuses a flash (EBUSY) inside the 600 ms off-hook debounce.
        for _ in 0..<40 { step() }
        try? far.hook(Self.peer(phone), .flash)
    }

    public func send(_ channel: ChannelNumber, _ block: [Int16]) {
        block.withUnsafeBufferPointer { try? far.write(Self.peer(channel), $0) }
    }

    public func receive(_ channel: ChannelNumber) -> [Int16] {
        let peer = Self.peer(channel)
        far.waitForAudio(peer)
        var out = [Int16](repeating: 0, count: far.blockSize)
        do { try out.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try far.read(peer, into: p) } } catch {
            return [Int16](repeating: 0, count: far.blockSize)
        }
        return out
    }

    public func lineIsOffHook(_ line: ChannelNumber) -> Bool {
        (try? far.farEndOffHook(Self.peer(line))) ?? false
    }

    /// DAHDI rings with the zone's cadence (cn: 1 s on, 4 s off): a phone
    /// counts as ringing from a burst's start for one cadence, until answered.
    public func phoneIsRinging(_ phone: ChannelNumber) -> Bool {
        guard !farOffHook.contains(phone), let last = lastRingBurst[phone] else { return false }
        return tick - last < 260
    }

    /// One block of real time: the card paces it; every open channel on both
    /// sides is read and given a block of silence, as a running system would.
    public func step() {
        box.beginTick()
        var heard = [Int16](repeating: 0, count: box.blockSize)
        let silence = [Int16](repeating: 0, count: box.blockSize)
        for side in [box, far] {
            for c in side.channels.map(\.number) where side.isOpen(c) {
                try? heard.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try side.read(c, into: p) }
                try? silence.withUnsafeBufferPointer { (p) throws(ChannelError) in try side.write(c, p) }
            }
        }
        for c in far.channels.map(\.number) {
            while let event = try? far.nextEvent(c) {
                // A far-end (fxsks) channel sees a ring burst begin.
                if event == .ringBegin { lastRingBurst[ChannelNumber(c.rawValue - 4)] = tick }
            }
        }
        tick += 1
    }
}
