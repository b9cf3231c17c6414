import CSpanDSP
import Telephony

/// Fax tone detector for one channel: spandsp's modem connect-tone receivers
/// for CNG (the calling fax's 1100 Hz beeps) and CED (the 2100 Hz answer tone,
/// with or without phase reversals). Two states, owned and allocated here once.
///
/// `process` does not allocate, lock or log.
public final class FaxToneDetector {
    private let cng: UnsafeMutablePointer<modem_connect_tones_rx_state_t>
    private let ced: UnsafeMutablePointer<modem_connect_tones_rx_state_t>
    private unowned(unsafe) var sink: DSPEventBuffer?
    private var position: Int64 = 0
    private var present: (cng: Bool, ced: Bool) = (false, false)
    /// Bytes-free context handed to each C callback: which tone it reports.
    private let cngContext: UnsafeMutablePointer<FaxCallbackContext>
    private let cedContext: UnsafeMutablePointer<FaxCallbackContext>

    public init() {
        cng = .allocate(capacity: 1)
        ced = .allocate(capacity: 1)
        cngContext = .allocate(capacity: 1)
        cedContext = .allocate(capacity: 1)
        let callback: tone_report_func_t = { userData, code, _, _ in
            let context = userData!.assumingMemoryBound(to: FaxCallbackContext.self).pointee
            let detector = Unmanaged<FaxToneDetector>.fromOpaque(context.detector).takeUnretainedValue()
            detector.report(context.tone, on: code != Int32(MODEM_CONNECT_TONES_NONE))
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        cngContext.initialize(to: FaxCallbackContext(detector: me, tone: .cng))
        cedContext.initialize(to: FaxCallbackContext(detector: me, tone: .ced))
        modem_connect_tones_rx_init(cng, Int32(MODEM_CONNECT_TONES_FAX_CNG), callback, cngContext)
        modem_connect_tones_rx_init(ced, Int32(MODEM_CONNECT_TONES_ANS), callback, cedContext)
    }

    deinit {
        modem_connect_tones_rx_release(cng)
        modem_connect_tones_rx_release(ced)
        cng.deallocate(); ced.deallocate()
        cngContext.deallocate(); cedContext.deallocate()
    }

    /// Time already processed.
    public var now: SampleTime { SampleTime(samples: position) }

    /// Runs both receivers over a block, appending events. Does not allocate.
    public func process(_ samples: UnsafeBufferPointer<Int16>, into events: DSPEventBuffer) {
        guard let base = samples.baseAddress else { return }
        sink = events
        position += Int64(samples.count)
        _ = modem_connect_tones_rx(cng, base, Int32(samples.count))
        _ = modem_connect_tones_rx(ced, base, Int32(samples.count))
        sink = nil
    }

    private func report(_ tone: FaxTone, on: Bool) {
        let at = SampleTime(samples: position)
        switch (tone, on) {
        case (.cng, true) where !present.cng: present.cng = true; sink?.append(.faxBegin(.cng, at: at))
        case (.cng, false) where present.cng: present.cng = false; sink?.append(.faxEnd(.cng, at: at))
        case (.ced, true) where !present.ced: present.ced = true; sink?.append(.faxBegin(.ced, at: at))
        case (.ced, false) where present.ced: present.ced = false; sink?.append(.faxEnd(.ced, at: at))
        default: break
        }
    }

    /// Ends tones still present when the audio stops.
    public func finish(into events: DSPEventBuffer) {
        let at = SampleTime(samples: position)
        if present.cng { events.append(.faxEnd(.cng, at: at)); present.cng = false }
        if present.ced { events.append(.faxEnd(.ced, at: at)); present.ced = false }
    }
}

struct FaxCallbackContext {
    var detector: UnsafeMutableRawPointer
    var tone: FaxTone
}
