#if canImport(Glibc)
import Glibc
#endif
import Channels
import DAHDIChannels
import DSP

/// `vboard-check --probe`: prints what one line and its exchange side do for
/// a few seconds (events, audio reads), for diagnosing a board.
func probe() {
    do {
        let all = try DAHDIDiscovery.channels()
        let box = try DAHDIBackend(channels: all.filter { $0.span == SpanID(1) })
        let far = try DAHDIBackend(channels: all.filter { $0.span == SpanID(2) })
        try box.open(ChannelNumber(1)); try far.open(ChannelNumber(5))
        try box.setToneZone("cn"); try far.setToneZone("cn")
        var block = [Int16](repeating: 0, count: 160)
        var reads = 0, wouldBlock = 0
        let detector = DTMFDetector()
        let events = DSPEventBuffer(capacity: 64)
        var farBlock = [Int16](repeating: 0, count: 160)
        for t in 0..<250 {
            if t == 110 { do { try box.hook(ChannelNumber(1), .offHook); try box.dial(ChannelNumber(1), digits: "8001#"); print("t=\(t) off hook, dialling") } catch { print("dial: \(error)") } }
            box.beginTick()
            do { try block.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try box.read(ChannelNumber(1), into: p) }; reads += 1 } catch {
                wouldBlock += 1
                if wouldBlock < 3 { print("t=\(t) read: \(error)") }
            }
            let silence = [Int16](repeating: 0, count: 160)
            silence.withUnsafeBufferPointer { try? box.write(ChannelNumber(1), $0) }
            while let e = try box.nextEvent(ChannelNumber(1)) { print("t=\(t) ch1 event \(e)") }
            while let e = try far.nextEvent(ChannelNumber(5)) { print("t=\(t) ch5 event \(e)") }
            try? farBlock.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try far.read(ChannelNumber(5), into: p) }
            farBlock.withUnsafeBufferPointer { detector.process($0, into: events) }
            for e in events.events { if case .dtmfBegin(let k, _) = e { print("t=\(t) far hears key \(k)") } }
            events.removeAll()
        }
        print("reads \(reads), would block \(wouldBlock)")
    } catch {
        print("probe: \(error)")
    }
}
