#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The few system calls the sealing code needs, retrying EINTR and short transfers.
// They return errno values; callers wrap them into a `SealingError`.

/// The text for an errno value, e.g. "No space left on device (errno 28)".
func errnoText(_ code: Int32 = errno) -> String {
    "\(String(cString: strerror(code))) (errno \(code))"
}

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
/// Returns nil on success or the errno of the failure.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    var done = 0
    while done < bytes.count {
        let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
        if n > 0 {
            done += n
        } else if n < 0 && errno == EINTR {
            continue
        } else {
            return n == 0 ? EIO : errno
        }
    }
    return nil
}

/// Reads `fd` to end of file. Returns the bytes, or the errno of the failure.
func readAll(_ fd: Int32, sizeHint: Int) -> Result<[UInt8], ReadFailure> {
    var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
    var count = 0
    while true {
        if count == bytes.count {
            bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096)))
        }
        let n = bytes.withUnsafeMutableBytes { buffer in
            read(fd, buffer.baseAddress! + count, buffer.count - count)
        }
        if n > 0 {
            count += n
        } else if n == 0 {
            bytes.removeSubrange(count...)
            return .success(bytes)
        } else if errno != EINTR {
            return .failure(ReadFailure(errno: errno))
        }
    }
}

/// The errno a `readAll` failed with.
struct ReadFailure: Error {
    let errno: Int32
}

/// Closes `fd`, ignoring errors: used only on descriptors opened for reading or already failed.
func closeQuietly(_ fd: Int32) {
    _ = close(fd)
}

/// Permission bits of a `stat` mode.
func permissionBits(_ mode: mode_t) -> UInt32 {
    UInt32(mode) & 0o7777
}

/// Whether a `stat` mode describes a regular file.
func isRegularFile(_ mode: mode_t) -> Bool {
    (UInt32(mode) & UInt32(S_IFMT)) == UInt32(S_IFREG)
}
