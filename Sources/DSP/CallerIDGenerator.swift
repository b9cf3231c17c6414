import CSpanDSP

/// Caller-ID sender: spandsp's ADSI transmitter, used by the simulated board's
/// exchange, by FXS ports presenting a caller to an agent's phone, and by
/// tests. Queue a presentation, then pull audio block by block.
public final class CallerIDGenerator {
    public let signal: CallerIDSignal
    private let state: UnsafeMutablePointer<adsi_tx_state_t>

    public init(signal: CallerIDSignal) {
        self.signal = signal
        state = .allocate(capacity: 1)
        let standard: Int32
        switch signal {
        case .bell202: standard = Int32(ADSI_STANDARD_CLASS)
        case .v23: standard = Int32(ADSI_STANDARD_CLIP)
        case .dtmf: standard = Int32(ADSI_STANDARD_CLIP_DTMF)
        }
        adsi_tx_init(state, standard)
    }

    deinit {
        adsi_tx_release(state)
        state.deallocate()
    }

    /// Queues a presentation. FSK formats send `id.format` (SDMF or MDMF);
    /// the DTMF signal always sends D…C digits. Returns false if refused.
    @discardableResult
    public func send(_ id: CallerID) -> Bool {
        let bytes: [UInt8]
        if signal == .dtmf {
            bytes = Array(CallerIDMessage.encodeDTMF(id).utf8)
        } else {
            var fsk = id
            if fsk.format == .dtmf { fsk.format = .fskMDMF }
            bytes = CallerIDMessage.encodeFSK(fsk)
        }
        return adsi_tx_put_message(state, bytes, Int32(bytes.count)) > 0
    }

    /// Fills `output` with audio; returns the samples that carried signal
    /// (the rest of the block is silence).
    @discardableResult
    public func generate(into output: UnsafeMutableBufferPointer<Int16>) -> Int {
        guard let base = output.baseAddress else { return 0 }
        let n = Int(adsi_tx(state, base, Int32(output.count)))
        for i in n..<output.count { output[i] = 0 }
        return n
    }
}
