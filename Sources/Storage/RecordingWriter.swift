#if canImport(Glibc)
import Glibc
#endif
import DSP
import MediaLoop

/// Writes the recording tap's frames into stereo WAV files, one per slot.
public final class RecordingWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    private struct OpenFile {
        var fd: Int32
        var path: String
        var dataBytes: Int
        var bytesSinceSync: Int
    }

    public let tap: RecordingTap
    private var files: [Int: OpenFile] = [:]
    private var scratch: [UInt8]
    /// Bytes between header rewrites and fsyncs (about one second of stereo audio).
    public var syncInterval = 8000 * 4
    public private(set) var finished: [String] = []
    public private(set) var failures: [Failure] = []

    public init(tap: RecordingTap) {
        self.tap = tap
        scratch = [UInt8](repeating: 0, count: tap.blockSize * 4)
    }

    /// Opens `path` (creating its directories) for a slot's frames.
    public func start(slot: RecordingSlot, path: String) throws(Failure) {
        try Self.makeDirectories(for: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        let header = WAVCodec.header(encoding: .pcm16, channels: 2, dataSize: 0)
        guard write(fd, header, header.count) == header.count else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(path: path, reason: "cannot write header: \(reason)")
        }
        files[slot.rawValue] = OpenFile(fd: fd, path: path, dataBytes: 0, bytesSinceSync: 0)
    }

    /// Writes waiting frames; call often (the tap holds about 10 s of one call).
    public func drain() {
        tap.drain { slot, left, right in
            guard var file = files[slot.rawValue] else { return }
            var p = 0
            for i in 0..<left.count {
                let l = UInt16(bitPattern: left[i]), r = UInt16(bitPattern: right[i])
                scratch[p] = UInt8(l & 0xFF); scratch[p + 1] = UInt8(l >> 8)
                scratch[p + 2] = UInt8(r & 0xFF); scratch[p + 3] = UInt8(r >> 8)
                p += 4
            }
            if write(file.fd, scratch, p) == p {
                file.dataBytes += p
                file.bytesSinceSync += p
                if file.bytesSinceSync >= syncInterval {
                    rewriteHeader(file)
                    fsync(file.fd)
                    file.bytesSinceSync = 0
                }
            } else {
                failures.append(Failure(path: file.path, reason: "write failed: \(String(cString: strerror(errno)))"))
            }
            files[slot.rawValue] = file
        }
    }

    /// Finishes a slot's file: final header, fsync, close.
    public func stop(slot: RecordingSlot) {
        drain()
        guard let file = files.removeValue(forKey: slot.rawValue) else { return }
        rewriteHeader(file)
        fsync(file.fd)
        close(file.fd)
        finished.append(file.path)
    }

    public var openCount: Int { files.count }

    /// Finishes every open file (at shutdown: calls still in progress keep
    /// what was recorded so far).
    public func finishAll() {
        for slot in files.keys.sorted() { stop(slot: RecordingSlot(slot)) }
    }

    private func rewriteHeader(_ file: OpenFile) {
        let header = WAVCodec.header(encoding: .pcm16, channels: 2, dataSize: file.dataBytes)
        _ = pwrite(file.fd, header, header.count, 0)
    }

    static func makeDirectories(for path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/").dropLast() {
            prefix += "/" + part
            if mkdir(prefix, 0o750) != 0 && errno != EEXIST {
                throw Failure(path: prefix, reason: "cannot create directory: \(String(cString: strerror(errno)))")
            }
        }
    }
}
