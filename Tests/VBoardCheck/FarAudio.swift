import Channels

/// What the test's far ends send: per channel, audio given once or looped,
/// handed out a block at a time; silence otherwise. Shared by the benches.
struct FarAudio {
    private var sending: [ChannelNumber: (audio: [Int16], at: Int, loop: Bool)] = [:]

    mutating func send(_ c: ChannelNumber, _ audio: [Int16], loop: Bool) { sending[c] = (audio, 0, loop) }
    mutating func stop(_ c: ChannelNumber) { sending[c] = nil }
    func isSending(_ c: ChannelNumber) -> Bool { sending[c] != nil }

    /// The channel's next block (silence once its audio is used up).
    mutating func nextBlock(_ c: ChannelNumber) -> [Int16] {
        var block = [Int16](repeating: 0, count: 160)
        guard var s = sending[c] else { return block }
        if s.at >= s.audio.count && s.loop { s.at = 0 }
        guard s.at < s.audio.count else {
            sending[c] = nil
            return block
        }
        let part = s.audio[s.at..<min(s.at + 160, s.audio.count)]
        block.replaceSubrange(0..<part.count, with: part)
        s.at += 160
        sending[c] = s
        return block
    }

    /// One far channel's block: `block` out, what it heard in, its events.
    static func exchange(_ end: ChannelBackend, _ c: ChannelNumber, _ block: [Int16]) -> (heard: [Int16], events: [ChannelEvent]) {
        block.withUnsafeBufferPointer { try? end.write(c, $0) }
        var input = [Int16](repeating: 0, count: 160)
        do { try input.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try end.read(c, into: p) } } catch {}
        var events: [ChannelEvent] = []
        while let e = try? end.nextEvent(c) { events.append(e) }
        return (input, events)
    }
}
