import Channels
import Config
import DSP
import Telephony

/// Why a line test could not run or did not finish.
public struct LineLearnFailure: Error, Sendable, CustomStringConvertible {
    public var reason: Bilingual
    public init(_ english: String, _ chinese: String) { reason = Bilingual(english, chinese) }
    public var description: String { reason.english }
    public var chinese: String { reason.chinese }
}

/// One line test call on the board: the box waits for the installer's call
/// and answers it (or goes off hook and dials the installer's number), gives
/// a short beep, and listens until the line says the far end hung up — a
/// `LineLearner` decides what it heard. Runs its own 20 ms loop on the board
/// (kefud must not hold the line); the line is put back on hook at the end,
/// whatever happened.
public enum LineLearnRun {
    public enum How: Sendable, Equatable {
        /// Wait this many seconds for a call to arrive.
        case receive(waitSeconds: Int)
        /// Dial this number.
        case dial(String)
    }

    public static func run(board: ChannelBackend, line: ChannelNumber, how: How, listenSeconds: Int,
                           chinese: Bool = false, say: (String) -> Void) throws(LineLearnFailure) -> LineLearner {
        let w = Words(chinese: chinese)
        let l = line.rawValue
        guard let info = board.info(line) else { throw LineLearnFailure("line \(l): no such channel on the board", "线路 \(l)：板卡上没有该通道") }
        guard info.signalling == .fxoLine else {
            throw LineLearnFailure("line \(l) is \(info.signalling.rawValue), not an analog line from the exchange (fxo)",
                                   "线路 \(l) 是 \(info.signalling.rawValue)，不是来自交换机的模拟外线（fxo）")
        }
        do { try board.open(line) } catch {
            throw LineLearnFailure("line \(l) cannot be opened: \(error) (if kefud is running it holds the lines: systemctl stop kefud)",
                                   "线路 \(l) 无法打开：\(error)（kefud 运行时占用线路：systemctl stop kefud）")
        }
        defer {
            try? board.hook(line, .onHook)
            try? board.close(line)
        }
        let learner: LineLearner
        var blocks = 0
        var beep: [Int16] = []
        let n = board.blockSize
        var block = [Int16](repeating: 0, count: n), quiet = [Int16](repeating: 0, count: n)
        func tick() throws(LineLearnFailure) -> [ChannelEvent] {
            board.beginTick()
            defer { board.endTick() }
            var out = quiet
            if !beep.isEmpty {
                let k = min(n, beep.count)
                out.replaceSubrange(0..<k, with: beep[0..<k])
                beep.removeFirst(k)
            }
            do {
                try out.withUnsafeBufferPointer { (p) throws(ChannelError) in try board.write(line, p) }
                try block.withUnsafeMutableBufferPointer { (p) throws(ChannelError) in try board.read(line, into: p) }
            } catch .wouldBlock { block = quiet } catch { throw LineLearnFailure("line \(l): \(error)", "线路 \(l)：\(error)") }
            var events: [ChannelEvent] = []
            while let e = try? board.nextEvent(line) { events.append(e) }
            blocks += 1
            return events
        }
        func cue() {
            var s = SignalSynth()
            s.tone(1000, level: Level(dBm0: -15), milliseconds: 250)
            beep = s.pcm
        }
        switch how {
        case .receive(let wait):
            learner = LineLearner(mode: .receive(answerOnRing: 3))
            say(w("line \(l): waiting up to \(wait) s for the test call — call the line now", "线路 \(l)：等待测试来电（最多 \(wait) 秒）——请现在拨打该线路"))
            while learner.answeredAt == nil {
                guard blocks * n < wait * 8000 else { throw LineLearnFailure("line \(l): no call arrived in \(wait) s", "线路 \(l)：\(wait) 秒内没有来电") }
                let events = try tick()
                block.withUnsafeBufferPointer { _ = learner.block($0) }
                for e in events {
                    if let s = signal(e), learner.signal(s) == .answer {
                        do { try board.hook(line, .offHook) } catch { throw LineLearnFailure("line \(l): answer: \(error)", "线路 \(l)：摘机应答失败：\(error)") }
                        say(w("line \(l): answered at ring \(learner.findings.rings) — after the beep say a few words, then hang up",
                              "线路 \(l)：第 \(learner.findings.rings) 声振铃时已应答——听到提示音后说几句话，然后挂机"))
                        cue()
                    }
                }
            }
        case .dial(let number):
            learner = LineLearner(mode: .dial)
            do { try board.hook(line, .offHook) } catch { throw LineLearnFailure("line \(l): off hook: \(error)", "线路 \(l)：摘机失败：\(error)") }
            for _ in 0..<50 { _ = try tick() }  // a second for dial tone
            do { try board.dial(line, digits: number) } catch { throw LineLearnFailure("line \(l): dial \(number): \(error)", "线路 \(l)：拨号 \(number) 失败：\(error)") }
            say(w("line \(l): dialling \(number) — answer, say a few words after the beep, then hang up",
                  "线路 \(l)：正在拨打 \(number)——请接听，听到提示音后说几句话，然后挂机"))
            var dialled = false
            while !dialled {
                guard blocks < 50 + 30 * 50 else { throw LineLearnFailure("line \(l): dialling did not finish in 30 s", "线路 \(l)：30 秒内未完成拨号") }
                dialled = try tick().contains(.dialComplete)
            }
            cue()
        }
        let limit = blocks + listenSeconds * 8000 / n
        while !learner.finished {
            if blocks >= limit { learner.stop(); break }
            let events = try tick()
            block.withUnsafeBufferPointer { _ = learner.block($0) }
            for e in events { if let s = signal(e) { learner.signal(s) } }
        }
        return learner
    }

    static func signal(_ e: ChannelEvent) -> LineLearner.LineSignal? {
        switch e {
        case .ringBegin: .ringBegin
        case .ringEnd: .ringEnd
        case .lineDisconnect(let drop): .loopDrop(milliseconds: drop.milliseconds)
        case .polarityReversal: .polarity
        default: nil
        }
    }
}
