import CSpanDSP
import Telephony

/// FSK caller-ID receiver for one line: spandsp's ADSI receiver for Bell 202
/// or V.23. Run it between the first and second ring; when a whole message has arrived it appends
/// `.callerIDMessage` and keeps the raw message in `message` until the next.
/// Decode it off the media thread with `decoded()`.
///
/// `process` does not allocate: the message is copied into a fixed buffer.
public final class CallerIDReceiver {
    public let signal: CallerIDSignal
    private let state: UnsafeMutablePointer<adsi_rx_state_t>
    private unowned(unsafe) var sink: DSPEventBuffer?
    private var position: Int64 = 0
    private let buffer: UnsafeMutablePointer<UInt8>
    private var length = 0
    static let capacity = 256

    /// - Parameter signal: `.bell202` or `.v23`.
    public init(signal: CallerIDSignal) {
        self.signal = signal
        state = .allocate(capacity: 1)
        buffer = .allocate(capacity: Self.capacity)
        let standard: Int32
        switch signal {
        case .bell202: standard = Int32(ADSI_STANDARD_CLASS)
        case .v23: standard = Int32(ADSI_STANDARD_CLIP)
        case .dtmf: preconditionFailure("DTMF caller ID is assembled from DTMF keys: use DTMFCallerIDAssembler")
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        adsi_rx_init(state, standard, { userData, msg, len in
            Unmanaged<CallerIDReceiver>.fromOpaque(userData!).takeUnretainedValue().deliver(msg, Int(len))
        }, me)
    }

    deinit {
        adsi_rx_release(state)
        state.deallocate()
        buffer.deallocate()
    }

    /// Runs the receiver over a block, appending events. Does not allocate.
    public func process(_ samples: UnsafeBufferPointer<Int16>, into events: DSPEventBuffer) {
        guard let base = samples.baseAddress else { return }
        sink = events
        position += Int64(samples.count)
        _ = adsi_rx(state, base, Int32(samples.count))
        sink = nil
    }

    private func deliver(_ msg: UnsafePointer<UInt8>?, _ len: Int) {
        guard let msg, len > 0 else { return }
        length = min(len, Self.capacity)
        buffer.update(from: msg, count: length)
        sink?.append(.callerIDMessage(signal, at: SampleTime(samples: position)))
    }

    /// Copies the last complete message into `out` (no allocation); returns its length.
    public func copyMessage(into out: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(length, out.count)
        out.baseAddress?.copyMemory(from: buffer, byteCount: n)
        return n
    }

    /// The last complete message, raw (allocates).
    public var message: [UInt8] { Array(UnsafeBufferPointer(start: buffer, count: length)) }

    /// The last message decoded (allocates; call off the media thread).
    public func decoded() throws(CallerIDError) -> CallerID {
        guard length > 0 else { throw CallerIDError(reason: "no caller-ID message received") }
        return try CallerIDMessage.decodeFSK(message)
    }
}
