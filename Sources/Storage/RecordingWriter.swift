#if canImport(Glibc)
import Glibc
#endif
import DSP
import MediaLoop
import Records
import Sealing

/// Writes the recording tap's frames into files, one per slot, off the
/// media thread. Audio reaches the disk at every sync (about once a second
/// of audio): a crash loses at most that. Below the free-space floor no new
/// recording starts; a write that fails (disk full) ends that recording
/// cleanly where it was while the call goes on; both raise an alarm, which
/// stays in force until a recording starts again.
public final class RecordingWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// What became of a recording when it stopped.
    public struct Outcome: Sendable, Equatable {
        public var callID: Int64
        public var path: String
        public var bytes: Int64
        /// Why it was cut short (nil: recorded to the end).
        public var cut: String?
        public var talk: TalkSummary
    }

    public let tap: RecordingTap
    private var files: [Int: RecordingFile] = [:]
    private var scratch: [UInt8]
    /// Bytes between syncs (one second of stereo 16-bit audio at 8 kHz).
    public var syncInterval = 8000 * 4
    /// No recording starts with less free space than this on its disk.
    public var minFreeBytes: Int64 = 0
    /// Seal recordings with this key (nil: plain WAV).
    public var key: SealingKey?
    /// The group new files and folders are given (nil: the process's own).
    public var groupID: UInt32?
    /// Alarms raised (free space below the floor, write failures) and
    /// cleared (recording again), oldest first, each once.
    public private(set) var alarms: [String] = []
    /// The alarm in force: the last one raised, until a recording starts again.
    public private(set) var alarm: String?
    public private(set) var finished: [Outcome] = []

    public init(tap: RecordingTap) {
        self.tap = tap
        scratch = [UInt8](repeating: 0, count: tap.blockSize * 4)
    }

    /// The file name a call's recording gets in `directory`.
    public func fileName(callID: Int64) -> String { key == nil ? "\(callID).wav" : "\(callID).kseal" }

    /// Opens the call's recording file (creating its directories) for a
    /// slot's frames. Refused below the free-space floor.
    public func start(slot: RecordingSlot, callID: Int64, path: String) throws(Failure) {
        try Self.makeDirectories(for: path, group: groupID)
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if minFreeBytes > 0, let free = Self.freeBytes(directory.isEmpty ? "." : directory), free < minFreeBytes {
            let failure = Failure(path: path, reason: "not recorded: \(free / 1_048_576) MB free, below the floor of \(minFreeBytes / 1_048_576) MB")
            raise("recording stopped, disk full: \(free / 1_048_576) MB free on \(directory), below the floor of \(minFreeBytes / 1_048_576) MB")
            throw failure
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        _ = fchmod(fd, 0o640)  // whatever the umask: the group may read, others not
        if let groupID, fchown(fd, uid_t.max, groupID) != 0 {
            let reason = String(cString: strerror(errno))
            close(fd)
            unlink(path)
            raise("recording \(callID) not started: cannot give \(path) to group \(groupID): \(reason)")
            throw Failure(path: path, reason: "cannot give it to group \(groupID): \(reason)")
        }
        var file = RecordingFile(fd: fd, path: path, callID: callID)
        do {
            if let key {
                file.sealer = try SealedFileWriter(fd: fd, key: key, sampleRate: 8000, channels: 2, bitsPerSample: 16)
            } else {
                // write, not pwrite: the audio that follows is appended after the header.
                let header = WAVCodec.header(encoding: .pcm16, channels: 2, dataSize: 0)
                guard write(fd, header, header.count) == header.count else {
                    throw Failure(path: path, reason: "cannot write header: \(String(cString: strerror(errno)))")
                }
            }
        } catch {
            close(fd)
            unlink(path)
            let reason = (error as? Failure)?.reason ?? "cannot start sealed file: \(error)"
            raise("recording \(callID) not started: \(reason)")
            throw Failure(path: path, reason: reason)
        }
        // The file's name is in its folder on the disk before any of its audio
        // is: a power cut after the first sync cannot leave audio without a name.
        Self.syncDirectory(directory.isEmpty ? "." : directory)
        files[slot.rawValue] = file
        if alarm != nil { clear(directory: directory.isEmpty ? "." : directory) }
    }

    /// Sees every frame drained, before it is written (a supervisor
    /// listening in); called on the draining thread.
    public var listener: ((RecordingSlot, UnsafeBufferPointer<Int16>, UnsafeBufferPointer<Int16>) -> Void)?

    /// Writes waiting frames; call often (the tap holds a few seconds).
    public func drain() {
        tap.drain { slot, left, right in
            listener?(slot, left, right)
            guard var file = files[slot.rawValue], file.cut == nil else { return }
            file.meter.feed(left: left, right: right)
            var p = 0
            for i in 0..<left.count {
                let l = UInt16(bitPattern: left[i]), r = UInt16(bitPattern: right[i])
                scratch[p] = UInt8(l & 0xFF); scratch[p + 1] = UInt8(l >> 8)
                scratch[p + 2] = UInt8(r & 0xFF); scratch[p + 3] = UInt8(r >> 8)
                p += 4
            }
            var failure = scratch.withUnsafeBytes { file.append(UnsafeRawBufferPointer(rebasing: $0[0..<p])) }
            if failure == nil && file.bytesSinceSync >= syncInterval { failure = file.sync() }
            if let failure { cut(&file, errno: failure) }
            files[slot.rawValue] = file
        }
    }

    private func cut(_ file: inout RecordingFile, errno code: Int32) {
        let seconds = file.dataBytes / 32_000
        let reason = "\(code == ENOSPC || code == EDQUOT ? "disk full" : "write failed") (\(String(cString: strerror(code)))) after \(seconds) s"
        file.cutShort(reason)
        raise("recording \(file.callID) cut short: \(reason); the call goes on unrecorded")
    }

    /// Finishes a slot's file: final header or segment, fsync, close.
    @discardableResult
    public func stop(slot: RecordingSlot) -> Outcome? {
        drain()
        guard var file = files.removeValue(forKey: slot.rawValue) else { return nil }
        if file.cut == nil, let code = file.finish() { cut(&file, errno: code) }
        let outcome = Outcome(callID: file.callID, path: file.path, bytes: file.dataBytes, cut: file.cut, talk: file.meter.summary)
        finished.append(outcome)
        return outcome
    }

    public var openCount: Int { files.count }

    /// Finishes every open file (at shutdown: calls still in progress keep
    /// what was recorded so far).
    @discardableResult
    public func finishAll() -> [Outcome] {
        files.keys.sorted().compactMap { stop(slot: RecordingSlot($0)) }
    }

    private func raise(_ alarm: String) {
        if alarms.last != alarm { alarms.append(alarm) }
        self.alarm = alarm
    }

    /// A recording started: whatever stopped recordings is over.
    private func clear(directory: String) {
        let free = Self.freeBytes(directory).map { ": \($0 / 1_048_576) MB free on \(directory)" } ?? ""
        alarms.append("recording again\(free) (alarm cleared: \(alarm ?? ""))")
        alarm = nil
    }

    /// Bytes an unprivileged writer may still use on the file system holding `path`.
    public static func freeBytes(_ path: String) -> Int64? {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return nil }
        return Int64(s.f_bavail) * Int64(s.f_frsize)
    }

    /// fsync of a folder: the names made in it (files, folders) are on the
    /// disk. A file's own fsync does not promise its name.
    static func syncDirectory(_ path: String) {
        let fd = open(path.isEmpty ? "/" : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func makeDirectories(for path: String, group: UInt32? = nil) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/").dropLast() {
            prefix += "/" + part
            if mkdir(prefix, 0o750) == 0 {
                _ = chmod(prefix, 0o750)
                if let group { _ = chown(prefix, uid_t.max, group) }
                syncDirectory(String(prefix[..<(prefix.lastIndex(of: "/") ?? prefix.startIndex)]))
            } else if errno != EEXIST {
                throw Failure(path: prefix, reason: "cannot create directory: \(String(cString: strerror(errno)))")
            }
        }
    }
}
