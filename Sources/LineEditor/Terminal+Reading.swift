#if canImport(Glibc)
import Glibc

/// The two ways of reading a line.
extension Terminal {
    /// Edited input: raw mode, keys through the decoder into the editor,
    /// its output to the terminal; the first time, the terminal is asked
    /// for its width when it is not known yet. Nil when raw mode cannot be
    /// entered.
    func readEdited(prompt: String) -> ReadResult? {
        guard enterRawMode() else { return nil }
        defer { restore() }
        if widthNeedsQuery { queryWidth() }
        send(editor.begin(prompt: prompt, width: width))
        while true {
            if !pendingKeys.isEmpty {
                let (step, consumed) = editor.feed(pendingKeys)
                pendingKeys.removeFirst(consumed)
                send(step.output)
                switch step.outcome {
                case .entered(let line): return .line(line)
                case .interrupted: return .interrupted
                case .endOfInput: return .endOfInput
                case .continue, .clearScreen: break
                }
            }
            guard let bytes = waitForBytes() else {
                send([0x0D, 0x0A])
                return .endOfInput
            }
            pendingKeys += bytes.isEmpty ? decoder.flush() : decoder.feed(bytes)
        }
    }

    /// The next bytes from `input`: empty when a partial sequence timed out
    /// (time to flush the decoder), nil at hang-up or on a read error.
    func waitForBytes() -> [UInt8]? {
        while true {
            var request = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let timeout = decoder.hasPartialInput ? Self.escapeTimeoutMilliseconds : -1
            let ready = poll(&request, 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if ready == 0 { return [] }
            var chunk = [UInt8](repeating: 0, count: 512)
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return nil
            }
            if count == 0 { return nil }
            return Array(chunk[..<count])
        }
    }

    /// Plain input: bytes up to LF (a CR before it is dropped); the last
    /// line may lack its LF. No echo, no editing, no history.
    func readPlain() -> ReadResult {
        while true {
            if let newline = pendingBytes.firstIndex(of: 0x0A) {
                var line = pendingBytes[..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                let text = String(decoding: line, as: UTF8.self)
                pendingBytes.removeFirst(newline + 1)
                return .line(text)
            }
            if reachedEnd {
                guard !pendingBytes.isEmpty else { return .endOfInput }
                var line = pendingBytes[...]
                if line.last == 0x0D { line = line.dropLast() }
                pendingBytes.removeAll()
                return .line(String(decoding: line, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                reachedEnd = true
            } else {
                pendingBytes += chunk[..<count]
            }
        }
    }
}
#endif
