import Testing
import Sealing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct CrashTests {
    @Test("a file cut anywhere yields exactly the segments completed before the cut, incomplete")
    func truncatedAtManyOffsets() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/call.kseal"
            let chunks = [audio(1000, seed: 1), audio(1500, seed: 2), audio(700, seed: 3)]
            try writeRecording(at: path, chunks: chunks, finalChunk: audio(300, seed: 4))
            let original = try readBytes(path)
            let b = Layout(original).boundaries
            #expect(b.count == 5)

            // Cuts at boundaries, inside a length prefix, inside the flags byte's position,
            // inside ciphertext, inside a tag, and one byte short of the end.
            let cuts = [31, 33, 36, 100, b[1] - 16, b[1] - 1, b[1], b[1] + 2, b[1] + 5, b[2] - 8,
                        b[2], b[3] - 1, b[3], b[3] + 4, b[4] - 1]
            for cut in cuts {
                try writeBytes(original, to: path)
                let fd = open(path, O_WRONLY)
                #expect(ftruncate(fd, off_t(cut)) == 0)
                close(fd)

                let whole = b.dropFirst().filter { $0 <= cut }.count
                let content = try SealedFileReader.read(path: path, key: countingKey)
                #expect(content.segments == whole, "cut at \(cut)")
                #expect(content.plaintext == Array(chunks.prefix(whole).joined()), "cut at \(cut)")
                #expect(!content.complete, "cut at \(cut)")
            }
        }
    }

    @Test("a recording never finished (kill -9 after sealing) reads its sealed segments, incomplete")
    func neverFinished() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/call.kseal"
            let chunks = [audio(2000, seed: 1), audio(2000, seed: 2)]
            try writeRecording(at: path, chunks: chunks, finish: false)
            let content = try SealedFileReader.read(path: path, key: countingKey)
            #expect(content.plaintext == Array(chunks.joined()) && content.segments == 2 && !content.complete)
        }
    }

    @Test("zero bytes left at the end by a power loss read as the crash cut")
    func zeroFilledTail() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/call.kseal"
            let chunks = [audio(2000, seed: 1), audio(2000, seed: 2)]
            try writeRecording(at: path, chunks: chunks, finish: false)
            let sealed = try readBytes(path)
            for zeros in [3, 21, 4096] {
                try writeBytes(sealed + Array(repeating: 0, count: zeros), to: path)
                let content = try SealedFileReader.read(path: path, key: countingKey)
                #expect(content.plaintext == Array(chunks.joined()) && !content.complete, "\(zeros) zeros")
            }
        }
    }

    @Test("a file cut inside its header is reported as too short; an empty one too")
    func truncatedHeader() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/call.kseal"
            try writeRecording(at: path, chunks: [audio(10, seed: 1)])
            let original = try readBytes(path)
            for size in [0, 5, 20, 30] {
                try writeBytes(Array(original.prefix(size)), to: path)
                #expect(sealingError { _ = try SealedFileReader.read(path: path, key: countingKey) }
                        == .truncatedHeader(path: path, size: size))
            }
        }
    }
}
