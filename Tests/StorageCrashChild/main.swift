// storage-crash-child DATA-DIR COUNT
//
// Records COUNT calls at once in real time, the way kefud does (the media
// loop's recording tap, the recording writer, the database writer), and
// runs until killed. StorageTests kills it with SIGKILL and checks that
// every recording is playable up to about a second before the kill and that
// the database agrees.
//
// Each frame's left channel carries its frame number (every sample), the
// right channel the call number, so the test can tell that what survived is
// whole and in order. After each 10 frames it prints "frames N" (N frames
// of every call have been handed to the writer).
#if canImport(Glibc)
import Glibc
#endif
import MediaLoop
import Storage

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]), count > 0, count <= MediaLoop.recordingSlots else {
    let usage = "usage: storage-crash-child DATA-DIR COUNT (1...\(MediaLoop.recordingSlots))\n"
    _ = write(2, usage, usage.utf8.count)
    exit(2)
}
let directory = arguments[1]
func say(_ line: String) {
    let text = line + "\n"
    _ = write(1, text, text.utf8.count)
}

let store: StoreWriter
do { store = try StoreWriter(path: directory + "/kefu.db") } catch {
    say("error \(error)")
    exit(1)
}
let tap = RecordingTap(blockSize: 160, capacity: 4096)
let writer = RecordingWriter(tap: tap)
let start: Int64 = 1_780_000_000_000
for call in 1...count {
    let path = "\(directory)/recordings/\(call).wav"
    do { try writer.start(slot: RecordingSlot(call - 1), callID: Int64(call), path: path) } catch {
        say("error \(error)")
        exit(1)
    }
    store.enqueue([.callStarted(callID: Int64(call), line: call, arrived: start),
                   .recordingStarted(RecordingStart(callID: Int64(call), path: path, queue: "support", agent: "800\(call % 10)", started: start))])
}
guard store.flush() else {
    say("error database not written: \(store.status.failing ?? "?")")
    exit(1)
}
say("ready")

var left = [Int16](repeating: 0, count: 160)
var right = [Int16](repeating: 0, count: 160)
var frame = 0
var next = timespec()
clock_gettime(CLOCK_MONOTONIC, &next)
while true {
    for call in 1...count {
        for i in 0..<160 { left[i] = Int16(truncatingIfNeeded: frame); right[i] = Int16(call) }
        left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in tap.push(slot: RecordingSlot(call - 1), left: l.baseAddress!, right: r.baseAddress!) } }
    }
    writer.drain()
    frame += 1
    if frame % 10 == 0 { say("frames \(frame)") }
    if tap.dropped > 0 { say("error tap dropped \(tap.dropped) frames") }
    next.tv_nsec += 20_000_000
    if next.tv_nsec >= 1_000_000_000 { next.tv_nsec -= 1_000_000_000; next.tv_sec += 1 }
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nil)
}
