#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SealingKey {
    /// Loads the key from the key file at `path`.
    ///
    /// The file must hold 64 hex characters (optionally followed by a newline) or exactly
    /// 32 raw bytes, be a regular file owned by the effective uid, and grant no permission
    /// to group or others. Anything else is refused with an error naming the path and the
    /// reason, because a key others can read protects nothing.
    public init(contentsOf path: String) throws(SealingError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .keyFileUnreadable(path: path, reason: errnoText()) }
        defer { closeQuietly(fd) }

        // fstat the open descriptor, so the checks apply to the file actually read.
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .keyFileUnreadable(path: path, reason: errnoText()) }
        guard isRegularFile(info.st_mode) else {
            throw .keyFileUnreadable(path: path, reason: "not a regular file")
        }
        guard permissionBits(info.st_mode) & 0o077 == 0 else {
            throw .keyFileInsecure(path: path, mode: permissionBits(info.st_mode))
        }
        guard info.st_uid == geteuid() else {
            throw .keyFileNotOwned(path: path, owner: UInt32(info.st_uid), euid: UInt32(geteuid()))
        }
        // A key file is at most 65 bytes; do not read a large file pointed to by mistake.
        guard info.st_size <= 4096 else {
            throw .keyFileMalformed(path: path, reason: "\(info.st_size) bytes")
        }

        let contents: [UInt8]
        switch readAll(fd, sizeHint: 66) {
        case .success(let bytes): contents = bytes
        case .failure(let failure): throw .keyFileUnreadable(path: path, reason: errnoText(failure.errno))
        }
        self = try Self.parse(contents, path: path)
    }

    /// Interprets key file contents: 32 raw bytes, or 64 hex characters with an optional newline.
    static func parse(_ contents: [UInt8], path: String) throws(SealingError) -> SealingKey {
        if contents.count == byteCount, let key = SealingKey(bytes: contents) {
            return key
        }
        var text = contents[...]
        if text.last == UInt8(ascii: "\n") { text = text.dropLast() }
        guard text.count == byteCount * 2 else {
            throw .keyFileMalformed(path: path, reason: "\(contents.count) bytes")
        }
        guard let decoded = Hex.decode(text), let key = SealingKey(bytes: decoded) else {
            throw .keyFileMalformed(path: path, reason: "64 characters but not all hex digits")
        }
        return key
    }
}
