import DSP
import Foundation
import KefuTesting
import MediaLoop
import Records
import Storage
import Testing

/// Disk full, on a real (small) tmpfs mount: the recording in progress ends
/// cleanly where it was, recordings already stored are untouched, no new
/// recording starts below the floor, and database writes wait instead of
/// being lost. Mounting needs root (as `make test` runs); elsewhere the test
/// says so and fails rather than pretend.
@Suite struct DiskFullTests {
    static func push(_ tap: RecordingTap, slot: Int, frame: Int) {
        let left = [Int16](repeating: Int16(truncatingIfNeeded: frame), count: 160)
        let right = [Int16](repeating: Int16(slot + 1), count: 160)
        left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in tap.push(slot: RecordingSlot(slot), left: l.baseAddress!, right: r.baseAddress!) } }
    }

    @Test("on a full disk the recording is cut cleanly and stays playable, older recordings are untouched, the floor refuses new ones, database writes wait until space returns, and the alarm ends when a recording starts again")
    func diskFull() throws {
        let scratch = Scratch("diskfull")
        defer { scratch.remove() }
        // Room, once the long recording is deleted, for the 200 KB row (written
        // twice: the WAL and the checkpoint) and then a new recording.
        let disk = try TmpfsMount(scratch.path + "/disk", kilobytes: 768)
        defer { disk.unmount() }

        let dbPath = disk.path + "/kefu.db"
        let store = try StoreWriter(path: dbPath, retryMilliseconds: 20)
        store.enqueue(.callStarted(callID: 1, line: 1, arrived: 1))
        #expect(store.flush())

        let tap = RecordingTap(blockSize: 160, capacity: 256)
        let writer = RecordingWriter(tap: tap)
        // A finished one-second recording.
        let first = disk.path + "/rec/1.wav"
        try writer.start(slot: RecordingSlot(0), callID: 1, path: first)
        for frame in 0..<50 { Self.push(tap, slot: 0, frame: frame) }
        let firstOutcome = try #require(writer.stop(slot: RecordingSlot(0)))
        #expect(firstOutcome.cut == nil && firstOutcome.bytes == 50 * 640)
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))

        // A long call fills the disk.
        let second = disk.path + "/rec/2.wav"
        try writer.start(slot: RecordingSlot(1), callID: 2, path: second)
        var frame = 0
        while writer.alarms.isEmpty && frame < 5_000 {
            for _ in 0..<20 { Self.push(tap, slot: 1, frame: frame); frame += 1 }
            writer.drain()
        }
        #expect(writer.alarms.count == 1)
        #expect(writer.alarms.first?.contains("recording 2 cut short: disk full") == true)
        let cut = try #require(writer.stop(slot: RecordingSlot(1)))
        #expect(cut.cut?.hasPrefix("disk full") == true)
        #expect(cut.bytes > 0 && cut.bytes % 640 == 0)
        let audio = try WAVCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: second))))
        #expect(audio.channels[0].count * 4 == Int(cut.bytes))
        let frames = audio.channels[0].count / 160
        #expect((0..<frames).allSatisfy { audio.channels[0][$0 * 160] == Int16(truncatingIfNeeded: $0) && audio.channels[1][$0 * 160] == 2 })

        // What was stored before is intact.
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == firstBytes)

        // Below the floor no recording starts.
        writer.minFreeBytes = 1_048_576
        #expect(throws: RecordingWriter.Failure.self) { try writer.start(slot: RecordingSlot(2), callID: 3, path: disk.path + "/rec/3.wav") }
        #expect(writer.alarms.last?.contains("below the floor of 1 MB") == true)
        #expect(writer.alarm == writer.alarms.last, "the alarm stays in force while nothing records")

        // The database cannot grow: items wait, marked failing.
        var big = CallDetail(callID: 4, line: 1, arrived: 4)
        big.data = Dictionary(uniqueKeysWithValues: (0..<200).map { ("k\($0)", String(repeating: "x", count: 1_000)) })
        store.enqueue(.callFinished(big, telemetry: CallTelemetry()))
        #expect(!store.flush(timeoutMilliseconds: 500))
        #expect(store.status.pending == 1)
        #expect(store.status.failing != nil)

        // Space returns (the supervisor deletes the long recording): the row lands.
        try FileManager.default.removeItem(atPath: second)
        #expect(store.flush(timeoutMilliseconds: 10_000))
        store.stop()
        // A recording starts again: the alarm is over, and that is said.
        writer.minFreeBytes = 0
        try writer.start(slot: RecordingSlot(3), callID: 5, path: disk.path + "/rec/5.wav")
        #expect(writer.alarm == nil)
        #expect(writer.alarms.last?.hasPrefix("recording again") == true, "\(writer.alarms)")
        #expect(try CallStore(path: dbPath).call(4)?.data.count == 200)
    }
}

/// Recordings' files and folders belong to the configured group with modes
/// 640 and 750: its members can read them, others cannot.
@Suite struct RecordingPermissionTests {
    @Test("a recording and the folders made for it get the configured group, mode 640 and 750")
    func groupAndModes() throws {
        let scratch = Scratch("perm")
        defer { scratch.remove() }
        let daemonGroup = try #require(getgrnam("daemon")).pointee.gr_gid
        let writer = RecordingWriter(tap: RecordingTap(blockSize: 160, capacity: 8))
        writer.groupID = daemonGroup
        let path = scratch.path + "/rec/2026/03/04/1.wav"
        try writer.start(slot: RecordingSlot(0), callID: 1, path: path)
        writer.stop(slot: RecordingSlot(0))
        var st = stat()
        #expect(stat(path, &st) == 0 && st.st_gid == daemonGroup && st.st_mode & 0o777 == 0o640)
        #expect(stat(scratch.path + "/rec/2026/03", &st) == 0 && st.st_gid == daemonGroup && st.st_mode & 0o777 == 0o750)
    }
}
