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
    var broken: [String] = []
    let dialled = bench.tick
    do { try bench.exchange.dial(caller, digits: dnis) } catch { broken.append("exchange SETUP: \(error)") }
    let answered = bench.run(150) { bench.events(caller, since: dialled).contains(.farEndAnswered) }
    flush()
    let line = ChannelNumber(1)
    var callID: CallID?
    if answered {
        print("  SETUP to CONNECT \((bench.tick - dialled) * 20) ms")
        callID = bench.flow.lines[line]?.call
        if let id = callID, let record = bench.flow.calls[id] {
            if record.callerID?.number != ani { broken.append("calling number on the call: \(record.callerID?.number ?? "none"), sent \(ani)") }
            if record.called != dnis { broken.append("called number on the call: \(record.called ?? "none"), sent \(dnis)") }
        } else { broken.append("no call on \(line) after the answer (line \(String(describing: bench.flow.lines[line])))") }
        var loudest = 0.0
        bench.run(60) { loudest = max(loudest, Bench.energy(bench.heard[caller] ?? [])); return false }
        if loudest < 1e4 { broken.append("the exchange heard no greeting after the answer (energy \(Int(loudest)))") }
        let shown = E1Lines.status(bench.box, config: bench.center.config, language: .english).joined()
        let state = E1Lines.signallingState(bench.box, line)
        print("  console: \(shown.trimmingCharacters(in: .whitespaces)); \(line) [\(state ?? "-")]")
        if !shown.contains("D channel up") || !shown.contains("1 of 30 channels in calls") || state != "pri answered" {
            broken.append("console: '\(shown)', \(line) signalling '\(state ?? "none")'")
        }
        if bench.flow.calls[callID ?? CallID(-1)]?.menuPath.first != "hotline" {
            broken.append("menus of the call: \(bench.flow.calls[callID ?? CallID(-1)]?.menuPath ?? []), expected the DNIS's 'hotline' first")
        }
    } else {
        broken.append("no CONNECT within 3 s of the SETUP (events \(bench.events(caller, since: dialled)))")
    }
    results.append((names[1], broken))
    guard broken.isEmpty, let inbound = callID else { return results + names[2...].map { ($0, ["not reached: the inbound call failed"]) } }

    // 3. Key 1: Kefu places a call on the E1; the exchange answers it.
    broken = []
    bench.run(20)
    let keyed = bench.tick
    bench.send(caller, Bench.dtmf("1"))
    let offered = bench.run(200) { bench.events(answering, since: keyed).contains { if case .incomingCall = $0 { return true }; return false } }
    flush()
    if offered, case .incomingCall(let call)? = bench.events(answering, since: keyed).first(where: { if case .incomingCall = $0 { return true }; return false }) {
        print("  key to SETUP at the exchange \((bench.tick - keyed) * 20) ms: from \(call.calling) to \(call.called)")
        if call.called != callee || call.calling != "4008001000" { broken.append("Kefu's SETUP: from \(call.calling) to \(call.called), expected 4008001000 to \(callee)") }
        do { try bench.exchange.hook(answering, .offHook) } catch { broken.append("exchange CONNECT: \(error)") }
        let connected = bench.run(150) { bench.flow.calls[inbound]?.connected != nil }
        flush()
        if connected {
            let (heardAtCaller, heardAtCallee) = bench.bridgedEnergies(caller, answering)
            print("  bridged audio energy: callee to caller \(Int(heardAtCaller)), caller to callee \(Int(heardAtCallee))")
            if heardAtCaller < 1e5 || heardAtCallee < 1e5 { broken.append("audio across the E1 bridge: \(Int(heardAtCaller)) and \(Int(heardAtCallee))") }
        } else {
            broken.append("Kefu did not take the exchange's CONNECT as the answer within 3 s (line \(String(describing: bench.flow.lines[line])))")
        }
    } else {
        broken.append("no SETUP from Kefu within 4 s of key 1 (line \(String(describing: bench.flow.lines[line])))")
    }
    results.append((names[2], broken))
    guard broken.isEmpty else { return results + [(names[3], ["not reached: the outbound call failed"])] }

    // 4. The caller hangs up: DISCONNECT from the exchange; Kefu clears its own call too.
    broken = []
    let hungUp = bench.tick
    do { try bench.exchange.hook(caller, .onHook) } catch { broken.append("exchange DISCONNECT: \(error)") }
    let cleared = bench.run(150) {
        bench.events(answering, since: hungUp).contains { if case .farEndCleared = $0 { return true }; return false }
            && bench.flow.lines[line] == .idle && bench.center.control.records.count >= 2
    }
    flush()
    if !cleared { broken.append("after the caller's DISCONNECT: callee cleared \(bench.events(answering, since: hungUp)), line \(String(describing: bench.flow.lines[line])), records \(bench.center.control.records.count)") }
    bench.center.store.stop()
    do {
        let store = try CallStore(path: dataDirectory + "/kefu.db")
        let row = try store.call(Int64(inbound.rawValue))
        if let row {
            print("  stored call-\(inbound.rawValue): caller \(row.callerNumber ?? "-") called \(row.calledNumber ?? "-") end \(row.endReason ?? "-") release \(row.release?.text(chinese: false) ?? "-")")
            if row.callerNumber != ani || row.calledNumber != dnis { broken.append("stored numbers: \(row.callerNumber ?? "none") to \(row.calledNumber ?? "none")") }
            if row.release?.kind != .networkClear { broken.append("stored release: \(row.release?.kind.rawValue ?? "none"), expected network-clear") }
        } else { broken.append("call-\(inbound.rawValue) is not in the database") }
        let leg = try store.call(Int64(inbound.rawValue + 1))
        if leg?.direction != "transfer" || leg?.callerNumber != callee { broken.append("stored outbound call: \(leg?.direction ?? "none") to \(leg?.callerNumber ?? "none")") }
    } catch { broken.append("database: \(error)") }
    results.append((names[3], broken))
    return results
}
