import Channels

/// What call control asks of an E1 channel's signalling, carried from the
/// media thread to the span's signalling thread.
public enum E1Command: Sendable {
    /// Answer the call offered on the channel.
    case answer(ChannelNumber)
    /// Refuse or clear the channel's call with a Q.850 cause.
    case release(ChannelNumber, cause: Int)
    /// Place a call to `number` on the (idle) channel.
    case call(ChannelNumber, number: String)
}
