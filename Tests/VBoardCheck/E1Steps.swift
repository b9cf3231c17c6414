import CallControl
import Channels
import E1Signalling
import Foundation
import KefuDaemon
import Storage

/// Steps the PRI and R2 checks share: what the exchange was offered or
/// cleared, the greeting after an inbound answer, and the call Kefu places
/// when the caller keys 1.
extension E1Bench {
    /// The first call offered to the exchange on `c` since block `since`.
    func offered(_ c: ChannelNumber, since: Int) -> TrunkCall? {
        for case .incomingCall(let call) in events(c, since: since) { return call }
        return nil
    }

    /// Whether the exchange's call on `c` was cleared from Kefu's side since block `since`.
    func cleared(_ c: ChannelNumber, since: Int) -> Bool {
        events(c, since: since).contains { if case .farEndCleared = $0 { return true }; return false }
    }

    /// The exchange calls `dnis` from its `caller` (timeslot 1): Kefu's
    /// `line` must answer within `blocks`, the call carry `ani`, `dnis` and
    /// `category` and start in the hotline menu, the greeting reach the
    /// exchange, and the console show the texts `console` and the line's
    /// signalling `state`. `placed` and `answer` name the signalling's messages.
    func inboundCallProblems(caller: ChannelNumber, line: ChannelNumber, ani: String, dnis: String, category: String?,
                             placed: String, answer: String, blocks: Int, console: [String], state: String) -> (CallID?, [String]) {
        var broken: [String] = []
        let dialled = tick, dialledAt = SignallingLog.now()
        signallingLog.add("check: the exchange calls \(dnis)")
        do { try exchange.dial(caller, digits: dnis) } catch { broken.append("exchange \(placed): \(error)") }
        let answered = run(blocks) { events(caller, since: dialled).contains(.farEndAnswered) }
        for l in takeSignallingLog() { print("  " + l) }
        guard answered else {
            return (nil, broken + ["no \(answer) within \(blocks / 50) s of the \(placed) (events \(events(caller, since: dialled)), line \(String(describing: flow.lines[line])))"])
        }
        print("  \(placed) to \(answer) \(SignallingLog.now() - dialledAt) ms")
        let id = flow.lines[line]?.call
        if let id, let record = flow.calls[id] {
            if record.callerID?.number != ani { broken.append("calling number on the call: \(record.callerID?.number ?? "none"), sent \(ani)") }
            if record.called != dnis { broken.append("called number on the call: \(record.called ?? "none"), sent \(dnis)") }
            if record.category != category { broken.append("category on the call: \(record.category ?? "none"), sent \(category ?? "none")") }
            if record.menuPath.first != "hotline" { broken.append("menus of the call: \(record.menuPath), expected the DNIS's 'hotline' first") }
        } else { broken.append("no call on \(line) after the answer (line \(String(describing: flow.lines[line])))") }
        broken += greetingProblems(caller)
        let shown = E1Lines.status(box, config: center.config, language: .english).joined()
        let signalling = E1Lines.signallingState(box, line)
        print("  console: \(shown.trimmingCharacters(in: .whitespaces)); \(line) [\(signalling ?? "-")]")
        if !console.allSatisfy({ shown.contains($0) }) || signalling != state {
            broken.append("console: '\(shown)', \(line) signalling '\(signalling ?? "none")'")
        }
        return (id, broken)
    }

    /// After Kefu answered: its menu's greeting must reach the exchange on `caller`.
    func greetingProblems(_ caller: ChannelNumber) -> [String] {
        var loudest = 0.0
        run(60) { loudest = max(loudest, Bench.energy(heard[caller] ?? [])); return false }
        return loudest < 1e4 ? ["the exchange heard no greeting after the answer (energy \(Int(loudest)))"] : []
    }

    /// Key 1 on `caller` (the inbound call `inbound` on Kefu's `line`): Kefu
    /// must place a call from `own` to `callee` that the exchange is offered
    /// on `answering` within `blocks`; the exchange answers, Kefu must take
    /// it as the answer and a tone cross each way. `placed` and `answer`
    /// name the signalling's messages in what it reports.
    func outboundCallProblems(caller: ChannelNumber, answering: ChannelNumber, line: ChannelNumber, inbound: CallID, callee: String, own: String,
                              placed: String, answer: String, blocks: Int) -> [String] {
        var broken: [String] = []
        run(20)
        let keyed = tick, keyedAt = SignallingLog.now()
        signallingLog.add("check: the caller keys 1")
        send(caller, Bench.dtmf("1"))
        let reached = run(blocks) { offered(answering, since: keyed) != nil }
        for l in takeSignallingLog() { print("  " + l) }
        guard reached, let call = offered(answering, since: keyed) else {
            return ["no \(placed) from Kefu within \(blocks / 50) s of key 1 (line \(String(describing: flow.lines[line])))"]
        }
        print("  key to \(placed) at the exchange \(SignallingLog.now() - keyedAt) ms: from \(call.calling) to \(call.called)\(call.category.map { ", \($0)" } ?? "")")
        if call.called != callee || call.calling != own { broken.append("Kefu's \(placed): from \(call.calling) to \(call.called), expected \(own) to \(callee)") }
        do { try exchange.hook(answering, .offHook) } catch { broken.append("exchange \(answer): \(error)") }
        let connected = run(150) { flow.calls[inbound]?.connected != nil }
        for l in takeSignallingLog() { print("  " + l) }
        guard connected else {
            return broken + ["Kefu did not take the exchange's \(answer) as the answer within 3 s (line \(String(describing: flow.lines[line])))"]
        }
        let (atCaller, atCallee) = bridgedEnergies(caller, answering)
        print("  bridged audio energy: callee to caller \(Int(atCaller)), caller to callee \(Int(atCallee))")
        if atCaller < 1e5 || atCallee < 1e5 {
            let speech = (box.r2Links + exchange.r2Links).map { "\($0.settings.span) \($0.speechCounts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key) \($0.value.heard)/\($0.value.sent)" })" }
            broken.append("audio across the E1 bridge: \(Int(atCaller)) and \(Int(atCallee)); R2 speech samples heard/sent \(speech)")
        }
        return broken
    }

    /// Once the store has stopped: the inbound call's stored row must keep
    /// `ani`, `dnis` (and `category`) and the network's clearing, and the
    /// next row be the transfer to `callee`.
    func storedProblems(_ dataDirectory: String, inbound: CallID, ani: String, dnis: String, category: String?, callee: String) -> [String] {
        var broken: [String] = []
        do {
            let store = try CallStore(path: dataDirectory + "/kefu.db")
            if let row = try store.call(Int64(inbound.rawValue)) {
                print("  stored call-\(inbound.rawValue): caller \(row.callerNumber ?? "-") called \(row.calledNumber ?? "-") category \(row.callerCategory ?? "-") end \(row.endReason ?? "-") release \(row.release?.text(chinese: false) ?? "-")")
                if row.callerNumber != ani || row.calledNumber != dnis || row.callerCategory != category {
                    broken.append("stored call: \(row.callerNumber ?? "none") to \(row.calledNumber ?? "none"), category \(row.callerCategory ?? "none")")
                }
                if row.release?.kind != .networkClear { broken.append("stored release: \(row.release?.kind.rawValue ?? "none"), expected network-clear") }
            } else { broken.append("call-\(inbound.rawValue) is not in the database") }
            let leg = try store.call(Int64(inbound.rawValue + 1))
            if leg?.direction != "transfer" || leg?.callerNumber != callee { broken.append("stored outbound call: \(leg?.direction ?? "none") to \(leg?.callerNumber ?? "none")") }
        } catch { broken.append("database: \(error)") }
        return broken
    }
}
