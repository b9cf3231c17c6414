#if canImport(Glibc)
import Glibc
#endif
import Sealing

/// Makes a recording left open by a crash playable up to the cut. A plain
/// WAV gets its header sizes set to the whole stereo frames on disk (a
/// partly written last frame is dropped); a sealed file needs nothing — its
/// reader stops at the last whole segment — so only its audio is counted.
public enum RecordingRepair {
    /// Repairs the file; returns the audio bytes it now holds.
    public static func repair(path: String, key: SealingKey?) throws(RecordingWriter.Failure) -> Int64 {
        if path.hasSuffix(".kseal") {
            guard let key else { throw RecordingWriter.Failure(path: path, reason: "sealed recording, and no key to read it") }
            do { return Int64(try SealedFileReader.read(path: path, key: key).plaintext.count) } catch {
                throw RecordingWriter.Failure(path: path, reason: "\(error)")
            }
        }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw RecordingWriter.Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw RecordingWriter.Failure(path: path, reason: String(cString: strerror(errno))) }
        let size = Int64(st.st_size)
        let headerSize = Int64(RecordingFile.headerSize)
        let data = max(0, size - headerSize) / 4 * 4
        if size != headerSize + data {
            guard ftruncate(fd, off_t(headerSize + data)) == 0 else {
                throw RecordingWriter.Failure(path: path, reason: "cannot cut the torn last frame: \(String(cString: strerror(errno)))")
            }
        }
        guard RecordingFile.writeHeader(fd, dataBytes: data), fsync(fd) == 0 else {
            throw RecordingWriter.Failure(path: path, reason: "cannot rewrite the header: \(String(cString: strerror(errno)))")
        }
        return data
    }
}
