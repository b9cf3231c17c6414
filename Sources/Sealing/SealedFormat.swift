// Sealed recording file format, version 1.
//
// A recording is written live during a call. The writer seals about one second of audio
// at a time as an independent AES-256-GCM segment, so after kill -9 or power loss every
// segment that reached the disk in full still decrypts; only the torn last one is lost.
//
// All integers are unsigned. Header (31 bytes):
//
//   offset size  field
//        0    8  magic "KEFUSEAL"
//        8    1  version = 1
//        9    8  key id: first 8 bytes of SHA-256 of the key (names the key, reveals nothing)
//       17    8  file salt: random, fresh for every file
//       25    4  sample rate, little-endian
//       29    1  channels
//       30    1  bits per sample
//
// Then segments, back to back until end of file:
//
//   size  field
//      4  ciphertext length N, little-endian, at most 1 MiB (larger means damage)
//      1  flags: bit 0 = final segment; other bits must be zero
//      N  ciphertext (same length as the plaintext)
//     16  GCM tag
//
// Segment i (counting from 0) is sealed with
//   nonce              = salt (8 bytes) ‖ i as u32 big-endian          (12 bytes)
//   authenticated data = the whole 31-byte header ‖ i as u32 big-endian ‖ flags byte
// so a segment cannot be moved to another position or another file (the salt and the
// header differ), and its final flag cannot be set or cleared, without failing
// authentication. A fresh salt per file keeps nonces unique under one key.
//
// Reading stops at the segment with the final flag (bytes after it are damage). A file
// that ends inside a segment, or whose remainder is all zero bytes (space the filesystem
// allocated but the crash kept from being written), ends where the crash cut it.

/// Layout constants and the byte-level encoding of the sealed recording format.
enum SealedFormat {
    static let magic: [UInt8] = Array("KEFUSEAL".utf8)
    static let version: UInt8 = 1
    static let keyIDLength = 8
    static let saltLength = 8
    static let headerLength = 31
    static let segmentPrefixLength = 5
    static let tagLength = 16
    /// Longest ciphertext a segment may hold. A second of 48 kHz 16-bit stereo is 192 KiB.
    static let maxSegmentLength = 1 << 20
    static let finalFlag: UInt8 = 0x01

    /// The 12-byte GCM nonce of segment `index`.
    static func nonce(salt: ArraySlice<UInt8>, index: UInt32) -> [UInt8] {
        Array(salt) + bigEndian(index)
    }

    /// The authenticated data of segment `index` with `flags`.
    static func authenticatedData(header: [UInt8], index: UInt32, flags: UInt8) -> [UInt8] {
        header + bigEndian(index) + [flags]
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
         UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8),
         UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 24)]
    }

    static func readLittleEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}

/// The fixed header at the start of every sealed recording.
struct SealedHeader: Equatable {
    var keyID: [UInt8]
    var salt: [UInt8]
    var sampleRate: UInt32
    var channels: UInt8
    var bitsPerSample: UInt8

    /// The header's 31 bytes as stored, which are also the prefix of every segment's
    /// authenticated data.
    var encoded: [UInt8] {
        var out = SealedFormat.magic
        out.append(SealedFormat.version)
        out += keyID
        out += salt
        out += SealedFormat.littleEndian(sampleRate)
        out.append(channels)
        out.append(bitsPerSample)
        return out
    }

    /// Decodes a header whose magic, version and length the caller has already checked.
    init(decoding bytes: [UInt8]) {
        keyID = Array(bytes[9..<17])
        salt = Array(bytes[17..<25])
        sampleRate = SealedFormat.readLittleEndian(bytes, at: 25)
        channels = bytes[29]
        bitsPerSample = bytes[30]
    }

    init(keyID: [UInt8], salt: [UInt8], sampleRate: UInt32, channels: UInt8, bitsPerSample: UInt8) {
        self.keyID = keyID
        self.salt = salt
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitsPerSample = bitsPerSample
    }
}
