// vboard-check — runs the channel contract on real DAHDI drivers.
//
// Meant to run inside the virtual board (board/virtual/test.sh), where spans 1
// and 3 are Kefu's side and spans 2 and 4 the test exchange and phones: the
// channel contract, a whole call through kefud's graph, then on a center with
// lines on two spans: feature codes from an agent's phone, DTMF caller ID, the
// ring cadence, and span 3's alarm mid-call and its recovery; then kefu
// setup's scan and port tests (SetupChecks.swift; `vboard-check --setup` alone), and
// `kefu setup learn` on four exchange behaviours (LineLearningCheck.swift;
// `vboard-check --line-learning DATA` alone). Prints one line
// per check and a closing "N passed, N failed"; exits non-zero when any check
// fails. Argument: the directory for the calls' data.
// Environment: VBOARD_GUEST, the folder with span4.conf (test.sh sets it).
//
// `vboard-check --e1-pri DATA` instead runs the E1 checks on the E1 board
// (guest/e1-pri.conf: two looped 31-timeslot spans under ISDN PRI);
// `vboard-check --e1-r2 DATA` the same under MFC/R2 (guest/e1-r2.conf);
// `vboard-check --e1-callback pri|r2 DATA` a callback out on either board
// (E1Callback.swift).
// `vboard-check --power-cut DATA LEDGER [SECONDS]` instead lives one life of
// the power-cut test (PowerCut.swift; board/virtual/power-cut.sh).
//
// `vboard-check --learning-exchange LINE` makes one learning test call on
// LINE (1, 2, 9 or 10) for `kefu setup learn` run by hand.
// `vboard-check --exchange-call` plays the exchange and a phone on span 2
// for one call through a kefud running on its own (ExchangeCall.swift;
// image/test.sh, in the appliance image).
import Channels
import DAHDIChannels
import KefuTesting

#if canImport(Glibc)
import Glibc
#endif

if CommandLine.arguments.count >= 3, ["--e1-pri", "--e1-r2"].contains(CommandLine.arguments[1]) {
    // The E1 boards (guest/e1-pri.conf, guest/e1-r2.conf): PRI or MFC/R2 calls in and out.
    let data = CommandLine.arguments[2], pri = CommandLine.arguments[1] == "--e1-pri"
    _ = mkdir(data, 0o750)
    exit(report(pri ? e1PRIChecks(dataDirectory: data + "/e1-pri") : e1R2Checks(dataDirectory: data + "/e1-r2"), CommandLine.arguments[1]))
}
if CommandLine.arguments.count >= 4, CommandLine.arguments[1] == "--e1-callback", ["pri", "r2"].contains(CommandLine.arguments[2]) {
    let data = CommandLine.arguments[3], kind = CommandLine.arguments[2]
    _ = mkdir(data, 0o750)
    exit(report(e1CallbackChecks(pri: kind == "pri", dataDirectory: data + "/e1-callback-" + kind), "--e1-callback \(kind)"))
}

/// Prints one line per check and the closing count; the exit status.
func report(_ results: [(String, [String])], _ mode: String) -> Int32 {
    var failures = 0
    for (name, broken) in results {
        print(broken.isEmpty ? "PASS \(name)" : "FAIL \(name): " + broken.joined(separator: "; "))
        if !broken.isEmpty { failures += 1 }
    }
    print("vboard-check \(mode): \(failures == 0 ? "all passed" : "\(failures) failed")")
    return failures == 0 ? 0 : 1
}
if CommandLine.arguments.count >= 4, CommandLine.arguments[1] == "--power-cut" {
    let a = CommandLine.arguments
    exit(powerCutLife(data: a[2], ledgerPath: a[3], seconds: a.count > 4 ? Int(a[4]) ?? 120 : 120))
}
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--learning-exchange" {
    // One test call on a line as the learning check's exchange makes it, for
    // trying `kefu setup learn LINE` by hand in the guest (board/virtual/run.sh --shell).
    exit(learningExchangeCall(line: Int(CommandLine.arguments[2]) ?? 0))
}
if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--exchange-call" {
    exit(exchangeCall())
}
let channels: [ChannelInfo]
do {
    channels = try DAHDIDiscovery.channels()
} catch {
    print("vboard-check: \(error)")
    exit(2)
}
print("DAHDI channels: " + channels.map { "\($0.number.rawValue)=\($0.signalling.rawValue)@\($0.span)" }.joined(separator: " "))
var passed = 0, failed = 0
@MainActor func report(_ name: String, _ broken: [String]) {
    if broken.isEmpty {
        print("PASS \(name)")
        passed += 1
    } else {
        print("FAIL \(name): " + broken.joined(separator: "; "))
        failed += 1
    }
}
if CommandLine.arguments.dropFirst().first == "--setup" {
    for (name, broken) in setupChecks() { report(name, broken) }
    print("vboard-check: \(passed) passed, \(failed) failed")
    exit(failed == 0 ? 0 : 1)
}
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "--line-learning" {
    for (name, broken) in lineLearningChecks(dataDirectory: CommandLine.arguments[2]) { report(name, broken) }
    print("vboard-check: \(passed) passed, \(failed) failed")
    exit(failed == 0 ? 0 : 1)
}
for (name, check) in ChannelContract.checks {
    let harness: DAHDIContractHarness
    do { harness = try DAHDIContractHarness() } catch {
        print("FAIL \(name): cannot set up: \(error)")
        failed += 1
        continue
    }
    report(name, check(harness))
    for c in harness.box.channels.map(\.number) where harness.box.isOpen(c) { try? harness.box.close(c) }
    for c in harness.far.channels.map(\.number) where harness.far.isOpen(c) { try? harness.far.close(c) }
}
let data = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "/tmp/kefu-vboard"
_ = mkdir(data, 0o750)
let calls = [("fullCallOnRealDrivers", fullCall(dataDirectory: data + "/full-call"))] + twoSpanChecks(dataDirectory: data + "/two-spans")
    + lineLearningChecks(dataDirectory: data + "/line-learning")
    + setupChecks()
for (name, broken) in calls { report(name, broken) }
print("vboard-check: \(passed) passed, \(failed) failed")
exit(failed == 0 ? 0 : 1)
