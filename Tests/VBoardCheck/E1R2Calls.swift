#if canImport(Glibc)
import Glibc
#endif
import CallControl
import Channels
import E1Signalling
import Foundation
import KefuDaemon
import Storage

/// The center on the MFC/R2 E1 board: one R2 group on timeslots 1-30 of
/// span 1 except 16 and 31 (31 is not served: it must be held blocked),
/// whose hotline 4008005555 goes to the "hotline" menu, where key 1 puts the
/// caller through to 13900139000 on the same E1; other numbers go to "main",
/// where 9 hangs up. `PROTOCOL` is replaced by the openr2 protocol file.
let e1R2Config = """
[system]
languages = ["zh"]
board = "dahdi"

[lines.r2]
signalling = "e1-r2"
span = 1
channels = "1-15,17-30"
framing = "cas"
line_code = "hdb3"
crc4 = false
r2_variant = "cn"
dnis_digits = 10
ani_digits = 15
own_number = "4008001000"
r2_protocol_file = "PROTOCOL"
menu = "main"
[lines.r2.dnis]
"4008005555" = "hotline"

[menus.main]
prompt = "greeting"
timeout = 8
[menus.main.keys]
9 = "hangup"

[menus.hotline]
prompt = "greeting"
timeout = 8
[menus.hotline.keys]
1 = "dial r2 13900139000"

[recording]
min_free_mb = 50
"""

/// openr2 1.3.3's China variant asks for the next ANI digit and the next
/// DNIS digit with the same group A signal (A-1), and its calling side
/// always answers A-1 with DNIS: between two openr2 ends ANI never crosses.
/// Both ends here ask for ANI with A-5 (the ITU assignment) instead.
let r2ANIOnA5 = "mf_ga_tones.request_next_ani_digit=5\n"

/// The R2 checks, in order, each with what it found broken.
func e1R2Checks(dataDirectory: String) -> [(String, [String])] {
    let names = ["r2TimeslotsAreBlockedUntilKefuTakesThemThenIdleButTheUnservedOneStaysBlocked", "r2InboundCallDeliversANIDNISAndCategoryIntoTheHotlineMenu",
                 "r2OutboundCallPlacedByKefuIsAnsweredWithAudioBothWays", "r2SpeechFasterThanTheE1NeitherStallsTheLinkNorSpeedsTheMediaLoop",
                 "r2ClearForwardFromTheExchangeClearsBothCallsAndRecordsKeepANIAndDNIS",
                 "r2KefuClearsBackWhenTheMenuHangsUp"]
    let ani = "13800138000", dnis = "4008005555", callee = "13900139000", other = "4008001234"
    let caller = ChannelNumber(32), answering = ChannelNumber(33)  // exchange timeslots 1 and 2
    let protocolFile = dataDirectory + "-r2-ani-a5.conf"
    let bench: E1Bench
    do {
        let written = r2ANIOnA5.withCString { text in
            guard let f = fopen(protocolFile, "w") else { return false }
            defer { fclose(f) }
            return fputs(text, f) >= 0
        }
        guard written else { throw BenchFailure("cannot write \(protocolFile)") }
        bench = try E1Bench.r2(config: e1R2Config.replacingOccurrences(of: "PROTOCOL", with: protocolFile), dataDirectory: dataDirectory,
                               exchangeANI: ani, exchangeDNIS: callee, protocolFile: protocolFile, exchangeChannels: [caller, answering])
    } catch {
        return names.map { ($0, ["not run: \(error)"]) }
    }
    defer {
        bench.close()
        for line in bench.takeSignallingLog() { print("  " + line) }
    }
    var results: [(String, [String])] = []
    func flush() { for line in bench.takeSignallingLog() { print("  " + line) } }
    func farState(_ c: ChannelNumber) -> String { bench.exchange.r2Links.first?.channelStates[c] ?? "-" }
    // 1. Before Kefu's link takes its timeslots they send system.conf's idle
    // bits, blocked (as whenever kefud is not running): the exchange sees
    // all 30 blocked. Then idle and blocked bits cross: timeslot 31 stays blocked.
    let before = bench.exchangeStatesBeforeKefu
    let notBlocked = before.filter { $0.value != "blocked by far end" }.keys.sorted { $0.rawValue < $1.rawValue }
    print("  before Kefu's link: \(before.count - notBlocked.count) of \(before.count) exchange timeslots see Kefu's side blocked")
    var broken = before.count == 30 && notBlocked.isEmpty ? [] : ["before Kefu's link: exchange timeslots \(notBlocked.map { "\($0.rawValue)" }.joined(separator: ",")) '\(notBlocked.first.flatMap { before[$0] } ?? "-")' (of \(before.count)), not blocked"]
    let settled = bench.run(50) { farState(ChannelNumber(62)) == "blocked by far end" && farState(caller) == "idle" }
    flush()
    if !settled { broken.append("after 1 s: exchange timeslot 31 '\(farState(ChannelNumber(62)))', timeslot 1 '\(farState(caller))'") }
    results.append((names[0], broken))

    // 2. Inbound: the exchange seizes timeslot 1 and sends DNIS, category and ANI.
    let line = ChannelNumber(1)
    let (callID, inboundProblems) = bench.inboundCallProblems(caller: caller, line: line, ani: ani, dnis: dnis, category: "national-subscriber",
                                                  placed: "seizure", answer: "answer", blocks: 400,
                                                  console: ["1 of 29 channels in calls", "1 held blocked", "(not reported by the driver)"], state: "r2 answered")
    broken = inboundProblems
    results.append((names[1], broken))
    guard broken.isEmpty, let inbound = callID else { return results + names[2...].map { ($0, ["not reached: the inbound call failed"]) } }

    // 3. Key 1: Kefu seizes a timeslot towards the exchange; the exchange answers.
    broken = bench.outboundCallProblems(caller: caller, answering: answering, line: line, inbound: inbound, callee: callee, own: "4008001000",
                                        placed: "seizure", answer: "answer", blocks: 400)
    results.append((names[2], broken))
    guard broken.isEmpty else { return results + names[3...].map { ($0, ["not reached: the outbound call failed"]) } }

    // 4. Speech handed to a link faster than its E1 clock takes it (the
    // exchange's caller sends two blocks a tick for 2 s): the link must keep
    // reading and signalling, dropping what it cannot send; Kefu's media
    // loop must keep the E1's time meanwhile.
    broken = []
    let link = bench.exchange.r2Links[0]
    let heardBefore = link.speechCounts[caller]?.heard ?? 0, floodAt = SignallingLog.now()
    let extra = Bench.tone(700, seconds: 0.02)
    bench.run(100) {
        extra.withUnsafeBufferPointer { try? bench.exchange.write(caller, $0) }
        return false
    }
    let floodMs = SignallingLog.now() - floodAt, heardDuring = (link.speechCounts[caller]?.heard ?? 0) - heardBefore
    print("  speech sent at twice the rate for \(floodMs) ms: the exchange heard \(heardDuring / 8) ms meanwhile")
    if heardDuring < floodMs * 8 / 2 {
        broken.append("the exchange's link heard \(heardDuring / 8) ms of speech in \(floodMs) ms while its sent speech ran ahead")
    }
    // Kefu's board (R2 timeslots alone) paces its media loop by the E1: 100
    // blocks take 2 s. A loop ticking on whichever timeslot's block came
    // first ran 1.5 times too fast (1.33 s); a slow machine only lengthens it.
    if floodMs < 1_700 { broken.append("Kefu's media loop ran 100 blocks in \(floodMs) ms, faster than the E1's 2000 ms") }
    results.append((names[3], broken))

    // 5. The caller hangs up: clear-forward from the exchange; Kefu clears its own call forward.
    broken = []
    let hungUp = bench.tick, hungUpAt = SignallingLog.now()
    bench.signallingLog.add("check: the exchange's caller hangs up")
    do { try bench.exchange.hook(caller, .onHook) } catch { broken.append("exchange clear-forward: \(error)") }
    let bothCleared = bench.run(150) {
        bench.cleared(answering, since: hungUp) && bench.flow.lines[line] == .idle && bench.center.control.records.count >= 2
            && farState(caller) == "idle" && farState(answering) == "idle"
    }
    flush()
    print("  clear-forward to both timeslots idle \(SignallingLog.now() - hungUpAt) ms")
    if !bothCleared {
        broken.append("after the caller's clear-forward: callee \(bench.events(answering, since: hungUp)), line \(String(describing: bench.flow.lines[line])), records \(bench.center.control.records.count), exchange timeslots \(farState(caller))/\(farState(answering))")
    }
    results.append((names[4], broken))  // the stored record is checked at the end, once the store has stopped

    // 6. A number without a menu of its own goes to "main"; key 9 hangs up: clear-back to the exchange.
    broken = []
    let second = bench.tick
    do { try bench.exchange.dial(caller, digits: other) } catch { broken.append("exchange seizure: \(error)") }
    if bench.run(400, until: { bench.events(caller, since: second).contains(.farEndAnswered) }) {
        bench.run(20)
        let keyed9 = bench.tick, keyed9At = SignallingLog.now()
        bench.signallingLog.add("check: the caller keys 9")
        bench.send(caller, Bench.dtmf("9"))
        if bench.run(200, until: { bench.cleared(caller, since: keyed9) && farState(caller) == "idle" }) {
            print("  key 9 to clear-back at the exchange and timeslot idle \(SignallingLog.now() - keyed9At) ms")
        } else {
            broken.append("no clear-back within 4 s of key 9 (events \(bench.events(caller, since: keyed9)), exchange timeslot \(farState(caller)))")
        }
    } else {
        broken.append("second call not answered within 8 s (events \(bench.events(caller, since: second)))")
    }
    flush()
    _ = bench.run(50) { bench.center.control.records.count >= 3 }

    // The stored records keep ANI, DNIS and category.
    bench.center.store.stop()
    var stored = bench.storedProblems(dataDirectory, inbound: inbound, ani: ani, dnis: dnis, category: "national-subscriber", callee: callee)
    do {
        let main = try CallStore(path: dataDirectory + "/kefu.db").call(Int64(inbound.rawValue + 2))
        if main?.calledNumber != other || main?.callerNumber != ani {
            broken.append("stored second call: \(main?.callerNumber ?? "none") to \(main?.calledNumber ?? "none")")
        }
    } catch { stored.append("database: \(error)") }
    results[4].1 += stored
    results.append((names[5], broken))
    return results
}
