#if canImport(Glibc)
import Glibc
import Testing
import LineEditor

/// A fresh private directory for one test's files.
private func temporaryDirectory() -> String {
    var template = Array("/tmp/kefu-history-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
        guard let made = mkdtemp(buffer.baseAddress!) else { preconditionFailure("mkdtemp failed") }
        return String(cString: made)
    }
}

private func fileBytes(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: 4096)
    let count = read(descriptor, &bytes, bytes.count)
    return Array(bytes[..<max(count, 0)])
}

private func writeFile(_ path: String, _ text: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    _ = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
}

@Suite struct HistoryFileTests {
    @Test("Saved entries load back identically, one per line, file mode 0600")
    func roundTrip() throws {
        let directory = temporaryDirectory()
        let path = directory + "/history"
        var history = History()
        for line in ["show calls", "坐席 1001 上线", "queue sales"] { history.add(line) }
        try history.save(to: path)

        #expect(fileBytes(path) == Array("show calls\n坐席 1001 上线\nqueue sales\n".utf8))
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(access(path + ".tmp.\(getpid())", F_OK) != 0)

        var loaded = History()
        try loaded.load(from: path)
        #expect(loaded.entries == history.entries)
    }

    @Test("Loading a missing file gives an empty history, not an error")
    func missingFile() throws {
        var history = History()
        history.add("old")
        try history.load(from: temporaryDirectory() + "/none")
        #expect(history.entries.isEmpty)
    }

    @Test("Loading applies the maximum, the recording rules and tolerates CR LF")
    func loadRules() throws {
        let path = temporaryDirectory() + "/history"
        writeFile(path, "a\r\nb\n\nb\n skip\nc\nd")
        var history = History(maxCount: 3)
        try history.load(from: path)
        #expect(history.entries == ["b", "c", "d"])
    }

    @Test("Saving into a missing directory reports the failed open instead of crashing")
    func saveFailure() {
        let path = temporaryDirectory() + "/no/such/dir/history"
        var history = History()
        history.add("x")
        #expect(throws: HistoryFileError(operation: .open, path: path + ".tmp.\(getpid())", code: ENOENT)) {
            try history.save(to: path)
        }
    }

    @Test("Loading a directory reports the read error")
    func loadFailure() {
        let directory = temporaryDirectory()
        var history = History()
        #expect(throws: HistoryFileError(operation: .read, path: directory, code: EISDIR)) {
            try history.load(from: directory)
        }
    }
}
#endif
