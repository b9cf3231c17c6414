#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything that can go wrong while loading keys, writing or reading sealed recordings.
///
/// Each case carries the path (or, for the writer, the file descriptor) it concerns, so a
/// message logged on the appliance says which file to look at and what to do about it.
public enum SealingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A key file could not be opened or read (missing, not a regular file, I/O error).
    case keyFileUnreadable(path: String, reason: String)
    /// A key file holds neither 64 hex characters nor exactly 32 raw bytes.
    case keyFileMalformed(path: String, reason: String)
    /// A key file grants some permission to group or others; `mode` is its permission bits.
    case keyFileInsecure(path: String, mode: UInt32)
    /// A key file is owned by another user than the effective uid of this process.
    case keyFileNotOwned(path: String, owner: UInt32, euid: UInt32)
    /// `SealingKey.generate(path:)` found a file already there and left it alone.
    case keyFileExists(path: String)
    /// Creating or writing a new key file failed.
    case keyFileWriteFailed(path: String, reason: String)

    /// The audio format passed to the writer cannot be stored in the header.
    case invalidAudioFormat(reason: String)
    /// A system call on a recording failed. `target` is the path, or "sealed recording
    /// on fd N" for the writer; `operation` is what was attempted ("write", "read", …);
    /// `errno` lets callers tell a full disk (ENOSPC) from other failures.
    case io(target: String, operation: String, errno: Int32)
    /// `seal()` or `finish()` was called after `finish()`.
    case writerFinished(fd: Int32)
    /// The writer has used every segment index a file can hold.
    case tooManySegments(fd: Int32)
    /// The cipher itself reported an error while sealing.
    case encryptionFailed(fd: Int32, reason: String)

    /// The file does not start with the sealed-recording magic.
    case notSealed(path: String)
    /// The file is shorter than the fixed header.
    case truncatedHeader(path: String, size: Int)
    /// The header names a format version this build does not know.
    case unsupportedVersion(path: String, version: UInt8)
    /// The file was sealed with another key; both ids are given, never the keys.
    case wrongKey(path: String, fileKeyID: String, keyID: String)
    /// A segment is present in full but cannot be trusted (authentication failed,
    /// impossible length, unknown flags, bytes after the final segment).
    case damaged(path: String, segment: Int, offset: Int, reason: String)

    public var description: String {
        switch self {
        case let .keyFileUnreadable(path, reason):
            return "\(path): cannot read key file: \(reason)"
        case let .keyFileMalformed(path, reason):
            return "\(path): not a key file: \(reason); expected 64 hex characters or 32 raw bytes"
        case let .keyFileInsecure(path, mode):
            let what = mode & 0o044 != 0 ? "readable" : "accessible"
            return "\(path): \(what) by group or others (mode \(octal(mode))); run chmod 600"
        case let .keyFileNotOwned(path, owner, euid):
            return "\(path): owned by uid \(owner), not by this process (uid \(euid)); run chown"
        case let .keyFileExists(path):
            return "\(path): key file already exists; refusing to overwrite it"
        case let .keyFileWriteFailed(path, reason):
            return "\(path): cannot create key file: \(reason)"
        case let .invalidAudioFormat(reason):
            return "invalid audio format for a sealed recording: \(reason)"
        case let .io(target, operation, code):
            return "\(target): \(operation) failed: \(errnoText(code))"
        case let .writerFinished(fd):
            return "sealed recording on fd \(fd): already finished; nothing more can be sealed"
        case let .tooManySegments(fd):
            return "sealed recording on fd \(fd): segment index exhausted; start a new file"
        case let .encryptionFailed(fd, reason):
            return "sealed recording on fd \(fd): encryption failed: \(reason)"
        case let .notSealed(path):
            return "\(path): not a sealed recording (bad magic)"
        case let .truncatedHeader(path, size):
            return "\(path): too short for a sealed recording header (\(size) bytes)"
        case let .unsupportedVersion(path, version):
            return "\(path): sealed recording version \(version) is not supported (this build reads version \(SealedFormat.version))"
        case let .wrongKey(path, fileKeyID, keyID):
            return "\(path): sealed with key \(fileKeyID), this key is \(keyID)"
        case let .damaged(path, segment, offset, reason):
            return "\(path): segment \(segment) at byte offset \(offset) damaged: \(reason)"
        }
    }
}

/// Permission bits as `chmod` spells them, e.g. `0644`.
private func octal(_ mode: UInt32) -> String {
    let digits = String(mode & 0o7777, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
