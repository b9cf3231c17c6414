import DSP
import Foundation
import Storage
import Testing

/// Kill -9 of a process writing 30 recordings: every file is playable up to
/// about a second before the kill, and the database agrees with the files.
@Suite struct CrashSafetyTests {
    @Test("after kill -9 of a process recording 30 calls, all 30 recordings play up to about a second before the kill and their rows agree")
    func killNineLeavesThirtyPlayableRecordings() throws {
        let scratch = Scratch("crash")
        defer { scratch.remove() }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: builtProductsDirectory() + "/storage-crash-child")
        child.arguments = [scratch.path, "30"]
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()

        // Read the child's progress until it has handed over 3 s (150 frames) of every call.
        var reported = 0
        var buffer = ""
        let handle = pipe.fileHandleForReading
        while reported < 150 {
            let data = handle.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
            while let newline = buffer.firstIndex(of: "\n") {
                let line = String(buffer[..<newline])
                buffer.removeSubrange(...newline)
                #expect(!line.hasPrefix("error"), "child: \(line)")
                if line.hasPrefix("frames "), let n = Int(line.dropFirst(7)) { reported = n }
            }
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(reported >= 150)

        // Start-up repair, as kefud does it.
        let store = try CallStore(path: scratch.path + "/kefu.db")
        let report = try StorageRecovery.recover(store, key: nil)
        #expect(report.repairedRecordings == Array(1...30))
        #expect(report.interruptedCalls == Array(1...30))
        #expect(report.failed.isEmpty)

        for call in 1...30 {
            let path = "\(scratch.path)/recordings/\(call).wav"
            let audio = try WAVCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(audio.channels.count == 2)
            let left = audio.channels[0], right = audio.channels[1]
            let frames = left.count / 160
            // At most one sync interval (1 s = 50 frames) plus the frames
            // handed over after the last progress line may be missing.
            #expect(frames >= reported - 50 - 10, "call \(call): \(frames) frames kept, \(reported) reported before the kill")
            // What is there is whole and in order: frame k carries k, the right channel the call.
            var wholeFrames = true
            for k in 0..<frames {
                let first: Int16 = left[k * 160], last: Int16 = left[k * 160 + 159], other: Int16 = right[k * 160]
                if first != Int16(k) || last != Int16(k) || other != Int16(call) { wholeFrames = false }
            }
            #expect(wholeFrames, "call \(call): frames out of order or torn")

            let row = try #require(try store.recording(Int64(call)))
            #expect(row.state == "repaired")
            #expect(row.path == path)
            #expect(row.bytes == Int64(left.count * 4))
            #expect(try store.callState(Int64(call)) == "interrupted")
        }
    }
}
