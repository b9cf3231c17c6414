// SpanDTMFChannel — ChannelDSP's pipeline with spandsp's dtmf_rx in place of
// Kefu's DTMF detector, driven from Swift: dtmf_rx + Kefu's ToneDetector +
// Kefu's FaxToneDetector. It makes exactly the spandsp calls the C reference
// makes, so its time against the C reference is the cost of Swift itself.
// Benchmark use only.
import CSpanDSPBench
import DSP

public final class SpanDTMFChannel {
    private let dtmf: UnsafeMutablePointer<dtmf_rx_state_t>
    private let tones = ToneDetector(plan: .china)
    private let fax = FaxToneDetector()
    private let digits = UnsafeMutablePointer<CChar>.allocate(capacity: Int(MAX_DTMF_DIGITS) + 1)
    /// Digits dtmf_rx delivered so far.
    public private(set) var dtmfDigits = 0

    public init() {
        dtmf = dtmf_rx_init(nil, nil, nil)!
    }

    deinit {
        dtmf_rx_free(dtmf)
        digits.deallocate()
    }

    /// One tick: the same spandsp calls as cref_pipeline_process. Does not allocate.
    @inline(__always)
    public func process(_ block: UnsafeBufferPointer<Int16>, into events: DSPEventBuffer) {
        guard let base = block.baseAddress else { return }
        dtmf_rx(dtmf, base, Int32(block.count))
        dtmfDigits += dtmf_rx_get(dtmf, digits, MAX_DTMF_DIGITS)
        tones.process(block, into: events)
        fax.process(block, into: events)
    }
}
