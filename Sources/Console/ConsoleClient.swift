#if canImport(Glibc)
import Glibc
#endif

/// Sends one request to kefud's console socket and collects the answer.
public enum ConsoleClient {
    public static func send(_ request: ConsoleRequest, to path: String, timeoutSeconds: Int = 10) throws(ConsoleWire.Failure) -> ConsoleOutput {
        let s = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard s >= 0 else { throw ConsoleWire.Failure("cannot make a socket: \(String(cString: strerror(errno)))") }
        defer { close(s) }
        let connected = try ConsoleWire.withAddress(path) { connect(s, $0, $1) }
        guard connected == 0 else {
            throw ConsoleWire.Failure("cannot reach kefud at \(path): \(String(cString: strerror(errno))) (is kefud running?)")
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        try ConsoleWire.send(s, request.encoded)
        var output = ConsoleOutput()
        while let frame = try ConsoleWire.receive(s) {
            switch ConsoleAnswer.decode(frame) {
            case .output(let line): output.lines.append(line)
            case .error(let line): output.errors.append(line)
            case .exit(let code):
                output.status = code
                return output
            case nil: throw ConsoleWire.Failure("kefud sent something that is not a console answer")
            }
        }
        throw ConsoleWire.Failure("kefud closed the connection without an answer")
    }
}
