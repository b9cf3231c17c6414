/// Why a channel operation failed. Every backend reports these, so callers
/// handle DAHDI and the simulated board alike.
public enum ChannelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No channel with this number exists on the board.
    case noSuchChannel(ChannelNumber)
    /// The channel exists but is not open.
    case notOpen(ChannelNumber)
    /// The channel is already open.
    case alreadyOpen(ChannelNumber)
    /// The operation does not apply to this signalling (e.g. ringing an FXO line).
    case wrongSignalling(ChannelNumber, operation: String, signalling: Signalling)
    /// The block handed to read/write is not the channel's block size.
    case wrongBlockSize(ChannelNumber, expected: Int, got: Int)
    /// The span is in alarm; audio and signalling are unavailable.
    case inAlarm(ChannelNumber, AlarmSet)
    /// A digit that cannot be dialled.
    case invalidDigits(ChannelNumber, String)
    /// No audio is ready yet (non-blocking read before the block arrived).
    case wouldBlock(ChannelNumber)
    /// The operating system refused: errno and its text.
    case system(ChannelNumber?, operation: String, errno: Int32, message: String)

    public var description: String {
        switch self {
        case .noSuchChannel(let c): return "\(c): no such channel"
        case .notOpen(let c): return "\(c): not open"
        case .alreadyOpen(let c): return "\(c): already open"
        case .wrongSignalling(let c, let op, let sig): return "\(c): \(op) does not apply to a \(sig.rawValue) channel"
        case .wrongBlockSize(let c, let e, let g): return "\(c): block of \(g) samples, channel uses \(e)"
        case .inAlarm(let c, let a): return "\(c): span in alarm (\(a.names.isEmpty ? "\(a.rawValue)" : a.names.joined(separator: ", ")))"
        case .invalidDigits(let c, let d): return "\(c): cannot dial '\(d)'"
        case .wouldBlock(let c): return "\(c): no audio ready"
        case .system(let c, let op, let e, let m): return "\(c.map { "\($0): " } ?? "")\(op) failed: \(m) (errno \(e))"
        }
    }
}
