/// How an FXS port tells a hook flash from hanging up, as DAHDI does for
/// FXO-signalled channels: an on-hook shorter than the bounce time is
/// ignored, one that ends before the flash time is a flash, and one that
/// lasts the flash time is reported as on-hook then (so hanging up is
/// seen that much later).
public struct HookTiming: Sendable, Equatable {
    /// In board ticks (20 ms blocks).
    public var bounceTicks: Int64
    public var flashTicks: Int64

    public init(bounceMilliseconds: Int, flashMilliseconds: Int, blockMilliseconds: Int = 20) {
        bounceTicks = Int64((bounceMilliseconds + blockMilliseconds - 1) / blockMilliseconds)
        flashTicks = Int64((flashMilliseconds + blockMilliseconds - 1) / blockMilliseconds)
    }

    /// DAHDI's defaults: flash up to 1250 ms (DAHDI_DEFAULT_RXFLASHTIME);
    /// the card's own debounce is taken as 40 ms.
    public static let dahdi = HookTiming(bounceMilliseconds: 40, flashMilliseconds: 1250)
}
