#if canImport(Glibc)
import Glibc
#endif
import ACD
import CallControl
import Channels
import Foundation
import Storage
import Telephony

/// A callback out over the E1, on either signalling (`vboard-check
/// --e1-callback pri|r2 DATA`): the PRI or R2 board of `--e1-pri` /
/// `--e1-r2` plus spans 3 and 4 (guest/e1-*.conf), Kefu's FXS port 63 for
/// agent 8001's phone, channel 64. The exchange's caller reaches the hotline
/// menu, whose key 2 books a callback in queue "support" (agent paused);
/// key 1 confirms the caller's number (ANI) and the box clears the call. The
/// agent comes back: the phone rings, the agent answers, and Kefu must place
/// the callback to the ANI on the E1 by signalling, take the exchange's
/// answer, bridge agent and caller both ways, clear on the caller's hang-up,
/// and store the leg as a callback to the ANI.
func e1CallbackChecks(pri: Bool, dataDirectory: String) -> [(String, [String])] {
    let kind = pri ? "pri" : "r2"
    let names = ["\(kind)CallbackBookedByTheCallerIsPlacedToTheANIWhenTheAgentAnswers",
                 "\(kind)CallbackBridgesAgentAndCallerAndIsStoredAsACallback"]
    let ani = "13800138000", dnis = "4008005555"
    let caller = ChannelNumber(32), other = ChannelNumber(33), phone = ChannelNumber(64), port = ChannelNumber(63)
    let config = (pri ? e1PRIConfig : e1R2Config)
        .replacingOccurrences(of: "[menus.hotline.keys]\n", with: "[menus.hotline.keys]\n2 = \"callback support\"\n")
        + """

        [lines.phones]
        signalling = "fxs"
        channels = "63"

        [agents.8001]
        phone = 63

        [queues.support]
        agents = ["8001"]
        """
    let bench: E1Bench
    do {
        if pri {
            bench = try E1Bench.pri(config: config, dataDirectory: dataDirectory, exchangeANI: ani,
                                    exchangeChannels: [caller, other, phone], phones: true)
        } else {
            let protocolFile = dataDirectory + "-r2-ani-a5.conf"
            guard FileManager.default.createFile(atPath: protocolFile, contents: Data(r2ANIOnA5.utf8)) else {
                throw BenchFailure("cannot write \(protocolFile)")
            }
            bench = try E1Bench.r2(config: config.replacingOccurrences(of: "PROTOCOL", with: protocolFile), dataDirectory: dataDirectory,
                                   exchangeANI: ani, exchangeDNIS: "13900139000", protocolFile: protocolFile,
                                   exchangeChannels: [caller, other, phone], phones: true)
        }
    } catch {
        return names.map { ($0, ["not run: \(error)"]) }
    }
    defer {
        bench.close()
        for line in bench.takeSignallingLog() { print("  " + line) }
    }
    func flush() { for line in bench.takeSignallingLog() { print("  " + line) } }
    func now() -> SampleTime { SampleTime(samples: Int64(bench.tick) * 160) }
    func fail(_ why: String) -> [(String, [String])] {
        flush()
        return [(names[0], [why]), (names[1], ["not reached: no callback was placed"])]
    }
    if pri, !bench.run(250, until: { bench.linksUp }) { return fail("Q.921 not up on both sides within 5 s") }
    bench.center.control.console(.pause(AgentID("8001"), reason: "meeting"), now: now())

    // The caller books a callback: hotline menu, key 2, key 1 confirms the ANI.
    let dialled = bench.tick
    bench.signallingLog.add("check: the exchange calls \(dnis)")
    do { try bench.exchange.dial(caller, digits: dnis) } catch { return fail("exchange call: \(error)") }
    guard bench.run(pri ? 150 : 400, until: { bench.events(caller, since: dialled).contains(.farEndAnswered) }) else {
        return fail("Kefu did not answer the hotline call (events \(bench.events(caller, since: dialled)))")
    }
    let line = ChannelNumber(1)
    guard let booking = bench.flow.lines[line]?.call else { return fail("no call on \(line) after the answer") }
    bench.run(40)
    bench.signallingLog.add("check: the caller keys 2, then 1")
    bench.send(caller, Bench.dtmf("2"))
    bench.run(150)
    let confirmed = bench.tick
    bench.send(caller, Bench.dtmf("1"))
    guard bench.run(600, until: { bench.cleared(caller, since: confirmed) }) else {
        return fail("the box did not clear the caller's call after the callback was booked (line \(String(describing: bench.flow.lines[line])), number \(bench.flow.calls[booking]?.data["callback_number"] ?? "none"))")
    }
    flush()
    _ = bench.run(50) { bench.center.control.records.contains { $0.id == booking } }
    let booked = bench.center.control.records.first { $0.id == booking }
    print("  callback booked for \(booked?.data["callback_number"] ?? "-") (end \(booked?.end.map { "\($0)" } ?? "-")); the box cleared the caller's call")
    if booked?.data["callback_number"] != ani { return fail("the booked callback's number is \(booked?.data["callback_number"] ?? "none"), the caller's ANI \(ani)") }

    // The agent comes back: the phone rings, the agent answers, Kefu calls the ANI.
    let back = bench.tick, backAt = SignallingLog.now()
    bench.center.control.console(.unpause(AgentID("8001")), now: now())
    guard bench.run(300, until: { bench.events(phone, since: back).contains(.ringBegin) }) else {
        return fail("the agent's phone did not ring within 6 s of the agent's return (port \(String(describing: bench.flow.phones[port])))")
    }
    bench.run(10)
    let answered = bench.tick
    do { try bench.exchange.hook(phone, .offHook) } catch { return fail("agent's phone off hook: \(error)") }
    guard bench.run(pri ? 200 : 400, until: { bench.offered(caller, since: answered) != nil || bench.offered(other, since: answered) != nil }) else {
        return fail("no call from Kefu reached the exchange on timeslots 1-2 within \(pri ? 4 : 8) s of the agent's answer (lines \(bench.flow.lines.filter { $0.value != .idle }))")
    }
    flush()
    let callee = bench.offered(caller, since: answered) != nil ? caller : other
    let offered = bench.offered(callee, since: answered)!
    print("  agent's return to the callback offered at the exchange \(SignallingLog.now() - backAt) ms: from \(offered.calling) to \(offered.called)")
    var broken: [String] = []
    if offered.called != ani || offered.calling != "4008001000" { broken.append("the callback: from \(offered.calling) to \(offered.called), expected 4008001000 to \(ani)") }
    guard case .callingOut(let leg)? = bench.flow.lines.first(where: { $0.value.call != nil && $0.value.call != booking && $0.key.rawValue <= 31 })?.value else {
        return [(names[0], broken + ["no callback leg on a trunk (lines \(bench.flow.lines.filter { $0.value != .idle }))"]), (names[1], ["not reached"])]
    }
    var results = [(names[0], broken)]

    // The caller answers: agent and caller talk; the caller hangs up.
    broken = []
    do { try bench.exchange.hook(callee, .offHook) } catch { broken.append("exchange answer: \(error)") }
    let talking = bench.run(150) { if case .talking? = bench.flow.lines.first(where: { $0.value.call == leg })?.value { return true }; return false }
    flush()
    if talking {
        let (atPhone, atCallee) = bench.bridgedEnergies(phone, callee)
        print("  callback audio energy: caller to agent \(Int(atPhone)), agent to caller \(Int(atCallee))")
        if atPhone < 1e5 || atCallee < 1e5 { broken.append("audio between agent and caller: \(Int(atPhone)) and \(Int(atCallee))") }
    } else {
        broken.append("Kefu did not bridge the agent to the answered callback within 3 s (lines \(bench.flow.lines.filter { $0.value != .idle }))")
    }
    let hungUp = bench.tick
    do { try bench.exchange.hook(callee, .onHook) } catch { broken.append("exchange clearing: \(error)") }
    if !bench.run(250, until: { bench.flow.calls[leg] == nil && bench.center.control.records.contains { $0.id == leg } }) {
        broken.append("the callback leg did not end within 5 s of the caller's hang-up (events at the exchange \(bench.events(callee, since: hungUp)))")
    }
    try? bench.exchange.hook(phone, .onHook)
    bench.run(50)
    flush()
    bench.center.store.stop()
    do {
        let row = try CallStore(path: dataDirectory + "/kefu.db").call(Int64(leg.rawValue))
        print("  stored call-\(leg.rawValue): \(row?.direction ?? "-") to \(row?.callerNumber ?? "-"), agent \(row?.agent ?? "-"), end \(row?.endReason ?? "-")")
        if row?.direction != "callback" || row?.callerNumber != ani || row?.agent != "8001" { broken.append("stored leg: \(row?.direction ?? "none") to \(row?.callerNumber ?? "none"), agent \(row?.agent ?? "none"), expected a callback to \(ani) with agent 8001") }
    } catch { broken.append("database: \(error)") }
    results.append((names[1], broken))
    return results
}
