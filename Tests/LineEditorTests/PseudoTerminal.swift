#if canImport(Glibc)
import CLinuxRT
import Glibc

/// A pseudo-terminal pair for driving `Terminal` like a real console: the
/// test types into `controller` and reads back what the program wrote;
/// `device` is the tty the program under test sees. It has no window size
/// set: give `Terminal` a width, or answer its width query (`answer`).
final class PseudoTerminal: Sendable {
    let controller: Int32
    let device: Int32

    init() {
        var controller: Int32 = -1
        var name = [CChar](repeating: 0, count: 64)
        let status = clinuxrt_open_pty(&controller, &name, name.count)
        precondition(status == 0, "cannot open a pty: \(String(cString: strerror(status)))")
        self.controller = controller
        device = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
        precondition(device >= 0, "cannot open pty device")
    }

    deinit {
        close(device)
        close(controller)
    }

    /// Puts the device in raw mode before any input arrives, so the line
    /// discipline does not echo or rewrite the scripted keystrokes while they
    /// wait to be read. `keepSignalFlags` leaves ISIG and IEXTEN on, so a
    /// test can see `Terminal` put them back.
    func prepareRaw(keepSignalFlags: Bool = false) -> termios {
        var settings = termios()
        _ = tcgetattr(device, &settings)
        cfmakeraw(&settings)
        if keepSignalFlags { settings.c_lflag |= tcflag_t(ISIG | IEXTEN) }
        _ = tcsetattr(device, TCSANOW, &settings)
        return settings
    }

    func settings() -> termios {
        var settings = termios()
        _ = tcgetattr(device, &settings)
        return settings
    }

    /// Types `bytes` at the keyboard.
    func type(_ bytes: [UInt8]) {
        let written = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
        precondition(written == bytes.count, "short write to pty")
    }

    /// What the program wrote, read until it ends with `suffix` (the pty
    /// passes data on asynchronously, so it may trail a little behind the
    /// write); gives up after `timeout` milliseconds without new output.
    func received(endingWith suffix: [UInt8], timeout: Int32 = 5_000) -> [UInt8] {
        var collected: [UInt8] = []
        while !collected.ends(with: suffix) {
            var request = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, timeout) > 0 else { break }
            var chunk = [UInt8](repeating: 0, count: 1024)
            let count = read(controller, &chunk, chunk.count)
            guard count > 0 else { break }
            collected += chunk[..<count]
        }
        return collected
    }
}

/// Playing the terminal's side of a conversation while the test's own
/// thread is blocked in `readLine`.
extension PseudoTerminal {
    /// On a thread of its own: waits until the program has written
    /// everything up to `request`, then writes each of `replies` in turn.
    /// `join()` returns what was read, ending with `request`.
    func answer(_ request: [UInt8], with replies: [[UInt8]]) -> TerminalSide {
        TerminalSide {
            let heard = self.received(endingWith: request)
            if heard.ends(with: request) { replies.forEach(self.type) }
            return heard
        }
    }
}

/// Runs `body` on a thread of its own (a pthread, so it cannot be held up
/// behind tests occupying the shared task pool) and keeps its result.
final class TerminalSide: @unchecked Sendable {
    private let body: @Sendable () -> [UInt8]
    private var handle = pthread_t()
    /// Written by the thread, read only after `pthread_join`.
    private var result: [UInt8] = []

    init(_ body: @escaping @Sendable () -> [UInt8]) {
        self.body = body
        let retained = Unmanaged.passRetained(self)
        let status = pthread_create(&handle, nil, { raw in
            let side = Unmanaged<TerminalSide>.fromOpaque(raw!).takeRetainedValue()
            side.result = side.body()
            return nil
        }, retained.toOpaque())
        precondition(status == 0, "cannot start a thread")
    }

    /// Waits for the thread to finish; what `body` returned.
    func join() -> [UInt8] {
        _ = pthread_join(handle, nil)
        return result
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
#endif
