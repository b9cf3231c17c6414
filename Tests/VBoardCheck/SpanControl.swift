#if canImport(Glibc)
import Glibc
#endif

/// Takes span 4 away and brings it back with the host's dahdi_cfg and
/// board/virtual/guest/span4.conf (found through VBOARD_GUEST, which
/// board/virtual/test.sh sets). dahdi_cfg runs as a child process while the
/// bench keeps stepping, so the media loop never stalls for it.
struct SpanControl {
    let conf: String
    static let log = "/tmp/vboard-dahdi_cfg.log"

    init() throws(BenchFailure) {
        guard let guest = getenv("VBOARD_GUEST").map({ String(cString: $0) }) else {
            throw BenchFailure("VBOARD_GUEST is not set: run vboard-check through board/virtual/test.sh")
        }
        conf = guest + "/span4.conf"
        guard access(conf, R_OK) == 0 else { throw BenchFailure("cannot read \(conf)") }
    }

    /// Starts `dahdi_cfg -s` (remove the span) or `dahdi_cfg` (create and configure it).
    func start(remove: Bool) throws(BenchFailure) -> pid_t {
        let command = "/usr/sbin/dahdi_cfg \(remove ? "-s " : "")-c \(conf) > \(Self.log) 2>&1"
        var pid: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let rc = posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ)
        guard rc == 0 else { throw BenchFailure("cannot start dahdi_cfg: \(String(cString: strerror(rc)))") }
        return pid
    }

    /// The exit status once the process has ended, nil while it runs.
    static func finished(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let rc = waitpid(pid, &status, WNOHANG)
        guard rc == pid else { return rc < 0 ? -1 : nil }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Whether DAHDI has a span with this number (/proc/dahdi/N).
    static func spanExists(_ n: Int) -> Bool { access("/proc/dahdi/\(n)", F_OK) == 0 }

    /// What the last dahdi_cfg run printed, on one line.
    static func output() -> String {
        guard let f = fopen(log, "r") else { return "" }
        defer { fclose(f) }
        var text = ""
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), f) != nil { text += String(cString: line) }
        return text.split(separator: "\n").joined(separator: " | ")
    }
}
