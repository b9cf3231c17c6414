#if canImport(Glibc)
import Glibc
#endif
import CallControl
import MediaLoop
import SimChannels
import Storage
import Synchronization
import Telephony

/// Runs a simulated center in real time until SIGINT/SIGTERM or the duration.
public enum Daemon {
    nonisolated(unsafe) static var stopRequested: sig_atomic_t = 0

    /// Returns the process exit status.
    public static func run(_ center: SimulatedCenter, print: (String) -> Void) -> Int32 {
        for note in center.startNotes { print("kefud: \(note)") }
        let interactive = isatty(1) == 1 && center.options.liveView
        // Notes are printed as they come, unless the live view redraws the screen (then at the end).
        var notesPrinted = 0
        func printNotes() {
            for note in center.control.notes.dropFirst(notesPrinted) { print("kefud: \(note)") }
            notesPrinted = center.control.notes.count
        }
        if !interactive { printNotes() }
        // The simulated board follows a timer; a real card paces the loop itself.
        var pacer: RealTimePacer?
        if let sim = center.simBoard {
            do { pacer = try RealTimePacer(blockSize: sim.blockSize) } catch {
                print("kefud: cannot pace the simulated board: \(error)")
                return 1
            }
            sim.pacer = { pacer?.wait() }
        }
        signal(SIGINT) { _ in Daemon.stopRequested = 1 }
        signal(SIGTERM) { _ in Daemon.stopRequested = 1 }
        // A parent may hand its blocked signals down (some supervisors and
        // test runners block SIGINT): without this, a stop request would
        // wait for ever and only kill -9 would end kefud.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        center.startHousekeeping()
        let console = ConsoleDoor.open(center)
        for note in console.notes { print("kefud: \(note)") }
        let thread = MediaLoopThread(loop: center.media)
        thread.start()
        for warning in thread.warnings { print("kefud: \(warning)") }
        var service = ServiceReport(notifier: .fromEnvironment())
        var lastView: Int64 = -1
        while stopRequested == 0 {
            usleep(10_000)
            let now = center.now
            center.control.step(now: now)
            console.serve(overruns: pacer?.overruns ?? 0)
            if let note = service.step(center, overruns: pacer?.overruns ?? 0) { print("kefud: \(note)") }
            if !interactive { printNotes() }
            if center.options.duration > 0 && now.seconds >= center.options.duration { break }
            let second = now.milliseconds / 1000
            if center.options.liveView && second != lastView && (interactive || second % 10 == 0) {
                lastView = second
                let lines = LiveView.render(center.control, world: center.world?.counts, statistics: center.media.statistics,
                                            overruns: pacer?.overruns ?? 0, now: now, spans: center.spans, channels: center.board.channels)
                if interactive { print("\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\n")) } else { print(lines.joined(separator: "\n") + "\n") }
            }
        }
        service.stopping()
        console.close()
        thread.stop()
        center.control.step(now: center.now)
        center.control.finishRecordings(now: center.now)
        center.store.stop()
        center.housekeeper?.stop()
        let stored = center.store.status
        if stored.pending > 0 { print("kefud: \(stored.pending) record(s) could not be written to the database: \(stored.failing ?? "unknown reason")") }
        for problem in center.store.problems { print("kefud: database refused: \(problem)") }
        print("")
        print("kefud: stopped after \(Int(center.now.seconds)) s; media overruns \(pacer?.overruns ?? 0)")
        for line in LiveView.summary(center.control, world: center.world?.counts, now: center.now) { print(line) }
        printNotes()
        for problem in center.control.problems { print("kefud: \(problem)") }
        return 0
    }
}
