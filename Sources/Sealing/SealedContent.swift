/// The decrypted contents of a sealed recording.
public struct SealedContent: Sendable, Equatable {
    /// Audio format from the header.
    public var sampleRate: Int
    public var channels: Int
    public var bitsPerSample: Int
    /// Id of the key the file was sealed with (see `SealingKey.keyID`).
    public var keyID: String
    /// The plaintext audio of every complete segment, in order.
    public var plaintext: [UInt8]
    /// True when the final segment was read: the recording was finished normally.
    /// False when the file ends early, as after a crash; `plaintext` then holds
    /// everything sealed before the cut.
    public var complete: Bool
    /// Number of segments read, including an empty final one.
    public var segments: Int

    public init(sampleRate: Int, channels: Int, bitsPerSample: Int, keyID: String,
                plaintext: [UInt8], complete: Bool, segments: Int) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitsPerSample = bitsPerSample
        self.keyID = keyID
        self.plaintext = plaintext
        self.complete = complete
        self.segments = segments
    }
}
