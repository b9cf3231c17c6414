import CallControl
import Console
import Foundation
import KefuDaemon
import Channels
import DSP
import Records
import Storage
import Telephony

/// The center on the E1 board: one PRI group on span 1 whose hotline
/// 4008005555 goes to the "hotline" menu, where key 1 puts the caller
/// through to 13900139000 on the same E1 (a call Kefu places).
let e1PRIConfig = """
[system]
languages = ["zh"]
board = "dahdi"

[lines.pri]
signalling = "e1-pri"
span = 1
channels = "1-15,17-31"
d_channel = 16
framing = "ccs"
line_code = "hdb3"
crc4 = true
own_number = "4008001000"
menu = "main"
[lines.pri.dnis]
"4008005555" = "hotline"

[menus.main]
prompt = "greeting"
[menus.main.keys]
9 = "hangup"

[menus.hotline]
prompt = "greeting"
timeout = 8
[menus.hotline.keys]
1 = "dial pri 13900139000"

[recording]
min_free_mb = 50
"""

/// The PRI checks, in order, each with what it found broken: Q.921 comes
/// up; the exchange calls the hotline and Kefu answers into its menu with
/// the numbers on the call; key 1 makes Kefu place a call on the E1, which
/// the exchange answers, audio crossing both ways; the caller's DISCONNECT
/// clears both calls and the stored records keep ANI and DNIS.
func e1PRIChecks(dataDirectory: String) -> [(String, [String])] {
    let names = ["priQ921ComesUpOnBothSides", "priInboundCallDeliversANIAndDNISIntoTheHotlineMenu",
                 "priOutboundCallPlacedByKefuIsAnsweredWithAudioBothWays", "priDisconnectClearsBothCallsAndRecordsKeepTheNumbers"]
    let ani = "13800138000", dnis = "4008005555", callee = "13900139000"
    let caller = ChannelNumber(32), answering = ChannelNumber(33)  // exchange timeslots 1 and 2
    let bench: E1Bench
    do {
        bench = try E1Bench.pri(config: e1PRIConfig, dataDirectory: dataDirectory, exchangeANI: ani, exchangeChannels: [caller, answering])
    } catch {
        return names.map { ($0, ["not run: \(error)"]) }
    }
    defer {
        bench.close()
        for line in bench.takeSignallingLog() { print("  " + line) }
    }
    var results: [(String, [String])] = []
    func flush() { for line in bench.takeSignallingLog() { print("  " + line) } }

    // 1. Q.921.
    let up = bench.run(250) { bench.linksUp }
    flush()
    print("  D channels up after \(bench.tick * 20) ms")
    results.append((names[0], up ? [] : ["Q.921 not up on both sides within 5 s"]))
    guard up else { return results + names[1...].map { ($0, ["not reached: no D channel"]) } }

    // 2. Inbound: SETUP from the exchange on timeslot 1.
    let line = ChannelNumber(1)
    let (callID, inboundProblems) = bench.inboundCallProblems(caller: caller, line: line, ani: ani, dnis: dnis, category: nil, placed: "SETUP", answer: "CONNECT",
                                                  blocks: 150, console: ["D channel up", "1 of 30 channels in calls", "(not reported by the driver)"], state: "pri answered")
    var broken = inboundProblems
    results.append((names[1], broken))
    guard broken.isEmpty, let inbound = callID else { return results + names[2...].map { ($0, ["not reached: the inbound call failed"]) } }

    // 3. Key 1: Kefu places a call on the E1; the exchange answers it.
    broken = bench.outboundCallProblems(caller: caller, answering: answering, line: line, inbound: inbound, callee: callee, own: "4008001000",
                                        placed: "SETUP", answer: "CONNECT", blocks: 200)
    results.append((names[2], broken))
    guard broken.isEmpty else { return results + [(names[3], ["not reached: the outbound call failed"])] }

    // 4. The caller hangs up: DISCONNECT from the exchange; Kefu clears its own call too.
    broken = []
    let hungUp = bench.tick
    do { try bench.exchange.hook(caller, .onHook) } catch { broken.append("exchange DISCONNECT: \(error)") }
    let cleared = bench.run(150) {
        bench.cleared(answering, since: hungUp) && bench.flow.lines[line] == .idle && bench.center.control.records.count >= 2
    }
    flush()
    if !cleared { broken.append("after the caller's DISCONNECT: callee cleared \(bench.events(answering, since: hungUp)), line \(String(describing: bench.flow.lines[line])), records \(bench.center.control.records.count)") }
    bench.center.store.stop()
    broken += bench.storedProblems(dataDirectory, inbound: inbound, ani: ani, dnis: dnis, category: nil, callee: callee)
    results.append((names[3], broken))
    return results
}
