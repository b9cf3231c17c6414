import Testing
import Sealing

@Suite struct TamperTests {
    /// A finished recording of three equal-length segments plus a final one.
    func recording(in dir: String, name: String = "call.kseal") throws -> (path: String, bytes: [UInt8]) {
        let path = "\(dir)/\(name)"
        try writeRecording(at: path, chunks: [audio(800, seed: 1), audio(800, seed: 2), audio(800, seed: 3)],
                           finalChunk: audio(100, seed: 4))
        return (path, try readBytes(path))
    }

    @Test("a wrong key is reported by key id before any decryption")
    func wrongKey() throws {
        try withTempDirectory { dir in
            let (path, _) = try recording(in: dir)
            let error = sealingError { _ = try SealedFileReader.read(path: path, key: otherKey) }
            #expect(error?.description == "\(path): sealed with key \(countingKey.keyID), this key is \(otherKey.keyID)")
        }
    }

    @Test("a flipped ciphertext byte fails authentication naming the segment and its offset")
    func flippedByte() throws {
        try withTempDirectory { dir in
            var (path, bytes) = try recording(in: dir)
            let layout = Layout(bytes)
            bytes[layout.boundaries[2] + 5 + 17] ^= 0x01
            try writeBytes(bytes, to: path)
            let error = sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
            #expect(error == .damaged(path: path, segment: 2, offset: layout.boundaries[2], reason: "authentication failed"))
            #expect(error?.description == "\(path): segment 2 at byte offset \(layout.boundaries[2]) damaged: authentication failed")
        }
    }

    @Test("a flipped tag byte or header byte fails authentication")
    func flippedTagOrHeader() throws {
        try withTempDirectory { dir in
            let (path, original) = try recording(in: dir)
            let layout = Layout(original)
            var tag = original
            tag[layout.boundaries[1] - 1] ^= 0x80
            try writeBytes(tag, to: path)
            #expect(sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
                    == .damaged(path: path, segment: 0, offset: layout.boundaries[0], reason: "authentication failed"))
            var header = original
            header[25] ^= 0x01  // sample rate
            try writeBytes(header, to: path)
            #expect(sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
                    == .damaged(path: path, segment: 0, offset: layout.boundaries[0], reason: "authentication failed"))
        }
    }

    @Test("swapping two segments fails authentication at the first moved segment")
    func swappedSegments() throws {
        try withTempDirectory { dir in
            let (path, bytes) = try recording(in: dir)
            let layout = Layout(bytes)
            let swapped = Array(bytes[..<layout.boundaries[1]]) + bytes[layout.range(2)] + bytes[layout.range(1)]
                + bytes[layout.boundaries[3]...]
            #expect(swapped.count == bytes.count)
            try writeBytes(swapped, to: path)
            let error = sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
            #expect(error == .damaged(path: path, segment: 1, offset: layout.boundaries[1], reason: "authentication failed"))
        }
    }

    @Test("a segment moved into another file at the same position fails authentication")
    func segmentFromAnotherFile() throws {
        try withTempDirectory { dir in
            let (path, bytes) = try recording(in: dir)
            let (_, other) = try recording(in: dir, name: "other.kseal")
            let layout = Layout(bytes)
            let spliced = Array(bytes[..<layout.boundaries[1]]) + other[layout.range(1)] + bytes[layout.boundaries[2]...]
            try writeBytes(spliced, to: path)
            let error = sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
            #expect(error == .damaged(path: path, segment: 1, offset: layout.boundaries[1], reason: "authentication failed"))
        }
    }

    @Test("setting the final flag on a cut recording, or clearing it on the last segment, fails")
    func forgedFinalFlag() throws {
        try withTempDirectory { dir in
            let (path, bytes) = try recording(in: dir)
            let layout = Layout(bytes)
            #expect(layout.flags == [0, 0, 0, 1])

            // Claim a recording cut after segment 1 was finished there.
            var cut = Array(bytes[..<layout.boundaries[2]])
            cut[layout.boundaries[1] + 4] = 1
            try writeBytes(cut, to: path)
            #expect(sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
                    == .damaged(path: path, segment: 1, offset: layout.boundaries[1], reason: "authentication failed"))

            // Hide that the recording was finished.
            var unfinished = bytes
            unfinished[layout.boundaries[3] + 4] = 0
            try writeBytes(unfinished, to: path)
            #expect(sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
                    == .damaged(path: path, segment: 3, offset: layout.boundaries[3], reason: "authentication failed"))
        }
    }

    @Test("bytes after the final segment are damage")
    func trailingBytes() throws {
        try withTempDirectory { dir in
            let (path, bytes) = try recording(in: dir)
            try writeBytes(bytes + [1, 2, 3], to: path)
            let error = sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
            #expect(error == .damaged(path: path, segment: 4, offset: bytes.count, reason: "3 bytes after the final segment"))
        }
    }

    @Test("a missing recording is reported with its path and errno")
    func missingRecording() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/absent.kseal"
            let error = sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
            #expect(error == .io(target: path, operation: "open", errno: 2))
            #expect(error?.description == "\(path): open failed: No such file or directory (errno 2)")
        }
    }

    @Test("a file without the magic is reported as not sealed")
    func badMagic() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/call.wav"
            try writeBytes(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8) + Array(repeating: 0, count: 40), to: path)
            let error = sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
            #expect(error?.description == "\(path): not a sealed recording (bad magic)")
        }
    }

    @Test("an unknown version is reported with its number")
    func unknownVersion() throws {
        try withTempDirectory { dir in
            var (path, bytes) = try recording(in: dir)
            bytes[8] = 2
            try writeBytes(bytes, to: path)
            #expect(sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
                    == .unsupportedVersion(path: path, version: 2))
        }
    }

    @Test("an absurd segment length is damage, not a crash cut")
    func absurdLength() throws {
        try withTempDirectory { dir in
            var (path, bytes) = try recording(in: dir)
            let layout = Layout(bytes)
            let offset = layout.boundaries[1]
            bytes.replaceSubrange(offset..<offset + 4, with: [0xff, 0xff, 0xff, 0x7f])
            try writeBytes(bytes, to: path)
            let error = sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
            #expect(error == .damaged(path: path, segment: 1, offset: offset,
                                      reason: "segment length 2147483647 exceeds the 1048576-byte maximum"))
        }
    }

    @Test("unknown flag bits are damage")
    func unknownFlags() throws {
        try withTempDirectory { dir in
            var (path, bytes) = try recording(in: dir)
            let layout = Layout(bytes)
            bytes[layout.boundaries[0] + 4] = 0x82
            try writeBytes(bytes, to: path)
            #expect(sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
                    == .damaged(path: path, segment: 0, offset: layout.boundaries[0], reason: "unknown flags 0x82"))
        }
    }
}
