import CLinuxRT
import Foundation
import Testing

/// Runs `body` on a thread of its own, so scheduling changes made by the
/// body never leak into the test runner's shared threads.
private func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.start()
    }
}

@Suite struct LinuxRTShimTests {
    @Test func oneMillisecondTimerFiresAfterAtLeastOneMillisecond() throws {
        let start = clinuxrt_monotonic_ns()
        var fd: Int32 = -1
        #expect(clinuxrt_timer_create(1_000_000, &fd) == 0)
        try #require(fd >= 0)
        defer { #expect(clinuxrt_timer_close(fd) == 0) }

        var expirations: UInt64 = 0
        #expect(clinuxrt_timer_wait(fd, &expirations) == 0)
        let elapsed = clinuxrt_monotonic_ns() - start
        #expect(expirations >= 1)
        #expect(elapsed >= 1_000_000, "woke after \(elapsed) ns")
    }

    @Test func timerCountsMissedPeriodsAsExpirations() throws {
        var fd: Int32 = -1
        #expect(clinuxrt_timer_create(1_000_000, &fd) == 0)
        defer { #expect(clinuxrt_timer_close(fd) == 0) }
        // Let several periods pass without reading, as an overrun media loop would.
        usleep(5_000)
        var expirations: UInt64 = 0
        #expect(clinuxrt_timer_wait(fd, &expirations) == 0)
        #expect(expirations >= 4)
    }

    @Test func negativeTimerPeriodIsRefusedWithEINVAL() {
        var fd: Int32 = -1
        #expect(clinuxrt_timer_create(-1, &fd) == EINVAL)
        #expect(fd == -1)
    }

    @Test func waitingOnAClosedTimerReturnsEBADF() {
        var fd: Int32 = -1
        #expect(clinuxrt_timer_create(1_000_000, &fd) == 0)
        #expect(clinuxrt_timer_close(fd) == 0)
        var expirations: UInt64 = 0
        #expect(clinuxrt_timer_wait(fd, &expirations) == EBADF)
    }

    @Test func monotonicClockNeverGoesBackwards() {
        var previous = clinuxrt_monotonic_ns()
        #expect(previous > 0)
        for _ in 0..<1000 {
            let now = clinuxrt_monotonic_ns()
            #expect(now >= previous)
            previous = now
        }
    }

    @Test func normalThreadRunsUnderSchedOther() async {
        let policy = await onDedicatedThread { clinuxrt_current_policy() }
        #expect(policy == 0)  // SCHED_OTHER
    }

    @Test func fifoPriorityOutsideOneToNinetyNineIsRefusedWithEINVAL() async {
        let result = await onDedicatedThread { (clinuxrt_set_fifo(200), clinuxrt_current_policy()) }
        #expect(result.0 == EINVAL)
        #expect(result.0 == 22)
        #expect(result.1 == 0)  // still SCHED_OTHER
    }

    @Test func pinningToCPUZeroSucceedsAndLeavesOnlyCPUZeroAllowed() async {
        let result = await onDedicatedThread { () -> (Int32, String?) in
            let rc = clinuxrt_pin_to_cpu(0)
            // The kernel's view of the calling thread's affinity.
            let status = try? String(contentsOfFile: "/proc/thread-self/status", encoding: .utf8)
            let allowed = status?.split(separator: "\n")
                .first { $0.hasPrefix("Cpus_allowed_list:") }?
                .dropFirst("Cpus_allowed_list:".count)
                .trimmingCharacters(in: .whitespaces)
            return (rc, allowed)
        }
        #expect(result.0 == 0)
        #expect(result.1 == "0")
    }

    @Test func pinningToACPUBeyondTheSetIsRefusedWithEINVAL() async {
        let rc = await onDedicatedThread { clinuxrt_pin_to_cpu(4096) }
        #expect(rc == EINVAL)
    }
}
