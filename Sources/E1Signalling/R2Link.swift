#if canImport(Glibc)
import Glibc
#endif
import COpenR2
import Channels
import DSP
import Synchronization

typealias R2Chan = UnsafeMutablePointer<openr2_chan_t?>
typealias R2Context = UnsafeMutablePointer<openr2_context_t?>

/// One E1 span's MFC/R2 signalling (China Number 1 by default): libopenr2
/// on a thread of its own, one openr2 channel per timeslot of the group.
///
/// How it works: Debian's libopenr2 (1.3.3) has no custom I/O interface and
/// detects the MF register signals only in audio it reads itself from the
/// timeslot's DAHDI descriptor, so openr2 opens and owns each timeslot's
/// descriptor on this thread: its CAS bits (ABCD), the MF tones and, once a
/// call is answered, the speech. The speech crosses to and from the media
/// loop through two fixed `SampleRing`s per timeslot (`E1Board` reads and
/// writes them), so the media loop does no system call, lock or allocation
/// for an R2 timeslot. Commands come in through a fixed ring (`commands`);
/// what happens on the timeslots goes out as channel events through another
/// (`events`). The thread wakes at least every 20 ms, on the descriptors'
/// CAS events and audio, when a timeslot has room for waiting speech, and
/// for openr2's timers; it never blocks on a descriptor.
public final class R2Link: @unchecked Sendable {
    public struct Settings: Sendable {
        public var span: SpanID
        /// The timeslots calls may use (DAHDI numbers of `cas=` channels).
        public var bearers: [ChannelNumber]
        /// Timeslots of the span no group serves: held blocked towards the far end.
        public var blocked: [ChannelNumber]
        /// openr2's variant code ("CN": China Number 1).
        public var variant: String
        /// The most DNIS digits asked for; fewer when they make a hotline number.
        public var maxDNIS: Int
        /// The most ANI digits asked for (0: no category and no ANI requested).
        public var maxANI: Int
        /// Called numbers with a menu of their own: DNIS is complete once it is one.
        public var hotlines: [String]
        /// The calling number sent on calls this link places.
        public var ownNumber: String?
        /// An openr2 advanced protocol file (timers, tone assignments) loaded after the variant.
        public var protocolFile: String?
        /// Log openr2's own CAS and MF trace too.
        public var logTrace: Bool

        public init(span: SpanID, bearers: [ChannelNumber], blocked: [ChannelNumber] = [], variant: String = "CN",
                    maxDNIS: Int = 4, maxANI: Int = 20, hotlines: [String] = [], ownNumber: String? = nil,
                    protocolFile: String? = nil, logTrace: Bool = false) {
            self.span = span
            self.bearers = bearers
            self.blocked = blocked
            self.variant = variant
            self.maxDNIS = maxDNIS
            self.maxANI = maxANI
            self.hotlines = hotlines
            self.ownNumber = ownNumber
            self.protocolFile = protocolFile
            self.logTrace = logTrace
        }
    }

    /// One timeslot of the group and its call (the signalling thread's).
    struct Slot {
        let channel: ChannelNumber
        let chan: R2Chan
        var state = "idle"
        var outgoing = false
        /// Kefu started the clearing (or is completing the far end's): no more events.
        var clearing = false
        /// Answered: speech flows through the rings.
        var talking = false
        /// The offered call was accepted on call control's answer: answer once openr2 says so.
        var answerDue = false
        var dnis = ""
        /// Speech samples taken from the far end and written to it during this call.
        var heard = 0
        var sent = 0
    }

    public let settings: Settings
    /// Media thread → signalling thread.
    public let commands = SPSCRing<E1Command>(capacity: 256)
    /// Signalling thread → media thread: what happened on the timeslots.
    public let events = SPSCRing<StampedChannelEvent>(capacity: 512)
    /// Each timeslot's speech, far end → media loop and media loop → far end (index as `settings.bearers`).
    public let received: [SampleRing]
    public let sent: [SampleRing]
    let log: @Sendable (String) -> Void
    private let states = Mutex<[ChannelNumber: String]>([:])
    private let speech = Mutex<[ChannelNumber: SpeechCount]>([:])
    private let thread = SignallingThread()

    // The signalling thread's own (set up before it starts).
    let context: R2Context
    var slots: [Slot] = []
    var slotOf: [R2Chan: Int] = [:]
    private var blockedChans: [R2Chan] = []
    private let pollSet: UnsafeMutableBufferPointer<pollfd>
    let alaw: UnsafeMutableBufferPointer<UInt8>
    let linear: UnsafeMutableBufferPointer<Int16>

    /// Creates the openr2 context and opens every timeslot (they must be
    /// `cas=` channels): the group's idle, the others blocked. The link
    /// starts with `start()`; `log` gets one line per signalling step.
    public init(_ settings: Settings, log: @escaping @Sendable (String) -> Void) throws(ChannelError) {
        self.settings = settings
        self.log = log
        received = settings.bearers.map { _ in SampleRing(capacity: 1280) }
        sent = settings.bearers.map { _ in SampleRing(capacity: 1280) }
        alaw = .allocate(capacity: 320)
        linear = .allocate(capacity: 320)
        pollSet = .allocate(capacity: settings.bearers.count + settings.blocked.count)
        let variant = openr2_proto_get_variant(settings.variant)
        guard variant != OR2_VAR_UNKNOWN else {
            throw .system(nil, operation: "MFC/R2 on \(settings.span)", errno: EINVAL, message: "openr2 has no variant '\(settings.variant)'")
        }
        guard let ctx = openr2_context_new(nil, R2Link.eventInterface, nil, variant, Int32(settings.maxANI), Int32(settings.maxDNIS)) else {
            throw .system(nil, operation: "MFC/R2 on \(settings.span)", errno: ENOMEM, message: "openr2 could not create its context")
        }
        context = ctx
        R2Link.contexts.withLock { $0[Int(bitPattern: ctx)] = log }
        if settings.maxANI == 0 {
            openr2_context_set_skip_category_request(ctx, 1)
            openr2_context_set_ani_first(ctx, 0)
        }
        if let file = settings.protocolFile, openr2_context_configure_from_advanced_file(ctx, file) != 0 {
            throw .system(nil, operation: "MFC/R2 on \(settings.span)", errno: EINVAL,
                          message: "openr2 could not load the protocol file \(file) (missing, unreadable or a line it does not know)")
        }
        openr2_context_set_log_level(ctx, R2Link.logLevel(settings.logTrace))
        // Before the timeslots open: opening one may already report the far end's blocking.
        states.withLock { s in
            for b in settings.bearers { s[b] = "idle" }
            for b in settings.blocked { s[b] = "blocked" }
        }
        for c in settings.bearers + settings.blocked {
            guard let chan = openr2_chan_new(ctx, Int32(c.rawValue), nil, nil) else {
                let why = String(cString: openr2_context_error_string(openr2_context_get_last_error(ctx)))
                throw .system(c, operation: "open MFC/R2 timeslot", errno: EINVAL,
                              message: "\(why) (system.conf needs cas=\(c.rawValue):1001, and nothing else may hold the channel)")
            }
            openr2_chan_set_client_data(chan, Unmanaged.passUnretained(self).toOpaque())
            openr2_chan_set_logging_func(chan, R2Link.channelTrace)
            openr2_chan_set_log_level(chan, R2Link.logLevel(settings.logTrace))
            openr2_chan_disable_read(chan)
            if settings.bearers.contains(c) {
                slotOf[chan] = slots.count
                slots.append(Slot(channel: c, chan: chan))
                openr2_chan_set_idle(chan)
            } else {
                blockedChans.append(chan)
                openr2_chan_set_blocked(chan)
            }
            openr2_chan_handle_cas(chan)
        }
    }

    deinit {
        R2Link.contexts.withLock { $0[Int(bitPattern: context)] = nil }
        openr2_context_delete(context)  // also deletes (and closes) its channels
        pollSet.deallocate()
        alaw.deallocate()
        linear.deallocate()
    }

    /// Each timeslot's call state: idle, seized, offered, accepting,
    /// answered, calling, ringing, clearing, blocked.
    public var channelStates: [ChannelNumber: String] { states.withLock { $0 } }

    /// Speech samples heard from and sent to the far end on each timeslot's
    /// current (or last) call.
    public struct SpeechCount: Sendable, Equatable {
        public var heard = 0
        public var sent = 0
    }
    public var speechCounts: [ChannelNumber: SpeechCount] { speech.withLock { $0 } }

    func countSpeech(_ i: Int) {
        let c = slots[i].channel, count = SpeechCount(heard: slots[i].heard, sent: slots[i].sent)
        speech.withLock { $0[c] = count }
    }

    /// Starts the signalling thread.
    public func start() {
        if let why = thread.start({ [self] in body() }) { log("signalling thread not started: \(why)") }
    }

    /// Stops the thread; the timeslots stay as they are until the link goes.
    public func stop() { thread.stop() }

    // MARK: The signalling thread

    private func body() {
        log("MFC/R2 \(settings.variant) on \(settings.span): \(slots.count) timeslots, \(blockedChans.count) blocked, DNIS up to \(settings.maxDNIS) digits, ANI up to \(settings.maxANI)")
        let all = slots.map(\.chan) + blockedChans
        let block = 160
        while thread.isRunning {
            while let command = commands.pop() { perform(command) }
            var wait: Int32 = 20
            for (i, chan) in all.enumerated() {
                let read = openr2_chan_get_read_enabled(chan) != 0
                // Speech waiting for an answered timeslot: wake when DAHDI has room for it.
                let speech = i < slots.count && slots[i].talking && sent[i].count >= block
                pollSet[i] = pollfd(fd: openr2_chan_get_fd(chan), events: Int16(POLLPRI) | (read ? Int16(POLLIN) : 0) | (speech ? Int16(POLLOUT) : 0), revents: 0)
                let next = openr2_chan_get_time_to_next_event(chan)
                if next >= 0 { wait = min(wait, next) }
            }
            _ = poll(pollSet.baseAddress, nfds_t(all.count), wait)
            for (i, chan) in all.enumerated() where pollSet[i].revents & ~Int16(POLLOUT) != 0 || openr2_chan_get_time_to_next_event(chan) == 0 {
                openr2_chan_process_event(chan)
            }
            for i in slots.indices {
                if slots[i].answerDue { answer(i) }
                transmit(i, room: pollSet[i].revents & Int16(POLLOUT) != 0, block: block)
                if slots[i].talking { countSpeech(i) }
            }
        }
    }

    /// Writes one block of the speech the media loop left for the far end
    /// (A-law) when DAHDI has `room` for it, while the call is answered;
    /// otherwise drops it. Never waits: a write to a full timeslot would
    /// hold up the whole span's signalling (openr2 retries until the card
    /// takes it), so speech is written only on the descriptor's POLLOUT, and
    /// at most three blocks are kept queued when the media loop runs ahead
    /// of the E1's clock (the oldest go).
    private func transmit(_ i: Int, room: Bool, block: Int) {
        let ring = sent[i]
        guard slots[i].talking else { ring.trim(to: 0); return }
        ring.trim(to: 3 * block)
        guard room, ring.count >= block else { return }
        let n = ring.read(into: UnsafeMutableBufferPointer(rebasing: linear[0..<block]))
        for k in 0..<n { alaw[k] = G711Law.alaw.encode(linear[k]) }
        _ = openr2_chan_write(slots[i].chan, alaw.baseAddress, Int32(n))
        slots[i].sent += n
    }

    func setState(_ i: Int, _ state: String) {
        slots[i].state = state
        let c = slots[i].channel
        states.withLock { $0[c] = state }
    }

    func emit(_ channel: ChannelNumber, _ event: ChannelEvent) {
        if !events.push(StampedChannelEvent(channel: channel, event: event)) { log("event ring full: \(event) on \(channel) lost") }
    }

    static func logLevel(_ trace: Bool) -> openr2_log_level_t {
        let base = OR2_LOG_ERROR.rawValue | OR2_LOG_WARNING.rawValue
        return openr2_log_level_t(trace ? base | OR2_LOG_NOTICE.rawValue | OR2_LOG_DEBUG.rawValue | OR2_LOG_MF_TRACE.rawValue | OR2_LOG_CAS_TRACE.rawValue : base)
    }

    /// Each context's log, for openr2's context-level messages (no channel to find the link by).
    static let contexts = Mutex<[Int: @Sendable (String) -> Void]>([:])
}
