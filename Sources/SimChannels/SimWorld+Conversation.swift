import Telephony

/// Turn-taking in a simulated conversation: caller and agent each talk in
/// bursts and start again only when they hear the other side quiet.
extension SimWorld {
    /// Whose turn it is to talk in a conversation.
    struct Turn {
        var speaking = false
        var until: Int64 = 0
    }

    /// Talks in bursts (mean 3 s) with pauses (mean 1 s); after a pause the
    /// next burst waits until the other side is quiet.
    func takeTurn(_ turn: inout Turn, tick: Int64, hearing other: Bool) -> Bool {
        if turn.speaking {
            if tick >= turn.until {
                turn.speaking = false
                turn.until = tick + max(1, ticks(exponential(mean: 1)))
            }
        } else if tick >= turn.until && !other {
            turn.speaking = true
            turn.until = tick + max(5, ticks(exponential(mean: 3)))
        }
        return turn.speaking
    }

    /// Louder than −40 dBm0 after the signature: someone is talking.
    static func carriesSpeech(_ block: [Int16]) -> Bool {
        guard block.count > 4 else { return false }
        var power = 0.0
        for i in 4..<block.count { power += Double(block[i]) * Double(block[i]) }
        let peak = Level(dBm0: -40).sinePeak
        return power / Double(block.count - 4) > peak * peak / 2
    }
}
