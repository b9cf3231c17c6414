#if canImport(Glibc)
import Glibc

/// Loading and saving the history: UTF-8 text, one entry per line, `\n`
/// terminated. Entries never contain newlines (`add` refuses them), so no
/// escaping is needed.
extension History {
    /// Replaces the entries with those in the file at `path`, applying the
    /// recording rules and `maxCount` (the newest lines win). A missing file
    /// is not an error: it leaves the history empty, as on first use.
    public mutating func load(from path: String) throws(HistoryFileError) {
        let bytes: [UInt8]
        do {
            bytes = try Self.readAll(path)
        } catch let error {
            guard error.operation == .open, error.code == ENOENT else { throw error }
            removeAll()
            return
        }
        removeAll()
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var line = line[...]
            if line.last == 0x0D { line = line.dropLast() }   // a file edited elsewhere
            add(String(decoding: line, as: UTF8.self))
        }
    }

    /// Writes the entries to `path` with mode 0600 (entries can hold
    /// customer data). Writes a temporary file beside it (named after the
    /// process, so two consoles saving at once do not collide), syncs it
    /// and renames it over `path`, so a power cut leaves the old or the new
    /// file, never half of one.
    public func save(to path: String) throws(HistoryFileError) {
        var text: [UInt8] = []
        for entry in entries {
            text.append(contentsOf: entry.utf8)
            text.append(0x0A)
        }
        let temporary = path + ".tmp.\(getpid())"
        do {
            try Self.writeAll(text, to: temporary)
        } catch let error {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw HistoryFileError(operation: .rename, path: path, code: code)
        }
    }

    static func readAll(_ path: String) throws(HistoryFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw HistoryFileError(operation: .open, path: path, code: errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw HistoryFileError(operation: .read, path: path, code: errno)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    static func writeAll(_ bytes: [UInt8], to path: String) throws(HistoryFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw HistoryFileError(operation: .open, path: path, code: errno) }
        var closed = false
        defer { if !closed { close(descriptor) } }
        // An older temporary file keeps its mode through O_TRUNC; force 0600.
        guard fchmod(descriptor, 0o600) == 0 else {
            throw HistoryFileError(operation: .open, path: path, code: errno)
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw HistoryFileError(operation: .write, path: path, code: errno)
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw HistoryFileError(operation: .sync, path: path, code: errno) }
        closed = true
        guard close(descriptor) == 0 else { throw HistoryFileError(operation: .close, path: path, code: errno) }
    }
}
#endif
