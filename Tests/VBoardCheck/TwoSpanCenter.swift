import CallControl
import Channels
import DSP
import KefuDaemon
import Telephony

/// The center of the later checks: lines 1-2 on span 1 and 9-10 on span 3,
/// agent 8001 (port 3) answering "help" (key 5), agent 8002 (port 4)
/// answering "sales" (key 6).
let twoSpanConfig = """
[system]
languages = ["zh"]
board = "dahdi"

[lines.pstn]
signalling = "fxo"
channels = "1-2"
menu = "main"

[lines.second]
signalling = "fxo"
channels = "9-10"
menu = "main"

[lines.phones]
signalling = "fxs"
channels = "3-4"

[agents.8001]
phone = 3

[agents.8002]
phone = 4

[queues.help]
agents = ["8001"]

[queues.sales]
agents = ["8002"]

[menus.main]
prompt = "greeting"
timeout = 8

[menus.main.keys]
5 = "queue help"
6 = "queue sales"

[recording]
min_free_mb = 50
"""

/// The checks on the two-span center, in the order they run, each with what
/// it found broken. One center serves them all: the agent's phone first,
/// then a call with DTMF caller ID (whose offer shows the ring cadence), a
/// second call on span 3, span 3's alarm and its recovery.
func twoSpanChecks(dataDirectory: String) -> [(String, [String])] {
    let names = ["agentFeatureCodesWithDialToneAndConfirmationTone", "dtmfCallerIDBeforeFirstRing", "phoneRingsWithChinaCadence",
                 "spanAlarmFailsItsCallAndReleasesTheAgent", "callOnOtherSpanContinuesDuringAlarm",
                 "liveViewShowsSpansAndAlarm", "alarmClearsAndLineTakesCallsWithoutRestart"]
    let bench: Bench, span4: SpanControl
    do {
        span4 = try SpanControl()
        bench = try Bench(config: twoSpanConfig, dataDirectory: dataDirectory)
    } catch {
        return names.map { ($0, ["not run: \(error)"]) }
    }
    defer { bench.close() }
    var results: [(String, [String])] = []
    // DAHDI ignores ringing for 2 s after a line is opened: let that pass.
    bench.run(110)

    let phone4 = ChannelNumber(8), port4 = ChannelNumber(4)
    results.append((names[0],
                    AgentPhoneChecks.featureCode(bench, phone: phone4, port: port4, agent: "8002", digits: "*2#", expect: "logged-out")
                        + AgentPhoneChecks.featureCode(bench, phone: phone4, port: port4, agent: "8002", digits: "*1#", expect: "available")))

    // Call B: span 1, DTMF caller ID before the first ring, key 6 → agent 8002 (its ring cadence watched).
    let (cidProblems, callB) = CallScript.dtmfCallerID(bench, exchange: ChannelNumber(5), line: ChannelNumber(1), number: "13800138000")
    results.append((names[1], cidProblems))
    let offeredB = bench.tick
    var reachB = callB ? CallScript.reachAgent(bench, exchange: ChannelNumber(5), line: ChannelNumber(1), key: "6",
                                               phone: phone4, watchCadence: true) : ["call B was not answered"]
    results.append((names[2], callB ? AgentPhoneChecks.ringCadence(bench, phone: phone4, since: offeredB) : ["not reached: call B was not answered"]))

    // Call A: span 3, key 5 → agent 8001.
    let exchangeA = ChannelNumber(11), lineA = ChannelNumber(9), phone3 = ChannelNumber(7), port3 = ChannelNumber(3)
    var reachA = CallScript.ring(bench, exchange: exchangeA, line: lineA)
    if reachA.isEmpty { reachA = CallScript.reachAgent(bench, exchange: exchangeA, line: lineA, key: "5", phone: phone3, watchCadence: false) }
    guard reachA.isEmpty, reachB.isEmpty else {
        reachB += reachA
        return results + names[3...].map { ($0, ["not reached: " + reachB.joined(separator: "; ")]) }
    }
    results += SpanAlarmScript.run(bench, span4: span4, names: Array(names[3...]),
                                   callA: (exchangeA, lineA, phone3, port3), callB: (ChannelNumber(5), ChannelNumber(1), phone4))
    return results
}
