import Testing
import Sealing

@Suite struct RoundTripTests {
    @Test("multi-segment audio reads back byte for byte with its format, complete")
    func multiSegmentRoundTrip() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/call.kseal"
            let chunks = [audio(16000, seed: 1), audio(16000, seed: 2), audio(3, seed: 3), audio(9000, seed: 4)]
            let last = audio(1234, seed: 5)
            try writeRecording(at: path, chunks: chunks, finalChunk: last)

            let content = try SealedFileReader.read(path: path, key: countingKey)
            #expect(content.plaintext == chunks.joined() + last)
            #expect(content.complete)
            #expect(content.segments == 5)
            #expect(content.sampleRate == 8000 && content.channels == 1 && content.bitsPerSample == 16)
            #expect(content.keyID == countingKey.keyID)
        }
    }

    @Test("a recording finished with nothing buffered reads as complete and empty")
    func emptyRecording() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/empty.kseal"
            try writeRecording(at: path, chunks: [])
            let content = try SealedFileReader.read(path: path, key: countingKey)
            #expect(content.plaintext.isEmpty && content.complete && content.segments == 1)
        }
    }

    @Test("more than 1 MiB buffered between seals is split into segments and reads back")
    func oversizedSealIsSplit() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/big.kseal"
            let big = audio(1_500_000, seed: 9)
            try writeRecording(at: path, chunks: [big])
            #expect(Layout(try readBytes(path)).segmentCount == 3)
            let content = try SealedFileReader.read(path: path, key: countingKey)
            #expect(content.plaintext == big && content.complete)
        }
    }

    @Test("two files of the same audio under the same key share no ciphertext (fresh salt, fresh nonces)")
    func noncesDifferBetweenFiles() throws {
        try withTempDirectory { dir in
            let chunks = [audio(4000, seed: 7), audio(4000, seed: 8)]
            try writeRecording(at: "\(dir)/a.kseal", chunks: chunks)
            try writeRecording(at: "\(dir)/b.kseal", chunks: chunks)
            let a = try readBytes("\(dir)/a.kseal"), b = try readBytes("\(dir)/b.kseal")
            #expect(a.count == b.count)
            #expect(a[0..<17] == b[0..<17])  // magic, version, key id
            #expect(a[17..<25] != b[17..<25])  // salt
            let layout = Layout(a)
            for segment in 0..<layout.segmentCount {
                let body = (layout.boundaries[segment] + 5)..<layout.boundaries[segment + 1]
                #expect(a[body] != b[body], "segment \(segment)")
            }
            #expect(try SealedFileReader.read(path: "\(dir)/a.kseal", key: countingKey).plaintext
                    == SealedFileReader.read(path: "\(dir)/b.kseal", key: countingKey).plaintext)
        }
    }
}
