#if canImport(Glibc)
import Glibc

/// Settings to restore if the process is killed while a line is being read,
/// kept where a signal handler can reach them without allocating or locking.
nonisolated(unsafe) private var restoreDescriptor: Int32 = -1
nonisolated(unsafe) private var restoreAttributes = termios()

/// The handler: puts the terminal back, then dies of the signal as if no
/// handler had been installed (so the exit status is still "killed by").
private func restoreAndReraise(_ signal: Int32) {
    if restoreDescriptor >= 0 { _ = tcsetattr(restoreDescriptor, TCSANOW, &restoreAttributes) }
    _ = Glibc.signal(signal, SIG_DFL)
    _ = raise(signal)
}

/// Restores the terminal when SIGTERM, SIGHUP, SIGQUIT or SIGINT ends the
/// process during `readLine`, so an installer's serial console is not left
/// without echo. Opt-in, because it installs process-wide signal handlers.
public enum TerminationRestore {
    /// Installs the handlers for the signals still at their default action
    /// (an ignored signal, e.g. under nohup, or one the program handles
    /// itself, is left alone). Call once, early, from the main thread.
    public static func install() {
        for signal in [SIGTERM, SIGHUP, SIGQUIT, SIGINT] {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0 else { continue }
            guard current.__sigaction_handler.sa_handler == nil else { continue }   // nil is SIG_DFL
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreAndReraise
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            _ = sigaction(signal, &action, nil)
        }
    }

    static func remember(descriptor: Int32, attributes: termios) {
        restoreDescriptor = -1
        restoreAttributes = attributes
        restoreDescriptor = descriptor
    }

    static func forget() {
        restoreDescriptor = -1
    }
}
#endif
