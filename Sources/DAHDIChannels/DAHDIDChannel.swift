#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
import Channels

/// An E1 span's ISDN D channel (timeslot 16, `dchan=` in system.conf): an
/// HDLC channel whose reads and writes are whole Q.921 frames (DAHDI checks
/// and adds the two FCS bytes). Owned by one signalling thread, never by the
/// media loop. Opened as chan_dahdi opens a PRI D channel: immediate buffer
/// policy, 32 buffers of 1024 bytes.
public final class DAHDIDChannel {
    private let device: DAHDIDevice
    public let channel: ChannelNumber
    /// Frames the read found DAHDI events in front of (ABORT, BADFCS,
    /// ALARM...): the signalling's log names them.
    public private(set) var eventsSeen: [Int32] = []

    /// Opens and checks the D channel: it must be configured as HDLC
    /// (`dchan=`, DAHDI's software HDLC, or `hardhdlc=`).
    public init(_ channel: ChannelNumber) throws(ChannelError) {
        let d = try DAHDIDevice.openChannelDevice(for: channel)
        do throws(ChannelError) {
            try d.control(CDAHDI_SPECIFY, int: Int32(channel.rawValue), "DAHDI_SPECIFY")
            var params = dahdi_params()
            params.channo = Int32(channel.rawValue)
            try d.control(CDAHDI_GET_PARAMS, &params, "DAHDI_GET_PARAMS")
            guard params.sigtype == CDAHDI_SIG_HDLCFCS || params.sigtype == CDAHDI_SIG_HARDHDLC else {
                throw .system(channel, operation: "open D channel", errno: EINVAL,
                                          message: "not an HDLC channel (sigtype 0x\(String(params.sigtype, radix: 16))): system.conf needs dchan=\(channel.rawValue)")
            }
            var buffers = dahdi_bufferinfo()
            buffers.txbufpolicy = Int32(DAHDI_POLICY_IMMEDIATE)
            buffers.rxbufpolicy = Int32(DAHDI_POLICY_IMMEDIATE)
            buffers.numbufs = 32
            buffers.bufsize = 1024
            try d.control(CDAHDI_SET_BUFINFO, &buffers, "DAHDI_SET_BUFINFO")
        } catch {
            d.close()
            throw error
        }
        device = d
        self.channel = channel
    }

    deinit { device.close() }

    /// Reads one frame into `buffer`: its length (with the 2 FCS bytes), or
    /// 0 when none is waiting or an event stood in front of it.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        switch try? device.read(into: buffer) {
        case .done(let n)?: return Int(n)
        case .eventPending?: takeEvents(); return 0
        default: return 0
        }
    }

    /// Writes one frame (with 2 bytes of room for the FCS DAHDI fills in);
    /// its length, or 0 when it could not be sent.
    public func write(_ frame: UnsafeRawBufferPointer) -> Int {
        for _ in 0..<3 {
            switch try? device.write(frame) {
            case .done(let n)?: return Int(n)
            case .eventPending?: takeEvents()
            default: return 0
            }
        }
        return 0
    }

    /// Waits up to `milliseconds` for a frame or an event; true when one is there.
    public func wait(milliseconds: Int32) -> Bool {
        var one = [pollfd(fd: device.fd, events: Int16(POLLIN | POLLPRI), revents: 0)]
        let n = one.withUnsafeMutableBufferPointer { DAHDIDevice.poll($0, milliseconds: milliseconds) }
        if n > 0, one[0].revents & Int16(POLLPRI) != 0 { takeEvents() }
        return n > 0
    }

    /// The events collected so far (DAHDI_EVENT_* codes), oldest first; emptied.
    public func takeEventLog() -> [Int32] {
        defer { eventsSeen.removeAll() }
        return eventsSeen
    }

    private func takeEvents() {
        for _ in 0..<8 {
            var code: Int32 = 0
            guard case .done? = try? device.control(CDAHDI_GETEVENT, &code, "DAHDI_GETEVENT"), code != 0 else { return }
            eventsSeen.append(code)
        }
    }
}
