import DSP
import Telephony

/// Hands PCM to `body` in 20 ms blocks (the last one may be shorter), as a channel delivers it.
func inBlocks(_ pcm: [Int16], _ body: (UnsafeBufferPointer<Int16>) -> Void) {
    pcm.withUnsafeBufferPointer { all in
        var i = 0
        while i < all.count {
            let n = min(160, all.count - i)
            body(UnsafeBufferPointer(rebasing: all[i..<i + n]))
            i += n
        }
    }
}

/// Runs a DTMF detector over PCM in 20 ms blocks and returns its events.
func detectDTMF(_ pcm: [Int16], settings: DTMFDetectorSettings = DTMFDetectorSettings()) -> [DSPEvent] {
    let detector = DTMFDetector(settings: settings)
    let buffer = DSPEventBuffer(capacity: 4096)
    inBlocks(pcm) { detector.process($0, into: buffer) }
    return buffer.events
}

/// The keys begun in a list of events, in order.
func keysBegun(_ events: [DSPEvent]) -> [DTMFKey] {
    events.compactMap { if case .dtmfBegin(let k, _) = $0 { return k } else { return nil } }
}

/// One key framed by silence.
func framedKey(_ key: DTMFKey, level: Double = -10, twist: Double = 0, deviation: Double = 0,
               milliseconds: Double = 60, lead: Double = 100) -> [Int16] {
    var s = SignalSynth()
    s.silence(milliseconds: lead)
    s.dtmf(key, level: Level(dBm0: level), twist: twist, deviation: deviation, milliseconds: milliseconds)
    s.silence(milliseconds: 100)
    return s.pcm
}
