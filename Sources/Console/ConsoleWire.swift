#if canImport(Glibc)
import Glibc
#endif

/// The console socket's framing: each message is a 32-bit little-endian
/// length and that many bytes of UTF-8. A request is one message; the
/// answer is a run of messages (output lines, error lines) ended by the
/// exit status.
public enum ConsoleWire {
    public static let maxFrame = 1 << 20

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Calls `body` with the unix-socket address of `path` (for bind or
    /// connect); a path too long for sockaddr_un is refused.
    static func withAddress(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) throws(Failure) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw Failure("\(path): the socket path is too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// Writes one frame (all of it, retrying short writes and EINTR).
    public static func send(_ fd: Int32, _ payload: [UInt8]) throws(Failure) {
        let n = UInt32(payload.count)
        let bytes = [UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF), UInt8((n >> 16) & 0xFF), UInt8(n >> 24)] + payload
        var offset = 0
        while offset < bytes.count {
            let w = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if w < 0 {
                if errno == EINTR { continue }
                throw Failure("console socket: write failed: \(String(cString: strerror(errno)))")
            }
            offset += w
        }
    }

    /// The payload length a frame's first four bytes give.
    static func length(_ head: ArraySlice<UInt8>) -> Int {
        let h = head.startIndex
        return Int(head[h]) | Int(head[h + 1]) << 8 | Int(head[h + 2]) << 16 | Int(head[h + 3]) << 24
    }

    enum Scan: Equatable {
        case incomplete
        case complete([UInt8])
        case tooLarge
    }

    /// The first frame in `bytes` received so far, if all of it is there.
    static func frame(in bytes: [UInt8]) -> Scan {
        guard bytes.count >= 4 else { return .incomplete }
        let n = length(bytes[0..<4])
        guard n <= maxFrame else { return .tooLarge }
        return bytes.count >= 4 + n ? .complete(Array(bytes[4..<(4 + n)])) : .incomplete
    }

    /// Reads one frame; nil at a clean end of stream.
    public static func receive(_ fd: Int32) throws(Failure) -> [UInt8]? {
        guard let head = try readExactly(fd, 4, endOK: true) else { return nil }
        let n = length(head[...])
        guard n <= maxFrame else { throw Failure("console socket: a message of \(n) bytes is larger than \(maxFrame)") }
        return try readExactly(fd, n, endOK: false) ?? []
    }

    static func readExactly(_ fd: Int32, _ count: Int, endOK: Bool) throws(Failure) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let r = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, count - got) }
            if r < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure("console socket: no answer in time") }
                throw Failure("console socket: read failed: \(String(cString: strerror(errno)))")
            }
            if r == 0 {
                if got == 0 && endOK { return nil }
                throw Failure("console socket: the other side closed mid-message")
            }
            got += r
        }
        return out
    }
}
