import Testing
import Sealing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct WriterTests {
    @Test("the header is written at init and an empty seal writes nothing")
    func headerAtInitAndEmptySeal() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/call.kseal"
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(fd) }
            let writer = try SealedFileWriter(fd: fd, key: countingKey, sampleRate: 48000, channels: 2, bitsPerSample: 16)
            #expect(try readBytes(path).count == 31)
            #expect(try writer.seal() == 0)
            #expect(try readBytes(path).count == 31)

            let chunk = audio(100, seed: 1)
            chunk.withUnsafeBytes { writer.append($0) }
            #expect(writer.bufferedByteCount == 100)
            #expect(try writer.seal() == 5 + 100 + 16)
            #expect(writer.bufferedByteCount == 0)
            #expect(try writer.finish() == 5 + 16)
            #expect(sealingError { _ = try writer.seal() } == .writerFinished(fd: fd))

            let content = try SealedFileReader.read(path: path, key: countingKey)
            #expect(content.sampleRate == 48000 && content.channels == 2 && content.plaintext == chunk)
        }
    }

    @Test("an audio format the header cannot hold is refused")
    func invalidFormat() throws {
        for (rate, channels, bits) in [(0, 1, 16), (8000, 0, 16), (8000, 256, 16), (8000, 1, 0), (1 << 33, 1, 16)] {
            let error = sealingError {
                _ = try SealedFileWriter(fd: -1, key: countingKey, sampleRate: rate, channels: channels, bitsPerSample: bits)
            }
            guard case .invalidAudioFormat = error else {
                Issue.record("\(rate) Hz, \(channels) ch, \(bits) bits: \(String(describing: error))")
                continue
            }
        }
    }

    @Test("a failed segment write (ENOSPC) is thrown with errno text and leaves earlier segments readable")
    func writeFailureKeepsEarlierSegments() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/call.kseal"
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(fd) }
            let writer = try SealedFileWriter(fd: fd, key: countingKey, sampleRate: 8000, channels: 1, bitsPerSample: 16)
            let chunks = [audio(1600, seed: 1), audio(1600, seed: 2)]
            for chunk in chunks {
                chunk.withUnsafeBytes { writer.append($0) }
                try writer.seal()
            }

            // From here on the descriptor is a full disk.
            let full = open("/dev/full", O_WRONLY)
            try #require(full >= 0)
            #expect(dup2(full, fd) == fd)
            close(full)

            audio(1600, seed: 3).withUnsafeBytes { writer.append($0) }
            let error = sealingError { _ = try writer.seal() }
            #expect(error == .io(target: "sealed recording on fd \(fd)", operation: "write", errno: ENOSPC))
            #expect(error?.description == "sealed recording on fd \(fd): write failed: No space left on device (errno 28)")
            #expect(sealingError { _ = try writer.finish() } == error)
            audio(10, seed: 4).withUnsafeBytes { writer.append($0) }
            #expect(writer.bufferedByteCount == 0)

            let content = try SealedFileReader.read(path: path, key: countingKey)
            #expect(content.plaintext == Array(chunks.joined()) && content.segments == 2 && !content.complete)
        }
    }

    @Test("a header write failure is thrown from init")
    func headerWriteFailure() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        let error = sealingError {
            _ = try SealedFileWriter(fd: full, key: countingKey, sampleRate: 8000, channels: 1, bitsPerSample: 8)
        }
        #expect(error?.description.hasPrefix("sealed recording on fd \(full): write failed: No space left on device") == true)
    }
}
