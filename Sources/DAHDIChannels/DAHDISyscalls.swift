#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
import Channels

/// What an ioctl, read or write on a DAHDI channel came to.
enum DAHDIOutcome: Equatable {
    /// Done; the value the call returned.
    case done(Int32)
    /// EINPROGRESS: a ring, flash or wink was accepted and runs in the driver.
    case inProgress
    /// ELAST: an event is pending; read it (DAHDI_GETEVENT) before audio moves.
    case eventPending
    /// EAGAIN: nothing to read yet, or no room to write (non-blocking fd).
    case wouldBlock
}

/// One open DAHDI file descriptor: the single place Kefu calls ioctl, and
/// the funnel for read, write and poll on channels.
struct DAHDIDevice {
    let fd: Int32
    let channel: ChannelNumber?

    static let channelPath = "/dev/dahdi/channel"
    static let controlPath = "/dev/dahdi/ctl"

    /// Opens a new, unbound channel descriptor (non-blocking).
    static func openChannelDevice(for channel: ChannelNumber?) throws(ChannelError) -> DAHDIDevice {
        try open(channelPath, channel)
    }

    /// Opens DAHDI's control device: parameters of any channel and span
    /// status, without opening (and so disturbing) a channel.
    static func openControlDevice() throws(ChannelError) -> DAHDIDevice {
        try open(controlPath, nil)
    }

    private static func open(_ path: String, _ channel: ChannelNumber?) throws(ChannelError) -> DAHDIDevice {
        let fd = Glibc.open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            throw .system(channel, operation: "open \(path)", errno: e, message: Self.describe(e))
        }
        return DAHDIDevice(fd: fd, channel: channel)
    }

    static func describe(_ e: Int32) -> String {
        e == ENOENT ? "no DAHDI device (are the dahdi modules loaded and dahdi_cfg run?)" : String(cString: strerror(e))
    }

    func close() { _ = Glibc.close(fd) }

    /// The ioctl funnel.
    @discardableResult
    func control(_ request: UInt, _ argument: UnsafeMutableRawPointer, _ operation: StaticString) throws(ChannelError) -> DAHDIOutcome {
        while true {
            let rc = ioctl(fd, request, argument)
            if rc >= 0 { return .done(rc) }
            let e = errno
            switch e {
            case EINTR: continue
            case EINPROGRESS: return .inProgress
            case ELAST: return .eventPending
            case EAGAIN: return .wouldBlock
            default: throw .system(channel, operation: "\(operation)", errno: e, message: Self.describe(e))
            }
        }
    }

    /// An ioctl whose argument is one int.
    @discardableResult
    func control(_ request: UInt, int value: Int32, _ operation: StaticString) throws(ChannelError) -> DAHDIOutcome {
        var v = value
        return try control(request, &v, operation)
    }

    /// DAHDI_SPANSTAT for one span on the control device; nil when DAHDI has no such span.
    func spanStatus(_ span: Int32) -> dahdi_spaninfo? {
        var info = dahdi_spaninfo()
        info.spanno = span
        guard case .done? = try? control(CDAHDI_SPANSTAT, &info, "DAHDI_SPANSTAT") else { return nil }
        return info
    }

    /// DAHDI_GET_PARAMS for one channel on the control device (configured or
    /// not); nil when DAHDI has no such channel.
    func channelParameters(_ channel: Int32) -> dahdi_params? {
        var params = dahdi_params()
        params.channo = channel
        guard case .done? = try? control(CDAHDI_GET_PARAMS, &params, "DAHDI_GET_PARAMS") else { return nil }
        return params
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ChannelError) -> DAHDIOutcome {
        try transfer("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    func write(_ buffer: UnsafeRawBufferPointer) throws(ChannelError) -> DAHDIOutcome {
        try transfer("write") { Glibc.write(fd, buffer.baseAddress, buffer.count) }
    }

    /// A read or write: retried on EINTR; ELAST and EAGAIN become outcomes.
    private func transfer(_ operation: StaticString, _ call: () -> Int) throws(ChannelError) -> DAHDIOutcome {
        while true {
            let n = call()
            if n >= 0 { return .done(Int32(n)) }
            let e = errno
            switch e {
            case EINTR: continue
            case ELAST: return .eventPending
            case EAGAIN: return .wouldBlock
            default: throw .system(channel, operation: "\(operation)", errno: e, message: Self.describe(e))
            }
        }
    }

    /// Waits up to `milliseconds` for audio (POLLIN) or an event (POLLPRI).
    static func poll(_ fds: UnsafeMutableBufferPointer<pollfd>, milliseconds: Int32) -> Int32 {
        while true {
            let rc = Glibc.poll(fds.baseAddress, nfds_t(fds.count), milliseconds)
            if rc >= 0 || errno != EINTR { return rc }
        }
    }
}
