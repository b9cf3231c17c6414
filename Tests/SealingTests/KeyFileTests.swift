import Testing
import Sealing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct KeyFileTests {
    let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    @Test("key id is the first 8 bytes of SHA-256 of the key, as 16 hex characters")
    func keyIDIsTruncatedSHA256() {
        // sha256(bytes 0...31) starts 630dcd2966c43366.
        #expect(countingKey.keyID == "630dcd2966c43366")
    }

    @Test("hex (with or without newline, either case) and raw 32-byte key files load the same key")
    func hexAndRawFormsAccepted() throws {
        try withTempDirectory { dir in
            let forms: [(String, [UInt8])] = [
                ("hex-newline.key", Array((hex + "\n").utf8)),
                ("hex-bare.key", Array(hex.utf8)),
                ("hex-upper.key", Array(hex.uppercased().utf8)),
                ("raw.key", Array(0..<32)),
            ]
            for (name, contents) in forms {
                let path = "\(dir)/\(name)"
                try writeBytes(contents, to: path)
                #expect(try SealingKey(contentsOf: path).keyID == countingKey.keyID, "\(name)")
            }
        }
    }

    @Test("a key file readable by group or others is refused with the path, mode and fix")
    func groupReadableRefused() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/recording.key"
            try writeBytes(Array(hex.utf8), to: path, mode: 0o644)
            let error = sealingError { _ = try SealingKey(contentsOf: path) }
            #expect(error == .keyFileInsecure(path: path, mode: 0o644))
            #expect(error?.description == "\(path): readable by group or others (mode 0644); run chmod 600")

            #expect(chmod(path, 0o620) == 0)
            let writable = sealingError { _ = try SealingKey(contentsOf: path) }
            #expect(writable?.description == "\(path): accessible by group or others (mode 0620); run chmod 600")
        }
    }

    @Test("key files of the wrong length or with non-hex characters are refused naming the path")
    func malformedRefused() throws {
        try withTempDirectory { dir in
            let cases: [(String, [UInt8], String)] = [
                ("short.key", Array(repeating: 7, count: 10), "10 bytes"),
                ("raw-newline.key", Array(0..<32) + [10], "33 bytes"),
                ("long-hex.key", Array((hex + "00\n").utf8), "67 bytes"),
                ("empty.key", [], "0 bytes"),
                ("huge.key", Array(repeating: 0x30, count: 100_000), "100000 bytes"),
                ("not-hex.key", Array(String(repeating: "zz", count: 32).utf8), "not all hex digits"),
            ]
            for (name, contents, reason) in cases {
                let path = "\(dir)/\(name)"
                try writeBytes(contents, to: path)
                let error = sealingError { _ = try SealingKey(contentsOf: path) }
                #expect(error?.description.hasPrefix("\(path): not a key file: ") == true, "\(name)")
                #expect(error?.description.contains(reason) == true, "\(name): \(String(describing: error))")
            }
        }
    }

    @Test("a missing key file is reported with the path and the system's reason")
    func missingRefused() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/absent.key"
            let error = sealingError { _ = try SealingKey(contentsOf: path) }
            #expect(error?.description.hasPrefix("\(path): cannot read key file: No such file or directory") == true)
        }
    }

    @Test("a key file owned by another user is refused", .enabled(if: geteuid() == 0, "needs root to chown"))
    func foreignOwnerRefused() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/recording.key"
            try writeBytes(Array(hex.utf8), to: path)
            #expect(chown(path, 4242, 4242) == 0)
            let error = sealingError { _ = try SealingKey(contentsOf: path) }
            #expect(error == .keyFileNotOwned(path: path, owner: 4242, euid: 0))
        }
    }

    @Test("generate creates a mode 0600 hex key file that loads back, and never overwrites")
    func generateCreatesOnce() throws {
        try withTempDirectory { dir in
            let path = "\(dir)/recording.key"
            let key = try SealingKey.generate(path: path)
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o7777 == 0o600)
            let contents = try readBytes(path)
            #expect(contents.count == 65 && contents.last == 10)
            #expect(try SealingKey(contentsOf: path).keyID == key.keyID)

            let error = sealingError { _ = try SealingKey.generate(path: path) }
            #expect(error == .keyFileExists(path: path))
            #expect(try readBytes(path) == contents)
            #expect(try SealingKey.generate(path: "\(dir)/second.key").keyID != key.keyID)
        }
    }

    @Test("printing a key shows only its id")
    func descriptionHidesKey() {
        let shown = "\(countingKey) \(String(reflecting: countingKey))"
        #expect(shown.contains("630dcd2966c43366"))
        #expect(!shown.contains("0001020304"))
    }
}
