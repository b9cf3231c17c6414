#if canImport(Glibc)
import Glibc
#endif

/// A small real file system for disk-full tests: a tmpfs of `kilobytes`
/// mounted at `path` (created if missing). Mounting needs root, as `make
/// test` runs; elsewhere it throws, saying so, and the test fails rather
/// than pretend.
public struct TmpfsMount {
    public let path: String

    public init(_ path: String, kilobytes: Int) throws {
        self.path = path
        var built = ""
        for part in path.split(separator: "/") {
            built += "/" + part
            _ = mkdir(built, 0o755)
        }
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(kilobytes)k,mode=0755") == 0 else {
            throw Refused(reason: "cannot mount a tmpfs at \(path) (\(String(cString: strerror(errno)))): this test needs root")
        }
    }

    public func unmount() { umount2(path, Int32(MNT_DETACH)) }

    /// Bytes still free on it.
    public var freeBytes: Int64 {
        var s = statvfs()
        return statvfs(path, &s) == 0 ? Int64(s.f_bavail) * Int64(s.f_frsize) : 0
    }

    /// Writes a file of zeros at `file` that leaves `leaving` bytes free (or
    /// fills the disk, when `leaving` is 0: it writes until the disk refuses).
    /// Returns the bytes written.
    @discardableResult
    public func fill(_ file: String, leaving: Int64 = 0) -> Int64 {
        let fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0, count: 65_536)
        var written: Int64 = 0
        while true {
            let room = freeBytes - leaving
            guard room > 0 else { break }
            let n = write(fd, chunk, Int(min(Int64(chunk.count), room)))
            guard n > 0 else { break }
            written += Int64(n)
        }
        return written
    }

    public struct Refused: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }
}
