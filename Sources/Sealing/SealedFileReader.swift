import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and verifies sealed recordings.
public enum SealedFileReader {
    /// Reads the recording at `path` and decrypts every complete segment with `key`.
    ///
    /// A file that ends inside a segment (as after kill -9 or power loss) is not an
    /// error: the content ends there with `complete == false`. Everything else that is
    /// wrong is an error naming the path: not a sealed file, an unknown version, a
    /// different key (detected from the key id before any decryption), or a segment that
    /// fails authentication, has an impossible length, or follows the final one.
    public static func read(path: String, key: SealingKey) throws(SealingError) -> SealedContent {
        let bytes = try readFile(path)
        let header = try checkHeader(bytes, path: path, key: key)
        let headerBytes = Array(bytes[0..<SealedFormat.headerLength])
        let symmetricKey = key.symmetricKey

        var content = SealedContent(
            sampleRate: Int(header.sampleRate), channels: Int(header.channels),
            bitsPerSample: Int(header.bitsPerSample), keyID: Hex.encode(header.keyID),
            plaintext: [], complete: false, segments: 0)
        var offset = SealedFormat.headerLength
        var index = 0
        while offset < bytes.count {
            let remaining = bytes.count - offset
            let damaged = { (reason: String) -> SealingError in
                .damaged(path: path, segment: index, offset: offset, reason: reason)
            }
            // Fewer bytes than the segment prefix: torn by a crash.
            guard remaining >= SealedFormat.segmentPrefixLength else { break }
            let length = Int(SealedFormat.readLittleEndian(bytes, at: offset))
            let flags = bytes[offset + 4]
            let body = offset + SealedFormat.segmentPrefixLength
            let tail = body + length
            let end = tail + SealedFormat.tagLength
            if length > SealedFormat.maxSegmentLength || flags & ~SealedFormat.finalFlag != 0 {
                if isZero(bytes[offset...]) { break }
                throw length > SealedFormat.maxSegmentLength
                    ? damaged("segment length \(length) exceeds the \(SealedFormat.maxSegmentLength)-byte maximum")
                    : damaged("unknown flags 0x\(Hex.encode([flags]))")
            }
            // Fewer bytes than the segment says it holds: torn by a crash.
            guard end <= bytes.count else { break }
            guard index <= Int(UInt32.max) else { throw damaged("more segments than the format allows") }

            let opened: [UInt8]
            do {
                let nonce = try AES.GCM.Nonce(data: SealedFormat.nonce(salt: header.salt[...], index: UInt32(index)))
                let box = try AES.GCM.SealedBox(nonce: nonce, ciphertext: bytes[body..<tail], tag: bytes[tail..<end])
                let aad = SealedFormat.authenticatedData(header: headerBytes, index: UInt32(index), flags: flags)
                opened = Array(try AES.GCM.open(box, using: symmetricKey, authenticating: aad))
            } catch {
                // Space allocated but never written before a power loss reads as zeros.
                if isZero(bytes[offset...]) { break }
                throw damaged("authentication failed")
            }
            content.plaintext += opened
            content.segments += 1
            offset = end
            index += 1
            if flags & SealedFormat.finalFlag != 0 {
                content.complete = true
                if offset < bytes.count {
                    throw .damaged(path: path, segment: index, offset: offset,
                                   reason: "\(bytes.count - offset) bytes after the final segment")
                }
            }
        }
        return content
    }

    /// Checks magic, version, length and key id; returns the decoded header.
    private static func checkHeader(_ bytes: [UInt8], path: String, key: SealingKey) throws(SealingError) -> SealedHeader {
        let magic = SealedFormat.magic
        guard bytes.prefix(magic.count).elementsEqual(magic.prefix(bytes.count)) else {
            throw .notSealed(path: path)
        }
        guard bytes.count > magic.count else { throw .truncatedHeader(path: path, size: bytes.count) }
        let version = bytes[magic.count]
        guard version == SealedFormat.version else { throw .unsupportedVersion(path: path, version: version) }
        guard bytes.count >= SealedFormat.headerLength else { throw .truncatedHeader(path: path, size: bytes.count) }
        let header = SealedHeader(decoding: bytes)
        guard header.keyID == key.keyIDBytes else {
            throw .wrongKey(path: path, fileKeyID: Hex.encode(header.keyID), keyID: key.keyID)
        }
        return header
    }

    private static func readFile(_ path: String) throws(SealingError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(target: path, operation: "open", errno: errno) }
        defer { closeQuietly(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(target: path, operation: "stat", errno: errno) }
        switch readAll(fd, sizeHint: Int(info.st_size)) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw .io(target: path, operation: "read", errno: failure.errno)
        }
    }

    private static func isZero(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0 }
    }
}
