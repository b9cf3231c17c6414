/// What kefud runs.
public struct CenterOptions: Sendable {
    public var lines = 8
    public var agents = 4
    public var callsPerMinute = 6.0
    public var meanTalkSeconds = 45.0
    public var meanPatienceSeconds = 90.0
    public var seed: UInt64 = 1
    /// Where recordings go (recordings/YYYY/MM/DD/<call>.wav below it).
    public var dataDirectory = "/var/lib/kefu"
    /// Prompt files (greeting.wav, music.wav), 8 kHz mono; missing ones are synthesised.
    public var promptDirectory: String?
    /// Seconds to run; 0 runs until interrupted.
    public var duration = 0.0
    /// Redraw the live view (true) or print only the summary.
    public var liveView = true

    public init() {}
}
