import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SealingKey {
    /// Creates a new random key and stores it at `path` as 64 hex characters and a newline.
    ///
    /// The file is created with `O_CREAT | O_EXCL` and mode 0600, so an existing key file
    /// (and the recordings that depend on it) is never overwritten. The file and its
    /// directory entry are fsynced before the key is returned.
    @discardableResult
    public static func generate(path: String) throws(SealingError) -> SealingKey {
        let key = SealingKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })!

        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { throw .keyFileExists(path: path) }
            throw .keyFileWriteFailed(path: path, reason: errnoText(code))
        }
        // Set the mode explicitly too; the umask can only have narrowed it, but be exact.
        var failure: String? = fchmod(fd, 0o600) == 0 ? nil : errnoText()
        if failure == nil {
            let text = Array((Hex.encode(key.bytes) + "\n").utf8)
            failure = text.withUnsafeBytes { writeAll(fd, $0) }.map { errnoText($0) }
        }
        if failure == nil, fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if let failure {
            // The file is ours (O_EXCL), so removing the partial key is safe.
            _ = unlink(path)
            throw .keyFileWriteFailed(path: path, reason: failure)
        }
        syncDirectory(of: path)
        return key
    }
}

/// Best-effort fsync of the directory holding `path`, so the new name survives power loss.
private func syncDirectory(of path: String) {
    let directory: String
    if let slash = path.lastIndex(of: "/") {
        directory = slash == path.startIndex ? "/" : String(path[..<slash])
    } else {
        directory = "."
    }
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    closeQuietly(fd)
}
