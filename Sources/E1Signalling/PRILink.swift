#if canImport(Glibc)
import Glibc
#endif
import CPri
import Channels
import DAHDIChannels
import Synchronization

/// One E1 span's ISDN PRI signalling: libpri over the span's D channel, on
/// a thread of its own. The B channels stay ordinary channels of the media
/// loop; the link only offers, answers, places and clears calls on them.
///
/// How it works: the thread owns the D channel's descriptor and the libpri
/// state (libpri is not thread-safe: nothing else touches it). libpri reads
/// and writes frames through `pri_new_cb` callbacks that go to
/// `DAHDIDChannel`. Commands come in through a fixed ring (`commands`,
/// pushed by the media thread through `E1Board`); what happens on the
/// B channels goes out as channel events through another (`events`). The
/// thread wakes at least every 20 ms for commands, and for libpri's timers.
public final class PRILink: @unchecked Sendable {
    public struct Settings: Sendable {
        public enum Side: String, Sendable { case network, cpe }
        public enum Variant: String, Sendable { case euroisdn, qsig }

        public var span: SpanID
        public var dChannel: ChannelNumber
        /// The B channels calls may use (DAHDI numbers on the same span).
        public var bearers: [ChannelNumber]
        public var side: Side
        public var variant: Variant
        /// The calling number sent on calls this link places.
        public var ownNumber: String?
        /// Log libpri's Q.921 states and decoded Q.931 messages too.
        public var logFrames: Bool

        public init(span: SpanID, dChannel: ChannelNumber, bearers: [ChannelNumber], side: Side = .cpe,
                    variant: Variant = .euroisdn, ownNumber: String? = nil, logFrames: Bool = false) {
            self.span = span
            self.dChannel = dChannel
            self.bearers = bearers
            self.side = side
            self.variant = variant
            self.ownNumber = ownNumber
            self.logFrames = logFrames
        }

        /// The DAHDI number of the span's timeslot 1: the D channel is timeslot 16.
        var firstChannel: Int { dChannel.rawValue - 15 }
        func timeslot(_ c: ChannelNumber) -> Int32 { Int32(c.rawValue - firstChannel + 1) }
        func channel(_ timeslot: Int32) -> ChannelNumber { ChannelNumber(firstChannel + Int(timeslot) - 1) }
    }

    public let settings: Settings
    /// Media thread → signalling thread.
    public let commands = SPSCRing<E1Command>(capacity: 256)
    /// Signalling thread → media thread: what happened on the B channels.
    public let events = SPSCRing<StampedChannelEvent>(capacity: 512)
    let dChannel: DAHDIDChannel
    let log: @Sendable (String) -> Void
    private let linkUp = Atomic<Bool>(false)
    private let states = Mutex<[ChannelNumber: String]>([:])
    private let thread = SignallingThread()

    // The signalling thread's own.
    var pri: OpaquePointer?
    var calls: [Int32: Call] = [:]
    var textLine: [UInt8] = []

    struct Call {
        var call: OpaquePointer
        var outgoing: Bool
        var state: String
        /// Kefu started the clearing (or answered the far end's): no event when it completes.
        var clearing = false
    }

    /// Opens the D channel (it must be HDLC, `dchan=` in system.conf). The
    /// link starts with `start()`; `log` gets one line per signalling step,
    /// on the signalling thread.
    public init(_ settings: Settings, log: @escaping @Sendable (String) -> Void) throws(ChannelError) {
        self.settings = settings
        self.log = log
        dChannel = try DAHDIDChannel(settings.dChannel)
        states.withLock { s in for b in settings.bearers { s[b] = "idle" } }
    }

    /// Whether Q.921 is up (the D channel carries calls).
    public var isUp: Bool { linkUp.load(ordering: .relaxed) }

    /// Each B channel's call state: idle, offered, answered, calling, ringing, clearing.
    public var channelStates: [ChannelNumber: String] { states.withLock { $0 } }

    /// Starts the signalling thread (Q.921 comes up from here).
    public func start() {
        if let why = thread.start({ [self] in body() }) { log("signalling thread not started: \(why)") }
    }

    /// Stops the thread (calls in progress are left to the far end's timers).
    public func stop() { thread.stop() }

    // MARK: The signalling thread

    private func body() {
        PRILink.installTextHandlers()
        let node = settings.side == .network ? PRI_NETWORK : PRI_CPE
        let switchType = settings.variant == .qsig ? Int32(PRI_SWITCH_QSIG) : Int32(PRI_SWITCH_EUROISDN_E1)
        guard let p = pri_new_cb(-1, node, switchType, PRILink.readFrame, PRILink.writeFrame, Unmanaged.passUnretained(self).toOpaque()) else {
            log("libpri could not start on the D channel \(settings.dChannel)")
            return
        }
        pri = p
        pri_set_debug(p, settings.logFrames ? CPri_logMask() : 0)
        log("PRI \(settings.variant.rawValue) \(settings.side.rawValue) side on \(settings.span), D channel \(settings.dChannel), B channels \(settings.bearers.count)")
        while thread.isRunning {
            while let command = commands.pop() { perform(command) }
            var wait: Int32 = 20
            if let next = pri_schedule_next(p) { wait = max(0, min(wait, PRILink.milliseconds(until: next.pointee))) }
            if dChannel.wait(milliseconds: wait), let e = pri_check_event(p) { handle(e) }
            for code in dChannel.takeEventLog() { log("D channel event \(code)") }
            if let next = pri_schedule_next(p), PRILink.milliseconds(until: next.pointee) <= 0, let e = pri_schedule_run(p) { handle(e) }
        }
    }

    private static func milliseconds(until t: timeval) -> Int32 {
        var now = timeval()
        gettimeofday(&now, nil)
        let ms = (Int(t.tv_sec) - Int(now.tv_sec)) * 1000 + (Int(t.tv_usec) - Int(now.tv_usec)) / 1000
        return Int32(clamping: ms)
    }

    func setLinkUp(_ up: Bool) { linkUp.store(up, ordering: .relaxed) }

    func emit(_ channel: ChannelNumber, _ event: ChannelEvent) {
        if !events.push(StampedChannelEvent(channel: channel, event: event)) { log("event ring full: \(event) on \(channel) lost") }
    }

    func setState(_ ts: Int32, _ state: String?) {
        let c = settings.channel(ts)
        if let state { calls[ts]?.state = state }
        let shown = state ?? "idle"
        states.withLock { $0[c] = shown }
    }

    func slot(of call: OpaquePointer?) -> Int32? {
        calls.first { $0.value.call == call }?.key
    }
}
