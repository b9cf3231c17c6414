#if canImport(Glibc)
import Glibc
#endif
import Channels
import DAHDIChannels
import DSP
import Telephony

/// `vboard-check --exchange-call`: one call through a kefud that runs on its
/// own (the appliance image, image/test.sh), played from span 2 alone: the
/// exchange rings line 1 (channel 5), waits for the answer, presses 5 after
/// the greeting; the phone on port 3 (channel 7) must ring and answers;
/// a tone each way must cross the bridge; the exchange hangs up with China's
/// busy tone and kefud must release the line. Nothing of kefud is looked at
/// but what a real exchange and phone would see. Prints PASS/FAIL per step;
/// 0 when all passed.
func exchangeCall() -> Int32 {
    let exchange = ChannelNumber(5), phone = ChannelNumber(7)
    let far: DAHDIBackend
    do {
        let span2 = try DAHDIDiscovery.channels().filter { $0.span == SpanID(2) }
        far = try DAHDIBackend(channels: span2)
        for c in [exchange, phone] { try far.open(c) }
        try far.setToneZone("cn")
    } catch {
        print("FAIL exchange set-up: \(error)")
        return 1
    }
    var sending: [ChannelNumber: [Int16]] = [:]
    var position: [ChannelNumber: Int] = [:]
    var heard: [ChannelNumber: [Int16]] = [:]
    var rang = 0
    var block = [Int16](repeating: 0, count: 160)
    /// One 20 ms block: send, read (DAHDI paces it), collect the phone's rings.
    func step() {
        for c in [exchange, phone] {
            var out = [Int16](repeating: 0, count: 160)
            if let audio = sending[c] {
                let at = position[c, default: 0] % max(audio.count - 160, 1)
                out.replaceSubrange(0..<160, with: audio[at..<(at + 160)])
                position[c] = at + 160
            }
            out.withUnsafeBufferPointer { try? far.write(c, $0) }
            block.withUnsafeMutableBufferPointer { p in do { try far.read(c, into: p) } catch { usleep(20_000) } }
            heard[c] = block
            while let e = try? far.nextEvent(c) { if c == phone && e == .ringBegin { rang += 1 } }
        }
    }
    func run(_ blocks: Int, until done: () -> Bool = { false }) -> Bool {
        for _ in 0..<blocks {
            step()
            if done() { return true }
        }
        return done()
    }
    func energy(_ c: ChannelNumber) -> Double { (heard[c] ?? []).reduce(0.0) { $0 + Double($1) * Double($1) } / 160 }
    func tone(_ hertz: Double) -> [Int16] {
        var s = SignalSynth()
        s.tone(hertz, level: Level(dBm0: -12), milliseconds: 2000)
        return s.pcm
    }
    var failed = 0
    func check(_ name: String, _ ok: Bool, _ detail: @autoclosure () -> String) {
        print(ok ? "PASS \(name)" : "FAIL \(name): \(detail())")
        if !ok { failed += 1 }
    }

    _ = run(150)  // 3 s: DAHDI ignores rings for 2 s after a channel opens (board/virtual README, pitfall 1)
    try? far.hook(exchange, .ringStart)
    let answered = run(1500) { (try? far.farEndOffHook(exchange)) == true }
    try? far.hook(exchange, .ringStop)
    check("kefud answers line 1 when the exchange rings", answered, "no answer within 30 s")
    guard answered else { return 1 }

    _ = run(75)  // the greeting starts
    var keys = SignalSynth()
    keys.dtmf(DTMFKey("5")!, milliseconds: 100)
    keys.silence(milliseconds: 3000)
    sending[exchange] = keys.pcm
    position[exchange] = 0
    let ringing = run(750) { rang > 0 }
    sending[exchange] = nil
    check("key 5 in the menu rings the agent's phone on port 3", ringing, "no ring on channel 7 within 15 s of the key")
    guard ringing else { return 1 }

    try? far.hook(phone, .offHook)
    _ = run(50)
    sending[exchange] = tone(1000)
    sending[phone] = tone(600)
    var towardsPhone = 0.0, towardsLine = 0.0
    for _ in 0..<100 {
        step()
        towardsPhone = max(towardsPhone, energy(phone))
        towardsLine = max(towardsLine, energy(exchange))
    }
    sending = [:]
    check("the caller's tone reaches the agent's phone", towardsPhone > 100_000, "mean square \(Int(towardsPhone))")
    check("the agent's tone reaches the caller", towardsLine > 100_000, "mean square \(Int(towardsLine))")

    var busy = SignalSynth()
    busy.cadence(frequencies: [450], level: Level(dBm0: -13), onMilliseconds: 350, offMilliseconds: 350, totalMilliseconds: 10_000)
    sending[exchange] = busy.pcm
    position[exchange] = 0
    let released = run(500) { (try? far.farEndOffHook(exchange)) == false }
    sending = [:]
    check("kefud releases line 1 when the exchange plays busy tone", released, "line still off hook after 10 s of busy tone")
    try? far.hook(phone, .onHook)
    _ = run(100)
    for c in [exchange, phone] { try? far.close(c) }
    print("exchange-call: \(failed == 0 ? "all passed" : "\(failed) failed")")
    return failed == 0 ? 0 : 1
}
