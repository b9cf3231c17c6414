#if canImport(Glibc)
import Glibc
#endif
import DSP
import Records
import Sealing

/// One recording being written: a stereo 16-bit WAV (caller left, agent
/// right) whose header sizes are rewritten at every sync, or a sealed file
/// (AES-GCM segments, one per sync). Either way what reached the disk at
/// the last sync stays playable after a crash.
struct RecordingFile {
    var fd: Int32
    var path: String
    var callID: Int64
    /// Audio bytes accepted (whole stereo frames only).
    var dataBytes: Int64 = 0
    var bytesSinceSync = 0
    var sealer: SealedFileWriter?
    var meter = TalkMeter()
    /// Why writing stopped early (disk full, write error); nil while writing.
    var cut: String?

    static let headerSize = 44

    /// Writes the stereo 16-bit WAV header for `dataBytes` of audio at the
    /// start of the file. Returns false (errno set) when it cannot.
    static func writeHeader(_ fd: Int32, dataBytes: Int64) -> Bool {
        let header = WAVCodec.header(encoding: .pcm16, channels: 2, dataSize: Int(dataBytes))
        return pwrite(fd, header, header.count, 0) == header.count
    }

    /// Appends one block pair; returns errno on failure (nothing counted then).
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        if let sealer {
            sealer.append(bytes)
        } else {
            let n = write(fd, bytes.baseAddress, bytes.count)
            guard n == bytes.count else { return n < 0 ? errno : ENOSPC }
        }
        dataBytes += Int64(bytes.count)
        bytesSinceSync += bytes.count
        return nil
    }

    /// Puts what was written on the disk: the header sizes (plain) or a
    /// sealed segment, then fsync. Returns errno on failure.
    mutating func sync() -> Int32? {
        bytesSinceSync = 0
        if let sealer {
            do { _ = try sealer.seal() } catch { return Self.code(of: error) }
        } else {
            guard Self.writeHeader(fd, dataBytes: dataBytes) else { return errno }
        }
        return fsync(fd) == 0 ? nil : errno
    }

    /// Ends writing after a failure: drops a partly written frame (plain),
    /// fixes the header to what is whole, fsyncs and closes. What was
    /// stored before stays intact.
    mutating func cutShort(_ reason: String) {
        cut = reason
        if sealer == nil {
            _ = ftruncate(fd, off_t(Int64(Self.headerSize) + dataBytes))
            _ = Self.writeHeader(fd, dataBytes: dataBytes)
        }
        fsync(fd)
        close(fd)
        fd = -1
    }

    /// The final header or segment, fsync, close. Returns errno on failure.
    mutating func finish() -> Int32? {
        guard fd >= 0 else { return nil }
        var failure: Int32?
        if let sealer {
            do { _ = try sealer.finish() } catch { failure = Self.code(of: error) }
        } else {
            if !Self.writeHeader(fd, dataBytes: dataBytes) { failure = errno }
        }
        if fsync(fd) != 0 && failure == nil { failure = errno }
        close(fd)
        fd = -1
        return failure
    }

    static func code(of error: Error) -> Int32 {
        if let e = error as? SealingError, case .io(_, _, let code) = e { return code }
        return EIO
    }
}
