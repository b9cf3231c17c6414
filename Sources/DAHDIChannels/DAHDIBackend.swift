#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
import Channels
import DSP

/// `ChannelBackend` on DAHDI. Channels are those `DAHDIDiscovery` found (or
/// the ones given). One non-blocking descriptor per open channel.
public final class DAHDIBackend: ChannelBackend {
    public let channels: [ChannelInfo]
    public let blockSize: Int
    private var devices: [ChannelNumber: DAHDIDevice] = [:]
    private var pending: [ChannelNumber: FixedQueue<ChannelEvent>] = [:]
    private var pollSet: [pollfd] = []
    private var zone = "cn"
    private var zoneLoaded = false
    /// Channels the driver is dialling on: DAHDI plays dial tones only while
    /// nothing is written (the write buffer takes priority), so writes pause
    /// until DIALCOMPLETE.
    private var dialling: Set<ChannelNumber> = []
    /// Blocks dropped because the card's transmit buffers stayed full.
    public private(set) var droppedWrites = 0
    /// Each channel's span alarms as the driver last reported them, by
    /// channel number (sized once: updating it does not allocate).
    private var alarmState: [AlarmSet]
    /// Channels whose last read found no block even after waiting: until one
    /// arrives, reads do not wait again, so a dead channel (a span whose far
    /// end is gone) cannot stall every tick by the wait.
    private var starved: [Bool]
    /// E1 bearer channels (DAHDI "clear" channels: no linear mode in the
    /// driver): their bytes are A-law, converted here through `g711`.
    private let clear: [Bool]
    private let g711: UnsafeMutableBufferPointer<UInt8>

    /// - Parameter channels: the channels to serve; by default every channel DAHDI has configured.
    public init(channels: [ChannelInfo]? = nil, blockSize: Int = 160) throws(ChannelError) {
        if let channels {
            self.channels = channels
        } else {
            self.channels = try DAHDIDiscovery.channels()
        }
        self.blockSize = blockSize
        alarmState = Array(repeating: [], count: (self.channels.map(\.number.rawValue).max() ?? 0) + 1)
        starved = Array(repeating: false, count: alarmState.count)
        var clear = Array(repeating: false, count: alarmState.count)
        for c in self.channels where c.signalling == .e1PRI { clear[c.number.rawValue] = true }
        self.clear = clear
        g711 = .allocate(capacity: blockSize)
        g711.initialize(repeating: 0xD5)
        // The A-law tables are built on first use: here, not in a media tick.
        _ = G711Law.alaw.decode(0xD5)
        _ = G711Law.alaw.encode(0)
    }

    deinit {
        for d in devices.values { d.close() }
        g711.deallocate()
    }

    private func device(_ c: ChannelNumber) throws(ChannelError) -> DAHDIDevice {
        guard info(c) != nil else { throw .noSuchChannel(c) }
        guard let d = devices[c] else { throw .notOpen(c) }
        return d
    }

    public func open(_ c: ChannelNumber) throws(ChannelError) {
        guard info(c) != nil else { throw .noSuchChannel(c) }
        guard devices[c] == nil else { throw .alreadyOpen(c) }
        let d = try DAHDIDevice.openChannelDevice(for: c)
        do {
            try d.control(CDAHDI_SPECIFY, int: Int32(c.rawValue), "DAHDI_SPECIFY")
            try d.control(CDAHDI_SET_BLOCKSIZE, int: Int32(blockSize), "DAHDI_SET_BLOCKSIZE")
            if !clear[c.rawValue] { try d.control(CDAHDI_SETLINEAR, int: 1, "DAHDI_SETLINEAR") }
            if zoneLoaded { _ = tone_zone_set_zone(d.fd, strdupZone(zone)) }
        } catch {
            d.close()
            throw error
        }
        devices[c] = d
        pending[c] = FixedQueue(capacity: 64)
        rebuildPollSet()
        // DAHDI queues ALARM only when a span's alarms change: a channel
        // opened on a span already in alarm would never hear of it.
        var params = dahdi_params()
        params.channo = Int32(c.rawValue)
        if case .done? = try? d.control(CDAHDI_GET_PARAMS, &params, "DAHDI_GET_PARAMS"), params.chan_alarms != 0 {
            let set = DAHDIEventMap.alarmSet(Int32(bitPattern: params.chan_alarms))
            alarmState[c.rawValue] = set
            pending[c]?.push(.alarm(set))
        } else {
            alarmState[c.rawValue] = []
        }
    }

    public func close(_ c: ChannelNumber) throws(ChannelError) {
        let d = try device(c)
        d.close()
        devices[c] = nil
        pending[c] = nil
        dialling.remove(c)
        rebuildPollSet()
    }

    public func isOpen(_ c: ChannelNumber) -> Bool { devices[c] != nil }

    private func rebuildPollSet() {
        pollSet = devices.values.map { pollfd(fd: $0.fd, events: Int16(POLLIN | POLLPRI), revents: 0) }
    }

    /// Collects the pending DAHDI event of a channel into its queue.
    private func collectEvent(_ c: ChannelNumber, _ d: DAHDIDevice) throws(ChannelError) {
        var code: Int32 = 0
        guard case .done = try d.control(CDAHDI_GETEVENT, &code, "DAHDI_GETEVENT"), code != 0 else { return }
        let signalling = info(c)?.signalling ?? .fxoLine
        var alarms: Int32 = 0
        if code == Int32(DAHDI_EVENT_ALARM) {
            var params = dahdi_params()
            params.channo = Int32(c.rawValue)
            if case .done = try d.control(CDAHDI_GET_PARAMS, &params, "DAHDI_GET_PARAMS") { alarms = Int32(bitPattern: params.chan_alarms) }
        }
        if let event = DAHDIEventMap.event(code, signalling: signalling, alarms: alarms) {
            switch event {
            case .dialComplete: dialling.remove(c)
            case .alarm(let set): alarmState[c.rawValue] = set
            case .alarmCleared: alarmState[c.rawValue] = []
            default: break
            }
            pending[c]?.push(event)
        }
    }

    public func read(_ c: ChannelNumber, into block: UnsafeMutableBufferPointer<Int16>) throws(ChannelError) {
        let d = try device(c)
        guard block.count == blockSize else { throw .wrongBlockSize(c, expected: blockSize, got: block.count) }
        let alaw = clear[c.rawValue]
        for _ in 0..<4 {
            switch try d.read(into: alaw ? UnsafeMutableRawBufferPointer(g711) : UnsafeMutableRawBufferPointer(block)) {
            case .done(let n):
                starved[c.rawValue] = false
                let samples = alaw ? Int(n) : Int(n) / 2
                if alaw { G711Law.alaw.decode(UnsafeBufferPointer(rebasing: g711[0..<samples]), into: block) }
                if samples < block.count {
                    (block.baseAddress! + samples).update(repeating: 0, count: block.count - samples)
                }
                return
            case .eventPending:
                try collectEvent(c, d)
            case .wouldBlock:
                // A span in alarm may deliver no audio at all (a dynamic span
                // whose peer is gone): say so at once rather than stall the tick.
                let alarm = alarmState[c.rawValue]
                if !alarm.isEmpty { throw .inAlarm(c, alarm) }
                if starved[c.rawValue] { throw .wouldBlock(c) }
                // Woken by an event (POLLPRI) before the block was complete:
                // the block is at most one period away.
                waitForAudio(c, milliseconds: 25)
            case .inProgress:
                return
            }
        }
        starved[c.rawValue] = true
        throw .wouldBlock(c)
    }

    public func write(_ c: ChannelNumber, _ block: UnsafeBufferPointer<Int16>) throws(ChannelError) {
        let d = try device(c)
        guard block.count == blockSize else { throw .wrongBlockSize(c, expected: blockSize, got: block.count) }
        if dialling.contains(c) { return }
        let alaw = clear[c.rawValue]
        if alaw { G711Law.alaw.encode(block, into: g711) }
        for attempt in 0..<4 {
            switch try d.write(alaw ? UnsafeRawBufferPointer(g711) : UnsafeRawBufferPointer(block)) {
            case .done, .inProgress:
                return
            case .wouldBlock:
                // The transmit buffers are full: wait for one to drain once,
                // then drop the block (as a card that fell behind would).
                if attempt > 0 || !alarmState[c.rawValue].isEmpty { droppedWrites += 1; return }
                var one = [pollfd(fd: d.fd, events: Int16(POLLOUT), revents: 0)]
                one.withUnsafeMutableBufferPointer { _ = DAHDIDevice.poll($0, milliseconds: 25) }
            case .eventPending:
                try collectEvent(c, d)
            }
        }
    }

    public func hook(_ c: ChannelNumber, _ operation: HookOperation) throws(ChannelError) {
        let d = try device(c)
        let signalling = info(c)!.signalling
        guard let value = DAHDIEventMap.hookValue(operation, signalling) else {
            throw .wrongSignalling(c, operation: "\(operation)", signalling: signalling)
        }
        if operation == .ringStart || operation == .flash { try ensureZone() }
        try d.control(CDAHDI_HOOK, int: value, "DAHDI_HOOK")
    }

    public func dial(_ c: ChannelNumber, digits: String) throws(ChannelError) {
        let d = try device(c)
        guard !digits.isEmpty, digits.count < Int(CDAHDI_MAX_DTMF_BUF) - 2,
              digits.allSatisfy({ "0123456789*#ABCDabcd".contains($0) }) else {
            throw .invalidDigits(c, digits)
        }
        try ensureZone()
        var operation = dahdi_dialoperation()
        operation.op = Int32(DAHDI_DIAL_OP_APPEND)
        let text = Array(("T" + digits.uppercased()).utf8CString)
        withUnsafeMutableBytes(of: &operation.dialstr) { raw in
            for (i, ch) in text.enumerated() where i < raw.count { raw[i] = UInt8(bitPattern: ch) }
        }
        try d.control(CDAHDI_DIAL, &operation, "DAHDI_DIAL")
        dialling.insert(c)
    }

    public func setToneZone(_ zone: String) throws(ChannelError) {
        self.zone = zone
        zoneLoaded = false
        try ensureZone()
    }

    /// Loads the tone zone into the driver once (RING and DIAL fail with
    /// ENODATA without one) and selects it on every open channel.
    private func ensureZone() throws(ChannelError) {
        guard !zoneLoaded else { return }
        let borrowed = devices.values.first
        let d: DAHDIDevice
        if let borrowed { d = borrowed } else { d = try DAHDIDevice.openChannelDevice(for: nil) }
        defer { if borrowed == nil { d.close() } }
        let name = strdupZone(zone)
        defer { free(name) }
        if tone_zone_register(d.fd, name) != 0 {
            throw .system(nil, operation: "tone zone '\(zone)'", errno: ENODATA, message: "libtonezone has no such zone or the driver refused it")
        }
        for device in devices.values { _ = tone_zone_set_zone(device.fd, name) }
        zoneLoaded = true
    }

    private func strdupZone(_ z: String) -> UnsafeMutablePointer<CChar> { strdup(z)! }

    public func nextEvent(_ c: ChannelNumber) throws(ChannelError) -> ChannelEvent? {
        let d = try device(c)
        if pending[c]?.count == 0 {
            try collectEvent(c, d)
        }
        return pending[c]?.pop()
    }

    /// A channel's span alarms as the driver last reported them (empty: none).
    public func alarms(_ c: ChannelNumber) -> AlarmSet {
        c.rawValue >= 0 && c.rawValue < alarmState.count ? alarmState[c.rawValue] : []
    }

    /// The spans of this backend's channels as DAHDI reports them now
    /// (DAHDI_SPANSTAT); from the channels' names if the driver cannot say.
    public func spans() -> [SpanInfo] {
        (try? DAHDIDiscovery.spans(of: channels)) ?? spansFromChannels()
    }

    /// Whether the far end of a channel is off hook (DAHDI_GET_PARAMS rxisoffhook).
    public func farEndOffHook(_ c: ChannelNumber) throws(ChannelError) -> Bool {
        let d = try device(c)
        var params = dahdi_params()
        params.channo = Int32(c.rawValue)
        try d.control(CDAHDI_GET_PARAMS, &params, "DAHDI_GET_PARAMS")
        return params.rxisoffhook != 0
    }

    /// Whether a channel's transmit buffers have room for a block now.
    public func hasRoomToWrite(_ c: ChannelNumber) -> Bool {
        guard let d = devices[c] else { return false }
        var one = [pollfd(fd: d.fd, events: Int16(POLLOUT), revents: 0)]
        return one.withUnsafeMutableBufferPointer { DAHDIDevice.poll($0, milliseconds: 0) } > 0
    }

    /// Waits up to `milliseconds` until a channel has audio to read.
    public func waitForAudio(_ c: ChannelNumber, milliseconds: Int32 = 40) {
        guard let d = devices[c] else { return }
        var one = [pollfd(fd: d.fd, events: Int16(POLLIN | POLLPRI), revents: 0)]
        one.withUnsafeMutableBufferPointer { _ = DAHDIDevice.poll($0, milliseconds: milliseconds) }
    }

    /// Waits (up to 40 ms) until the card has the next block on an open channel.
    public func beginTick() {
        guard !pollSet.isEmpty else {
            usleep(20_000)
            return
        }
        pollSet.withUnsafeMutableBufferPointer { _ = DAHDIDevice.poll($0, milliseconds: 40) }
    }

    public func endTick() {}
}
