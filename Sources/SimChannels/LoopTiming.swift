/// How the simulated board's FXO ports watch loop current, as a line
/// interface that measures the loss: a loss is reported when the current
/// comes back (an open-loop disconnect pulse, with its length) or once it
/// has been gone for the window (with the window as its length, still
/// gone). Without it (`SimBoard.loopTiming` nil) a loss is reported at once
/// and not measured, as DAHDI reports it.
public struct LoopTiming: Sendable, Equatable {
    /// In board ticks (20 ms blocks).
    public var windowTicks: Int64
    public let blockMilliseconds: Int

    public init(windowMilliseconds: Int, blockMilliseconds: Int = 20) {
        windowTicks = Int64((windowMilliseconds + blockMilliseconds - 1) / blockMilliseconds)
        self.blockMilliseconds = blockMilliseconds
    }

    /// A one-second window: disconnect pulses up to a second are measured whole.
    public static let measuring = LoopTiming(windowMilliseconds: 1_000)
}
