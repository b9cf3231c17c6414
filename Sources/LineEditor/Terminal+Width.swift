#if canImport(Glibc)
import Glibc

/// Settling the width without the kernel's window size, which serial lines
/// do not have: given, from `COLUMNS`, or asked of the terminal.
extension Terminal {
    /// The width known without asking the terminal: `given`, else a
    /// positive `COLUMNS`; nil when the terminal has to be asked.
    static func presetWidth(given: Int?, columnsVariable: String?) -> Int? {
        if let given, given > 0 { return given }
        if let text = columnsVariable, let columns = Int(text), columns > 0 { return columns }
        return nil
    }

    /// The width in the order `width` documents: `given`, `COLUMNS`, the
    /// column the terminal `answered`, 80.
    static func width(given: Int?, columnsVariable: String?, answered: Int?) -> Int {
        if let preset = presetWidth(given: given, columnsVariable: columnsVariable) { return preset }
        if let answered, answered > 0 { return answered }
        return 80
    }

    /// Asks the terminal for its width (see `WidthQuery`) and keeps the
    /// answer, 80 if none came in time. Keys typed meanwhile go to the
    /// decoder, in order. Called in raw mode, so the answer is neither
    /// echoed nor held back until a line ends.
    func queryWidth() {
        widthNeedsQuery = false
        send(WidthQuery.request)
        let (reply, typed) = awaitWidthReply()
        send(WidthQuery.restoreCursor)
        width = Self.width(given: nil, columnsVariable: nil, answered: reply?.column)
        pendingKeys += decoder.feed(typed)
    }

    /// Reads `input` until it holds a cursor position report or
    /// `widthQueryTimeoutMilliseconds` have passed. Returns the report (nil
    /// when none came) and every other byte read. Stops early at hang-up or
    /// on a read error; the reading loop then finds the same condition.
    func awaitWidthReply() -> (WidthQuery.Reply?, [UInt8]) {
        var received: [UInt8] = []
        let deadline = monotonicMilliseconds() + Int(widthQueryTimeoutMilliseconds)
        while true {
            if let reply = WidthQuery.reply(in: received) { return (reply, reply.otherBytes) }
            let remaining = deadline - monotonicMilliseconds()
            guard remaining > 0 else { break }
            var request = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(remaining))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 { break }
            var chunk = [UInt8](repeating: 0, count: 512)
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                break
            }
            if count == 0 { break }
            received += chunk[..<count]
        }
        return (nil, received)
    }

    /// CLOCK_MONOTONIC in milliseconds, for the query's deadline.
    private func monotonicMilliseconds() -> Int {
        var now = timespec()
        _ = clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000 + now.tv_nsec / 1_000_000
    }
}
#endif
