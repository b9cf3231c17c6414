/// Which detectors a channel runs.
public struct DSPFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let dtmf = DSPFeatures(rawValue: 1)
    public static let tones = DSPFeatures(rawValue: 2)
    public static let fax = DSPFeatures(rawValue: 4)
    public static let callerID = DSPFeatures(rawValue: 8)
    /// Quiet on the line (`QuietDetector`): lines that send no hang-up signal.
    public static let quiet = DSPFeatures(rawValue: 16)
    /// What a line runs during a call: DTMF, call-progress tones, fax tones.
    public static let call: DSPFeatures = [.dtmf, .tones, .fax]
    public static let all: DSPFeatures = [.dtmf, .tones, .fax, .callerID]
}

/// The detectors one channel runs every tick, allocated together when the
/// channel is set up: DTMF, call-progress tones from a plan, fax tones, and
/// (optionally) caller-ID receivers for each signal kind.
///
/// `process` runs each enabled detector over the block in turn and appends
/// their events; it does not allocate, lock or log.
public final class ChannelDSP {
    /// Detectors that run; may change between blocks (e.g. caller ID only while ringing).
    public var features: DSPFeatures
    public let dtmf: DTMFDetector
    public let tones: ToneDetector
    public let fax: FaxToneDetector
    /// FSK caller-ID receivers (Bell 202 and V.23), run when `.callerID` is on. DTMF caller
    /// ID comes from the DTMF detector's keys (`DTMFCallerIDAssembler`).
    public let callerID: [CallerIDReceiver]
    public let quiet = QuietDetector()

    public init(plan: TonePlan = .china, dtmfSettings: DTMFDetectorSettings = DTMFDetectorSettings(),
                features: DSPFeatures = .call) {
        self.features = features
        dtmf = DTMFDetector(settings: dtmfSettings)
        tones = ToneDetector(plan: plan)
        fax = FaxToneDetector()
        callerID = [CallerIDReceiver(signal: .bell202), CallerIDReceiver(signal: .v23)]
    }

    /// Runs the enabled detectors over one block. Does not allocate.
    @inline(__always)
    public func process(_ block: UnsafeBufferPointer<Int16>, into events: DSPEventBuffer) {
        if features.contains(.dtmf) { dtmf.process(block, into: events) }
        if features.contains(.tones) { tones.process(block, into: events) }
        if features.contains(.fax) { fax.process(block, into: events) }
        if features.contains(.callerID) {
            for receiver in callerID { receiver.process(block, into: events) }
        }
        if features.contains(.quiet) { quiet.process(block, into: events) }
    }

    /// Closes tones still running when the audio ends.
    public func finish(into events: DSPEventBuffer) {
        tones.finish(into: events)
        fax.finish(into: events)
    }

    /// The receiver for a caller-ID signal, if caller ID is enabled.
    public func receiver(for signal: CallerIDSignal) -> CallerIDReceiver? {
        callerID.first { $0.signal == signal }
    }
}
