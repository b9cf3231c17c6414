import Foundation
import Sealing
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp for one test, removed afterwards.
func withTempDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/kefu-sealing-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp: \(String(cString: strerror(errno)))") }
    let path = String(cString: made)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A key with known bytes 0, 1, …, 31.
let countingKey = SealingKey(bytes: Array(0..<32))!
/// A second, unrelated key.
let otherKey = SealingKey(bytes: Array(repeating: 0xA5, count: 32))!

/// Deterministic, varied test audio.
func audio(_ count: Int, seed: UInt32) -> [UInt8] {
    var state = seed &* 2_654_435_761 &+ 1
    return (0..<count).map { _ in
        state = state &* 1_664_525 &+ 1_013_904_223
        return UInt8(truncatingIfNeeded: state >> 24)
    }
}

/// Writes a recording with one sealed segment per element of `chunks`, then `finalChunk`
/// in the final segment (omitted entirely when `finish` is false, as after a crash).
func writeRecording(at path: String, key: SealingKey = countingKey, chunks: [[UInt8]],
                    finalChunk: [UInt8] = [], finish: Bool = true) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw TestFailure("open \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    let writer = try SealedFileWriter(fd: fd, key: key, sampleRate: 8000, channels: 1, bitsPerSample: 16)
    for chunk in chunks {
        chunk.withUnsafeBytes { writer.append($0) }
        try writer.seal()
    }
    if finish {
        finalChunk.withUnsafeBytes { writer.append($0) }
        try writer.finish()
    }
    guard fsync(fd) == 0 else { throw TestFailure("fsync: \(String(cString: strerror(errno)))") }
}

func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

func writeBytes(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    guard chmod(path, mode) == 0 else { throw TestFailure("chmod \(path)") }
}

/// Independently parsed layout of a sealed file: 31-byte header, then for each segment
/// [u32 LE length][flags][ciphertext][16-byte tag].
struct Layout {
    static let headerLength = 31
    /// Start offset of each segment, then the end of the last one.
    var boundaries: [Int] = []
    var flags: [UInt8] = []

    init(_ bytes: [UInt8]) {
        var offset = Self.headerLength
        while offset + 5 <= bytes.count {
            boundaries.append(offset)
            flags.append(bytes[offset + 4])
            let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
                | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
            offset += 5 + length + 16
        }
        boundaries.append(offset)
    }

    var segmentCount: Int { boundaries.count - 1 }
    func range(_ segment: Int) -> Range<Int> { boundaries[segment]..<boundaries[segment + 1] }
}

/// The error `body` throws as a `SealingError`, or nil.
func sealingError(_ body: () throws -> Void) -> SealingError? {
    do {
        try body()
        return nil
    } catch let error as SealingError {
        return error
    } catch {
        return nil
    }
}
