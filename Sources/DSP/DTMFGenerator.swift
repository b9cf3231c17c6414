import CSpanDSP
import Telephony

/// DTMF sender: one spandsp `dtmf_tx` whose state this object owns. Queue
/// keys with `send(_:)`, then pull audio block by block with `generate(into:)`.
public final class DTMFGenerator {
    private let state: UnsafeMutablePointer<dtmf_tx_state_t>

    /// - Parameters:
    ///   - level: level of the low-group tone, dBm0 (the high group is `twist` dB louder).
    ///   - twist: high-group minus low-group level in dB (normal twist is positive).
    ///   - onMilliseconds/offMilliseconds: tone and gap per key.
    public init(level: Double = -10, twist: Double = 0, onMilliseconds: Int = 80, offMilliseconds: Int = 80) {
        state = .allocate(capacity: 1)
        dtmf_tx_init(state)
        dtmf_tx_set_level(state, Int32(level.rounded()), Int32(twist.rounded()))
        dtmf_tx_set_timing(state, Int32(onMilliseconds), Int32(offMilliseconds))
    }

    deinit {
        dtmf_tx_release(state)
        state.deallocate()
    }

    /// Queues keys to send; returns how many keys did not fit in spandsp's queue.
    @discardableResult
    public func send(_ keys: [DTMFKey]) -> Int {
        var ascii = keys.map { CChar(bitPattern: $0.ascii) }
        ascii.append(0)
        return Int(dtmf_tx_put(state, ascii, Int32(keys.count)))
    }

    /// Fills `output` with audio (silence once the queue is empty); returns
    /// how many samples carried tones or gaps of queued keys.
    @discardableResult
    public func generate(into output: UnsafeMutableBufferPointer<Int16>) -> Int {
        guard let base = output.baseAddress else { return 0 }
        let n = Int(dtmf_tx(state, base, Int32(output.count)))
        for i in n..<output.count { output[i] = 0 }
        return n
    }
}
