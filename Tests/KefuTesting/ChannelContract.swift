import Channels

/// Drives the far ends of a backend under test.
public protocol ChannelContractHarness {
    var backend: ChannelBackend { get }
    /// A line (FXO) channel and a phone (FXS) channel to test with.
    var line: ChannelNumber { get }
    var phone: ChannelNumber { get }
    /// Blocks of audio delay the backend may add in each direction.
    var maximumLatencyBlocks: Int { get }
    /// Blocks to wait for a signalling change to show (debounce, ring cadence):
    /// 1–2 on the simulated board, seconds on real drivers.
    var settleBlocks: Int { get }
    /// The nearest sample the line carries unchanged: itself on a linear
    /// board; on a real span, the value after the span's G.711 companding.
    func representable(_ sample: Int16) -> Int16
    func ring(_ line: ChannelNumber, _ on: Bool)
    func disconnect(_ line: ChannelNumber)
    func phoneHook(_ phone: ChannelNumber, offHook: Bool)
    func flash(_ phone: ChannelNumber)
    func send(_ channel: ChannelNumber, _ block: [Int16])
    func receive(_ channel: ChannelNumber) -> [Int16]
    func lineIsOffHook(_ line: ChannelNumber) -> Bool
    func phoneIsRinging(_ phone: ChannelNumber) -> Bool
    /// Lets one block of time pass (the backend's tick and the far ends').
    func step()
}

/// The promises a channel backend keeps. Each check returns what was broken.
public enum ChannelContract {
    public typealias Check = @Sendable (ChannelContractHarness) -> [String]

    /// Every check by name, so a runner can report each on its own.
    public static let checks: [(name: String, check: Check)] = [
        ("channelsAreListedInOrderWithTheirSignalling", channelsAreListed),
        ("openAndCloseReportTypedErrors", openAndCloseReportTypedErrors),
        ("audioCrossesBitExactFromLineToKefu", { audioCrosses($0, towardsKefu: true, on: $0.line) }),
        ("audioCrossesBitExactFromKefuToLine", { audioCrosses($0, towardsKefu: false, on: $0.line) }),
        ("audioCrossesBitExactBothWaysOnAPhone", {
            audioCrosses($0, towardsKefu: true, on: $0.phone) + audioCrosses($0, towardsKefu: false, on: $0.phone)
        }),
        ("lineRingsIsAnsweredAndHangsUpByLoopCurrent", lineCall),
        ("phoneRingsAnswersFlashesAndHangsUp", phoneCall),
        ("operationsOnTheWrongSignallingAreRefused", wrongSignalling),
        ("blocksOfTheWrongSizeAreRefused", wrongBlockSize),
        ("dialSendsValidDigitsAndRefusesOthers", dialling),
    ]

    static func block(_ seed: Int, size: Int, _ h: ChannelContractHarness) -> [Int16] {
        (0..<size).map { h.representable(Int16(truncatingIfNeeded: (seed &* 7919 &+ $0 &* 104_729) % 30_000 - 15_000)) }
    }

    static func openBoth(_ h: ChannelContractHarness) -> [String] {
        var broken: [String] = []
        for c in [h.line, h.phone] where !h.backend.isOpen(c) {
            do { try h.backend.open(c) } catch { broken.append("open \(c) failed: \(error)") }
        }
        return broken
    }

    /// Steps until the events collected on a channel satisfy `done` (or
    /// `settleBlocks` passed); returns them.
    static func awaitEvents(_ h: ChannelContractHarness, _ c: ChannelNumber,
                            until done: ([ChannelEvent]) -> Bool) -> [ChannelEvent] {
        var out: [ChannelEvent] = []
        for _ in 0..<h.settleBlocks {
            out += drainEvents(h, c)
            if done(out) { break }
            h.step()
        }
        return out + drainEvents(h, c)
    }

    /// Steps until `count` events arrived on a channel.
    static func awaitEvents(_ h: ChannelContractHarness, _ c: ChannelNumber, count: Int) -> [ChannelEvent] {
        awaitEvents(h, c) { $0.count >= count }
    }

    /// Steps until `event` arrived on a channel; returns all events seen.
    static func awaitEvent(_ h: ChannelContractHarness, _ c: ChannelNumber, _ event: ChannelEvent) -> [ChannelEvent] {
        awaitEvents(h, c) { $0.contains(event) }
    }

    /// Steps until a condition holds (or `settleBlocks` passed).
    static func awaitCondition(_ h: ChannelContractHarness, _ condition: () -> Bool) -> Bool {
        for _ in 0..<h.settleBlocks {
            if condition() { return true }
            h.step()
        }
        return condition()
    }

    static func drainEvents(_ h: ChannelContractHarness, _ c: ChannelNumber) -> [ChannelEvent] {
        var out: [ChannelEvent] = []
        while let e = try? h.backend.nextEvent(c) { out.append(e) }
        return out
    }

    static func channelsAreListed(_ h: ChannelContractHarness) -> [String] {
        var broken: [String] = []
        let numbers = h.backend.channels.map(\.number)
        if numbers != numbers.sorted() { broken.append("channels not in number order: \(numbers)") }
        if Set(numbers).count != numbers.count { broken.append("channel numbers repeat: \(numbers)") }
        if h.backend.info(h.line)?.signalling != .fxoLine { broken.append("\(h.line) is not listed as an FXO line") }
        if h.backend.info(h.phone)?.signalling != .fxsPhone { broken.append("\(h.phone) is not listed as an FXS phone port") }
        if h.backend.blockSize <= 0 { broken.append("block size \(h.backend.blockSize)") }
        return broken
    }

    static func openAndCloseReportTypedErrors(_ h: ChannelContractHarness) -> [String] {
        var broken: [String] = []
        let b = h.backend
        let missing = ChannelNumber((b.channels.map(\.number.rawValue).max() ?? 0) + 100)
        do { try b.open(missing); broken.append("opening \(missing) succeeded") } catch {
            if error != .noSuchChannel(missing) { broken.append("opening \(missing): \(error), expected noSuchChannel") }
        }
        if b.isOpen(h.line) { try? b.close(h.line) }
        var one = [Int16](repeating: 0, count: b.blockSize)
        do { try one.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try b.read(h.line, into: p) }; broken.append("read on a closed channel succeeded") } catch {
            if error != .notOpen(h.line) { broken.append("read on closed: \(error), expected notOpen") }
        }
        do { try b.open(h.line) } catch { broken.append("open \(h.line): \(error)") }
        do { try b.open(h.line); broken.append("second open succeeded") } catch {
            if error != .alreadyOpen(h.line) { broken.append("second open: \(error), expected alreadyOpen") }
        }
        if !b.isOpen(h.line) { broken.append("isOpen false after open") }
        do { try b.close(h.line) } catch { broken.append("close: \(error)") }
        if b.isOpen(h.line) { broken.append("isOpen true after close") }
        return broken
    }

    static func audioCrosses(_ h: ChannelContractHarness, towardsKefu: Bool, on c: ChannelNumber) -> [String] {
        var broken = openBoth(h)
        let b = h.backend
        let n = 6
        let sent = (0..<n).map { block($0 + (towardsKefu ? 1 : 101) + c.rawValue * 1000, size: b.blockSize, h) }
        var got: [[Int16]] = []
        var buffer = [Int16](repeating: 0, count: b.blockSize)
        let silence = [Int16](repeating: 0, count: b.blockSize)
        for t in 0..<(n + h.maximumLatencyBlocks + 2) {
            if towardsKefu {
                if t < n { h.send(c, sent[t]) }
                h.backend.beginTick()
                do { try buffer.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try b.read(c, into: p) } } catch {
                    return broken + ["read \(c): \(error)"]
                }
                got.append(buffer)
                for other in [h.line, h.phone] where other != c {
                    try? silence.withUnsafeBufferPointer { (p) throws(ChannelError) in try b.write(other, p) }
                }
                try? silence.withUnsafeBufferPointer { (p) throws(ChannelError) in try b.write(c, p) }
                h.backend.endTick()
                for other in [h.line, h.phone] { _ = h.receive(other) }  // the far ends hear every block
            } else {
                h.backend.beginTick()
                try? buffer.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try b.read(c, into: p) }
                let out = t < n ? sent[t] : silence
                do { try out.withUnsafeBufferPointer { (p) throws(ChannelError) in try b.write(c, p) } } catch {
                    return broken + ["write \(c): \(error)"]
                }
                h.backend.endTick()
                got.append(h.receive(c))
                for other in [h.line, h.phone] where other != c { _ = h.receive(other) }
            }
        }
        // Compare as a stream: a real card's buffers need not keep the far
        // end's block boundaries, only the samples and their order.
        let stream = got.flatMap { $0 }, expected = sent.flatMap { $0 }
        guard let first = stream.indices.first(where: { i in
            i + expected.count <= stream.count && stream[i] == expected[0] && Array(stream[i..<(i + expected.count)]) == expected
        }) else {
            return broken + ["\(towardsKefu ? "line→Kefu" : "Kefu→line") on \(c): the \(n) blocks sent never arrived unchanged and in order"]
        }
        if first > h.maximumLatencyBlocks * b.blockSize {
            broken.append("\(c): \(first) samples of latency, allowed \(h.maximumLatencyBlocks) blocks")
        }
        return broken
    }

    static func lineCall(_ h: ChannelContractHarness) -> [String] {
        var broken = openBoth(h)
        let b = h.backend, line = h.line
        _ = drainEvents(h, line)
        h.ring(line, true)
        let first = awaitEvents(h, line, count: 1)
        h.ring(line, false)
        let second = awaitEvents(h, line, count: 1)
        h.ring(line, true)
        let third = awaitEvents(h, line, count: 1)
        let rings = first + second + third
        if rings != [.ringBegin, .ringEnd, .ringBegin] { broken.append("ring events \(rings), expected begin, end, begin") }
        do { try b.hook(line, .offHook) } catch { broken.append("answer: \(error)") }
        h.step()
        if !awaitCondition(h, { h.lineIsOffHook(line) }) { broken.append("far end does not see the line answered") }
        _ = drainEvents(h, line)
        h.disconnect(line)
        // A ring burst cut short by the answer may still report its end first.
        let end = awaitEvents(h, line) { $0.contains(where: \.isLineDisconnect) }.filter { $0 != .ringEnd }
        if end.count != 1 || end.first?.isLineDisconnect != true { broken.append("after far-end release: \(end), expected lineDisconnect") }
        do { try b.hook(line, .onHook) } catch { broken.append("hang up: \(error)") }
        h.step()
        if !awaitCondition(h, { !h.lineIsOffHook(line) }) { broken.append("line still off hook after onHook") }
        return broken
    }

    static func phoneCall(_ h: ChannelContractHarness) -> [String] {
        var broken = openBoth(h)
        let b = h.backend, phone = h.phone
        _ = drainEvents(h, phone)
        do { try b.hook(phone, .ringStart) } catch { broken.append("ring: \(error)") }
        h.step()
        if !awaitCondition(h, { h.phoneIsRinging(phone) }) { broken.append("phone does not ring") }
        h.phoneHook(phone, offHook: true)
        var events = awaitEvents(h, phone, count: 1)
        if !awaitCondition(h, { !h.phoneIsRinging(phone) }) { broken.append("phone still rings after it was answered") }
        h.flash(phone)
        events += awaitEvents(h, phone, count: 1)
        h.phoneHook(phone, offHook: false)
        events += awaitEvents(h, phone, count: 1)
        if events != [.phoneOffHook, .flash, .phoneOnHook] { broken.append("phone events \(events), expected offHook, flash, onHook") }
        return broken
    }

    static func wrongSignalling(_ h: ChannelContractHarness) -> [String] {
        var broken = openBoth(h)
        let b = h.backend
        for (c, op) in [(h.line, HookOperation.ringStart), (h.phone, .flash)] {
            do { try b.hook(c, op); broken.append("\(op) on \(c) succeeded") } catch {
                guard case .wrongSignalling(c, _, _) = error else {
                    broken.append("\(op) on \(c): \(error), expected wrongSignalling"); continue
                }
            }
        }
        return broken
    }

    static func wrongBlockSize(_ h: ChannelContractHarness) -> [String] {
        var broken = openBoth(h)
        let b = h.backend
        let short = [Int16](repeating: 0, count: b.blockSize - 1)
        do { try short.withUnsafeBufferPointer { (p) throws(ChannelError) in try b.write(h.line, p) }; broken.append("short write accepted") } catch {
            if error != .wrongBlockSize(h.line, expected: b.blockSize, got: b.blockSize - 1) { broken.append("short write: \(error)") }
        }
        return broken
    }

    static func dialling(_ h: ChannelContractHarness) -> [String] {
        var broken = openBoth(h)
        let b = h.backend
        _ = drainEvents(h, h.line)
        do { try b.dial(h.line, digits: "12x"); broken.append("dialling '12x' succeeded") } catch {
            if error != .invalidDigits(h.line, "12x") { broken.append("dial 12x: \(error)") }
        }
        do { try b.hook(h.line, .offHook); try b.dial(h.line, digits: "8001#") } catch { broken.append("dial: \(error)") }
        let events = awaitEvent(h, h.line, .dialComplete)
        if !events.contains(.dialComplete) { broken.append("no dialComplete after dialling (got \(events))") }
        try? b.hook(h.line, .onHook)
        return broken
    }
}
