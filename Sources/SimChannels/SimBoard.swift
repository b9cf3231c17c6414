import Channels
import CLinuxRT
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The simulated card: FXO lines on span 1, then FXS ports on span 2, numbered
/// 1…lines and on (`init(lines:phones:)`) or as a configuration numbers them
/// (`init(lineNumbers:phoneNumbers:)`). Implements `ChannelBackend` for Kefu
/// and a far-side API for the simulated exchange and phones.
public final class SimBoard: ChannelBackend {
    public let channels: [ChannelInfo]
    public let blockSize: Int
    private var state: [SimChannelState]
    /// Index into `state` by channel number (-1: no such channel).
    private let indexOf: [Int]
    /// Blocks elapsed since the board started.
    public private(set) var tick: Int64 = 0
    /// The simulated world acting on the far ends each tick, if any.
    public var world: SimWorldDriver?
    /// Paces ticks in real time when set (the demo); nil in virtual time.
    public var pacer: (() -> Void)?
    public private(set) var toneZone = "cn"
    /// How the ports tell a hook flash from hanging up (nil: every hook
    /// change is reported at once, and `farFlash` is the flash).
    public var hookTiming: HookTiming?
    /// How the lines measure a loss of loop current (nil: reported at
    /// once, not measured).
    public var loopTiming: LoopTiming?

    public convenience init(lines: Int, phones: Int, blockSize: Int = 160) {
        self.init(lineNumbers: Array(1..<(lines + 1)), phoneNumbers: Array((lines + 1)..<(lines + phones + 1)), blockSize: blockSize)
    }

    /// Lines and phones with the given channel numbers (each used once, all above 0).
    public init(lineNumbers: [Int], phoneNumbers: [Int], blockSize: Int = 160) {
        let all = lineNumbers + phoneNumbers
        precondition(!all.isEmpty, "a board needs channels")
        precondition(Set(all).count == all.count && all.allSatisfy { $0 > 0 }, "channel numbers must be distinct and above 0")
        self.blockSize = blockSize
        var infos: [ChannelInfo] = []
        for (i, n) in lineNumbers.enumerated() {
            infos.append(ChannelInfo(number: ChannelNumber(n), span: SpanID(1), signalling: .fxoLine, name: "SIM/1/\(i + 1)"))
        }
        for (i, n) in phoneNumbers.enumerated() {
            infos.append(ChannelInfo(number: ChannelNumber(n), span: SpanID(2), signalling: .fxsPhone, name: "SIM/2/\(i + 1)"))
        }
        channels = infos
        state = infos.map { SimChannelState(info: $0, blockSize: blockSize) }
        var index = [Int](repeating: -1, count: all.max()! + 1)
        for (i, n) in all.enumerated() { index[n] = i }
        indexOf = index
    }

    // MARK: ChannelBackend

    private func channel(_ c: ChannelNumber) throws(ChannelError) -> SimChannelState {
        let n = c.rawValue
        guard n >= 0, n < indexOf.count, indexOf[n] >= 0 else { throw .noSuchChannel(c) }
        return state[indexOf[n]]
    }

    private func openChannel(_ c: ChannelNumber) throws(ChannelError) -> SimChannelState {
        let s = try channel(c)
        guard s.open else { throw .notOpen(c) }
        if !s.alarm.isEmpty { throw .inAlarm(c, s.alarm) }
        return s
    }

    public func open(_ c: ChannelNumber) throws(ChannelError) {
        let s = try channel(c)
        guard !s.open else { throw .alreadyOpen(c) }
        s.open = true
    }

    public func close(_ c: ChannelNumber) throws(ChannelError) {
        let s = try channel(c)
        guard s.open else { throw .notOpen(c) }
        s.open = false
        s.kefuOffHook = false
        s.ringingPhone = false
        s.toKefu.removeAll(); s.fromKefu.removeAll(); s.events.removeAll()
    }

    public func isOpen(_ c: ChannelNumber) -> Bool { (try? channel(c))?.open ?? false }

    public func read(_ c: ChannelNumber, into block: UnsafeMutableBufferPointer<Int16>) throws(ChannelError) {
        let s = try openChannel(c)
        guard block.count == blockSize else { throw .wrongBlockSize(c, expected: blockSize, got: block.count) }
        s.toKefu.pop(into: block)
    }

    public func write(_ c: ChannelNumber, _ block: UnsafeBufferPointer<Int16>) throws(ChannelError) {
        let s = try openChannel(c)
        guard block.count == blockSize else { throw .wrongBlockSize(c, expected: blockSize, got: block.count) }
        s.fromKefu.push(block)
    }

    public func hook(_ c: ChannelNumber, _ operation: HookOperation) throws(ChannelError) {
        let s = try openChannel(c)
        switch (s.info.signalling, operation) {
        case (.fxoLine, .offHook):
            s.kefuOffHook = true
            s.ringing = false
        case (.fxoLine, .onHook):
            s.kefuOffHook = false
            s.loopOpenSince = nil
        case (.fxoLine, .flash):
            s.flashes += 1
        case (.fxsPhone, .ringStart):
            if !s.farOffHook {
                s.ringingPhone = true
                s.ringStarts += 1
            }
        case (.fxsPhone, .ringStop), (.fxsPhone, .onHook):
            s.ringingPhone = false
        case (.fxsPhone, .offHook):
            break  // answer supervision towards the phone: nothing to simulate
        default:
            throw .wrongSignalling(c, operation: "\(operation)", signalling: s.info.signalling)
        }
    }

    public func dial(_ c: ChannelNumber, digits: String) throws(ChannelError) {
        let s = try openChannel(c)
        guard !digits.isEmpty, digits.allSatisfy({ "0123456789*#ABCDabcd".contains($0) }) else {
            throw .invalidDigits(c, digits)
        }
        s.dialled += digits.uppercased()
        s.events.push(.dialComplete)
    }

    public func setToneZone(_ zone: String) throws(ChannelError) {
        guard ["cn", "us"].contains(zone) else {
            throw .system(nil, operation: "tone zone '\(zone)'", errno: 22, message: "unknown zone (simulated board knows cn, us)")
        }
        toneZone = zone
    }

    public func nextEvent(_ c: ChannelNumber) throws(ChannelError) -> ChannelEvent? {
        let s = try channel(c)
        guard s.open else { throw .notOpen(c) }
        return s.events.pop()
    }

    /// A line is real time: audio Kefu sent last tick that no far end
    /// listened to is gone, and so is far-end audio Kefu did not read this
    /// tick. (Nothing piles up into delay.)
    public func beginTick() {
        pacer?()
        for s in state { s.fromKefu.removeAll() }
        world?.beforeTick(board: self, tick: tick)
        if let loop = loopTiming { for s in state where s.loopOpenSince != nil { watchLoop(s, loop) } }
        if let timing = hookTiming {
            for s in state where s.onHookSince.map({ tick - $0 >= timing.flashTicks }) == true {
                s.onHookSince = nil
                if s.open { s.events.push(.phoneOnHook) }
            }
        }
    }

    public func endTick() {
        world?.afterTick(board: self, tick: tick)
        for s in state { s.toKefu.removeAll() }
        tick += 1
    }

    // MARK: Far side (the simulated exchange and phones)

    /// The exchange starts (true) or ends (false) a ring burst on a line.
    public func farRing(_ c: ChannelNumber, _ on: Bool) {
        guard let s = try? channel(c), s.info.signalling == .fxoLine, !s.kefuOffHook, s.ringing != on else { return }
        s.ringing = on
        if s.open { s.events.push(on ? .ringBegin : .ringEnd) }
    }

    /// The exchange drops loop current on an answered line (for good).
    public func farDisconnect(_ c: ChannelNumber) {
        farLoopOpen(c, milliseconds: nil)
    }

    /// The exchange opens the loop for `milliseconds` (a disconnect pulse),
    /// or for good (nil).
    public func farLoopOpen(_ c: ChannelNumber, milliseconds: Int?) {
        guard let s = try? channel(c), s.info.signalling == .fxoLine else { return }
        s.ringing = false
        guard s.open && s.kefuOffHook else { return }
        guard let loop = loopTiming else {
            s.events.push(.lineDisconnect(.unmeasured))
            return
        }
        s.loopOpenSince = tick
        s.loopCloses = milliseconds.map { tick + Int64(($0 + loop.blockMilliseconds - 1) / loop.blockMilliseconds) }
    }

    /// Reports a loss of loop current once the current is back or the window has passed.
    private func watchLoop(_ s: SimChannelState, _ loop: LoopTiming) {
        guard let since = s.loopOpenSince else { return }
        guard s.open && s.kefuOffHook else { s.loopOpenSince = nil; return }
        let restored = s.loopCloses.map { tick >= $0 } ?? false
        guard restored || tick - since >= loop.windowTicks else { return }
        s.loopOpenSince = nil
        let gone = (restored ? s.loopCloses! : since + loop.windowTicks) - since
        s.events.push(.lineDisconnect(LoopDrop(milliseconds: Int32(gone * Int64(loop.blockMilliseconds)), restored: restored)))
    }

    /// The exchange reverses polarity on a line.
    public func farPolarityReversal(_ c: ChannelNumber) {
        guard let s = try? channel(c), s.info.signalling == .fxoLine, s.open else { return }
        s.events.push(.polarityReversal)
    }

    /// An agent lifts (true) or replaces (false) the handset of the phone on a port.
    public func farPhoneHook(_ c: ChannelNumber, offHook: Bool) {
        guard let s = try? channel(c), s.info.signalling == .fxsPhone, s.farOffHook != offHook else { return }
        s.farOffHook = offHook
        if offHook { s.ringingPhone = false }
        if let timing = hookTiming {
            if !offHook { s.onHookSince = tick; return }  // reported once it lasts past the flash time
            if let since = s.onHookSince {
                s.onHookSince = nil
                if tick - since >= timing.bounceTicks, s.open { s.events.push(.flash) }  // shorter: a bounce
                return
            }
        }
        if s.open { s.events.push(offHook ? .phoneOffHook : .phoneOnHook) }
    }

    /// An agent flashes the hook switch.
    public func farFlash(_ c: ChannelNumber) {
        guard let s = try? channel(c), s.info.signalling == .fxsPhone, s.farOffHook, s.open else { return }
        s.events.push(.flash)
    }

    /// The board's spans (lines on one, phones on the other) with their
    /// alarms now and the line settings `setLine` gave them.
    public func spans() -> [SpanInfo] {
        spansFromChannels().map { span in
            var s = span
            for c in state where c.info.span == span.span { s.alarms.formUnion(c.alarm) }
            s.line = spanLines[span.span]
            return s
        }
    }

    /// Makes a span report digital line settings (nil: none, as by default).
    public func setLine(_ span: SpanID, _ line: SpanLine?) { spanLines[span] = line }
    private var spanLines: [SpanID: SpanLine] = [:]

    /// Raises or clears an alarm on every channel of a span.
    public func setAlarm(_ span: SpanID, _ alarm: AlarmSet) {
        for s in state where s.info.span == span && s.alarm != alarm {
            s.alarm = alarm
            if s.open { s.events.push(alarm.isEmpty ? .alarmCleared : .alarm(alarm)) }
        }
    }

    /// Audio the far end sends towards Kefu (one block).
    public func farSend(_ c: ChannelNumber, _ block: UnsafeBufferPointer<Int16>) {
        guard let s = try? channel(c), s.open, block.count == blockSize else { return }
        s.toKefu.push(block)
    }

    /// Audio Kefu sent towards the far end (one block; silence if none).
    public func farReceive(_ c: ChannelNumber, into block: UnsafeMutableBufferPointer<Int16>) {
        guard let s = try? channel(c), block.count == blockSize else { return }
        s.fromKefu.pop(into: block)
    }

    /// Whether Kefu has a line off hook (answered or seized).
    public func lineIsOffHook(_ c: ChannelNumber) -> Bool { (try? channel(c))?.kefuOffHook ?? false }
    /// Whether a line is ringing (the exchange's current burst).
    public func lineIsRinging(_ c: ChannelNumber) -> Bool { (try? channel(c))?.ringing ?? false }
    /// Whether Kefu is ringing the phone on a port.
    public func phoneIsRinging(_ c: ChannelNumber) -> Bool { (try? channel(c))?.ringingPhone ?? false }
    /// How many times Kefu has started ringing the phone on a port (a new
    /// offer right after another keeps it ringing; this tells them apart).
    public func phoneRingStarts(_ c: ChannelNumber) -> Int { (try? channel(c))?.ringStarts ?? 0 }
    /// Whether the phone on a port is off hook.
    public func phoneIsOffHook(_ c: ChannelNumber) -> Bool { (try? channel(c))?.farOffHook ?? false }
    /// Digits Kefu dialled on a channel so far.
    public func dialledDigits(_ c: ChannelNumber) -> String { (try? channel(c))?.dialled ?? "" }
    /// Hook flashes Kefu sent on a line.
    public func flashCount(_ c: ChannelNumber) -> Int { (try? channel(c))?.flashes ?? 0 }
}

/// One simulated channel's state.
final class SimChannelState {
    let info: ChannelInfo
    var open = false
    var alarm: AlarmSet = []
    // FXO line
    var ringing = false
    var kefuOffHook = false
    var flashes = 0
    /// The tick the exchange opened the loop, while the board watches it.
    var loopOpenSince: Int64?
    /// The tick the current comes back (nil: not before the window ends).
    var loopCloses: Int64?
    // FXS port
    var farOffHook = false
    var ringingPhone = false
    /// The tick the phone went on hook, while it may still be a flash.
    var onHookSince: Int64?
    var ringStarts = 0
    var dialled = ""
    let toKefu: BlockQueue
    let fromKefu: BlockQueue
    var events = FixedQueue<ChannelEvent>(capacity: 64)

    init(info: ChannelInfo, blockSize: Int) {
        self.info = info
        toKefu = BlockQueue(blockSize: blockSize)
        fromKefu = BlockQueue(blockSize: blockSize)
    }
}

/// What acts on the far ends of a simulated board each tick.
public protocol SimWorldDriver: AnyObject {
    /// Before Kefu reads: the far ends signal and send audio for this tick.
    func beforeTick(board: SimBoard, tick: Int64)
    /// After Kefu wrote: the far ends hear it.
    func afterTick(board: SimBoard, tick: Int64)
}

/// Paces a simulated board in real time: one tick per block period, from a
/// CLOCK_MONOTONIC timer. Counts periods that passed without a tick
/// (overruns: the media loop was late).
public final class RealTimePacer: @unchecked Sendable {
    private let fd: Int32
    private let missed = Synchronization.Atomic<Int>(0)

    public init(blockSize: Int) throws(ChannelError) {
        var fd: Int32 = -1
        let rc = clinuxrt_timer_create(Int64(blockSize) * 125_000, &fd)
        guard rc == 0 else {
            throw .system(nil, operation: "timerfd", errno: rc, message: String(cString: strerror(rc)))
        }
        self.fd = fd
    }

    deinit { _ = clinuxrt_timer_close(fd) }

    /// Waits for the next period.
    public func wait() {
        var expirations: UInt64 = 0
        if clinuxrt_timer_wait(fd, &expirations) == 0, expirations > 1 {
            missed.add(Int(expirations - 1), ordering: .relaxed)
        }
    }

    public var overruns: Int { missed.load(ordering: .relaxed) }
}
