import CallControl
import Foundation
import MediaLoop
import Synchronization
import Tools

/// A supervisor listening in to a live call on the box's sound device
/// (`kefu calls listen`): the recording writer hands each drained frame of
/// the call's tap slot (caller left, what the caller hears right) to `feed`, on the control
/// thread; a thread of its own plays them, so a slow device never holds
/// call control up. At most two seconds wait; older audio is dropped.
final class LiveListen: @unchecked Sendable {
    let call: CallControl.CallID
    let slot: RecordingSlot
    let until: Date
    private let audio: LocalAudio
    private let pending = Mutex<[Int16]>([])
    private let stopped = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    /// Samples played so far (stereo pairs count twice).
    let played = Atomic<Int>(0)
    static let maxPending = 2 * 8000 * 2

    init(call: CallControl.CallID, slot: RecordingSlot, device: String, seconds: Int) throws(LocalAudio.Failure) {
        self.call = call
        self.slot = slot
        until = Date().addingTimeInterval(Double(seconds))
        audio = try LocalAudio(device: device, channels: 2)
        Thread { [self] in self.run() }.start()
    }

    /// A frame from the tap (any slot; only this call's is kept).
    func feed(_ slot: RecordingSlot, _ left: UnsafeBufferPointer<Int16>, _ right: UnsafeBufferPointer<Int16>) {
        guard slot == self.slot, !stopped.load(ordering: .relaxed) else { return }
        pending.withLock { buffer in
            for i in 0..<left.count {
                buffer.append(left[i])
                buffer.append(right[i])
            }
            if buffer.count > Self.maxPending { buffer.removeFirst(buffer.count - Self.maxPending) }
        }
    }

    func stop() { stopped.store(true, ordering: .relaxed) }
    var isStopped: Bool { stopped.load(ordering: .relaxed) || Date() >= until }
    var isFinished: Bool { finished.load(ordering: .relaxed) }

    private func run() {
        defer { finished.store(true, ordering: .relaxed) }
        while !isStopped {
            let chunk = pending.withLock { buffer -> [Int16] in
                defer { buffer.removeAll(keepingCapacity: true) }
                return buffer
            }
            if chunk.isEmpty {
                usleep(20_000)
                continue
            }
            do { try audio.write(chunk) } catch { return stop() }
            played.add(chunk.count, ordering: .relaxed)
        }
    }
}
