import DSP
import Telephony

/// What `kefu analyze` looks for.
public struct AnalyzeOptions: Sendable {
    public var plan: TonePlan = .china
    public var dtmf = true
    public var tones = true
    public var callerID = true
    public init() {}
}

/// One finding of the analyzer, as printed.
public struct AnalysisEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case dtmf(DTMFKey)
        case tone(String)
        case callerID(CallerID, CallerIDSignal)
    }
    public var kind: Kind
    public var startMilliseconds: Int64
    public var endMilliseconds: Int64?
    /// The file channel (0 = left or mono, 1 = right).
    public var channel: Int

    public var json: JSONLine {
        var line = JSONLine()
        switch kind {
        case .dtmf(let key):
            line.add("event", "dtmf"); line.add("digit", String(key.rawValue))
            line.add("start_ms", startMilliseconds); line.add("end_ms", endMilliseconds ?? startMilliseconds)
        case .tone(let name):
            line.add("event", "tone"); line.add("name", name)
            line.add("start_ms", startMilliseconds); line.add("end_ms", endMilliseconds ?? startMilliseconds)
        case .callerID(let id, let signal):
            line.add("event", "callerid"); line.add("number", id.number); line.add("name", id.name)
            line.add("format", id.format.rawValue); line.add("start_ms", startMilliseconds)
            if let absence = id.numberAbsence { line.add("number_absent", absence.rawValue) }
            if let t = id.dateTime { line.add("datetime", t) }
            line.add("signal", signal.jsonName)
        }
        line.add("channel", Int64(channel))
        return line
    }
}

extension CallerIDSignal {
    var jsonName: String {
        switch self {
        case .bell202: return "bell202"
        case .v23: return "v23"
        case .dtmf: return "dtmf"
        }
    }
}

/// Runs Kefu's detectors over recorded audio, block by block exactly as the
/// media loop does, and turns their events into timed findings.
public enum Analyzer {
    /// How far before its report a fax tone began (spandsp confirms CNG and CED
    /// after this much tone; measured by the fax tests).
    /// Fax beeps closer than this (CNG repeats every 3.5 s) belong to one tone.
    static let faxCadenceGap: Int64 = 4000

    static let faxLatency: [FaxTone: Int64] = [.cng: 500 * 8, .ced: 400 * 8]

    public static func analyze(_ audio: WAVAudio, options: AnalyzeOptions) -> [AnalysisEvent] {
        var all: [AnalysisEvent] = []
        for (index, samples) in audio.channels.enumerated() {
            all += analyze(samples: samples, channel: index, options: options)
        }
        return all.sorted { ($0.startMilliseconds, $0.channel) < ($1.startMilliseconds, $1.channel) }
    }

    static func analyze(samples: [Int16], channel: Int, options: AnalyzeOptions) -> [AnalysisEvent] {
        var features: DSPFeatures = []
        if options.dtmf || options.callerID { features.insert(.dtmf) }
        if options.tones { features.formUnion([.tones, .fax]) }
        if options.callerID { features.insert(.callerID) }
        let dsp = ChannelDSP(plan: options.plan, features: features)
        let buffer = DSPEventBuffer(capacity: 256)
        var collector = Collector(plan: options.plan, channel: channel, options: options, dsp: dsp)
        samples.withUnsafeBufferPointer { all in
            var i = 0
            while i < all.count {
                let n = min(160, all.count - i)
                dsp.process(UnsafeBufferPointer(rebasing: all[i..<i + n]), into: buffer)
                collector.take(buffer)
                i += n
            }
        }
        dsp.finish(into: buffer)
        collector.take(buffer)
        return collector.events
    }
}

/// Pairs begin/end events into findings.
private struct Collector {
    let plan: TonePlan
    let channel: Int
    let options: AnalyzeOptions
    let dsp: ChannelDSP
    var events: [AnalysisEvent] = []
    var openKey: (DTMFKey, Int64)?
    var openTone: [Int: Int64] = [:]
    var openFax: [FaxTone: Int64] = [:]
    var dtmfCallerID = DTMFCallerIDAssembler()

    init(plan: TonePlan, channel: Int, options: AnalyzeOptions, dsp: ChannelDSP) {
        self.plan = plan; self.channel = channel; self.options = options; self.dsp = dsp
    }

    mutating func take(_ buffer: DSPEventBuffer) {
        for i in 0..<buffer.count { take(buffer[i]) }
        buffer.removeAll()
    }

    mutating func take(_ event: DSPEvent) {
        switch event {
        case .dtmfBegin(let key, let at):
            openKey = (key, at.milliseconds)
            if options.callerID, dtmfCallerID.add(key, at: at), let id = try? dtmfCallerID.take() {
                let start = dtmfCallerID.startedAt?.milliseconds ?? at.milliseconds
                events.append(AnalysisEvent(kind: .callerID(id, .dtmf), startMilliseconds: start, endMilliseconds: nil, channel: channel))
            }
        case .dtmfEnd(let key, let at):
            if options.dtmf, let (k, start) = openKey, k == key {
                events.append(AnalysisEvent(kind: .dtmf(key), startMilliseconds: start, endMilliseconds: at.milliseconds, channel: channel))
            }
            openKey = nil
        case .toneBegin(let tone, _, let since, _):
            openTone[tone.rawValue] = since.milliseconds
        case .toneEnd(let tone, _, let lastMatch):
            if let start = openTone.removeValue(forKey: tone.rawValue), tone.rawValue < plan.tones.count {
                events.append(AnalysisEvent(kind: .tone(plan.tones[tone.rawValue].name), startMilliseconds: start,
                                            endMilliseconds: max(start, lastMatch.milliseconds), channel: channel))
            }
        case .faxBegin(let tone, let at):
            openFax[tone] = max(0, at.samples - (Analyzer.faxLatency[tone] ?? 0)) / 8
        case .faxEnd(let tone, let at):
            if let start = openFax.removeValue(forKey: tone) {
                // CNG is a cadence of beeps: consecutive beeps are one tone.
                if let last = events.indices.last(where: { if case .tone(tone.name) = events[$0].kind { return true } else { return false } }),
                   let end = events[last].endMilliseconds, start - end <= Analyzer.faxCadenceGap {
                    events[last].endMilliseconds = at.milliseconds
                    return
                }
                events.append(AnalysisEvent(kind: .tone(tone.name), startMilliseconds: start, endMilliseconds: at.milliseconds, channel: channel))
            }
        case .quietBegin, .quietEnd:
            break  // the analyzer does not run the quiet detector
        case .callerIDMessage(let signal, let at):
            guard options.callerID, let receiver = dsp.receiver(for: signal), let id = try? receiver.decoded() else { return }
            // Seizure (300 bits) + marks (180 bits) + bytes with start/stop bits at 1200 baud.
            let bits = 300 + 180 + (receiver.message.count + 1) * 10
            let start = max(0, at.milliseconds - Int64(bits * 1000 / 1200))
            // A Bell 202 burst can also decode on the V.23 receiver (and back): report it once.
            if events.contains(where: {
                if case .callerID(let other, _) = $0.kind { return other == id && abs($0.startMilliseconds - start) < 1500 }
                return false
            }) { return }
            events.append(AnalysisEvent(kind: .callerID(id, signal), startMilliseconds: start, endMilliseconds: nil, channel: channel))
        }
    }
}
