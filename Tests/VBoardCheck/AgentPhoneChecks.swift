import CallControl
import Channels
import DSP
import KefuDaemon
import Telephony

/// The agent's analog phone on real drivers, heard and driven from the phone
/// side (span 2): dial tone, feature codes as DTMF audio, the confirmation
/// tone, and the ring cadence of an offered call.
enum AgentPhoneChecks {
    /// Listens to what a far channel hears with a tone detector, one block per step.
    final class Listener {
        let detector: ToneDetector
        private let events = DSPEventBuffer(capacity: 16)
        private(set) var heard: [String] = []

        init(_ plan: TonePlan) { detector = ToneDetector(plan: plan) }

        func listen(_ block: [Int16]?) {
            guard let block else { return }
            block.withUnsafeBufferPointer { detector.process($0, into: events) }
            for i in 0..<events.count {
                if case .toneBegin(let tone, _, _, _) = events[i] { heard.append(detector.plan.tones[tone.rawValue].name) }
            }
            events.removeAll()
        }
    }

    /// The phone on `port` (far end `phone`) goes off hook, must hear China's
    /// dial tone, dials `digits` as DTMF audio, must hear the confirmation
    /// tone while agent `agent` becomes `expect`, and hangs up.
    static func featureCode(_ bench: Bench, phone: ChannelNumber, port: ChannelNumber, agent: String,
                            digits: String, expect: String) -> [String] {
        var broken: [String] = []
        let dial = Listener(.china)
        if let problem = bench.hook(phone, .offHook) { return [problem] }
        let lifted = bench.tick
        bench.run(220) {
            dial.listen(bench.heard[phone])
            return dial.heard.contains("dialtone")
        }
        if !dial.heard.contains("dialtone") {
            broken.append("'\(digits)': no China dial tone (450 Hz, continuous) heard on the phone within 4.4 s of lifting it"
                          + (dial.heard.isEmpty ? "" : " (heard \(dial.heard))") + "; port state \(String(describing: bench.flow.phones[port]))")
        }
        let dialTone = bench.tick - lifted
        bench.send(phone, Bench.dtmf(digits))
        let confirm = Listener(PromptLibrary.acceptedTone)
        bench.run(250) {
            confirm.listen(bench.heard[phone])
            return confirm.heard.contains("accepted") && bench.status(agent) == expect
        }
        if bench.status(agent) != expect { broken.append("'\(digits)': agent \(agent) is \(bench.status(agent)), expected \(expect)") }
        if !confirm.heard.contains("accepted") { broken.append("'\(digits)': no confirmation tone (880 Hz beeps) heard on the phone") }
        if let problem = bench.hook(phone, .onHook) { broken.append(problem) }
        bench.run(150) { bench.flow.phones[port] == .idle }
        if bench.flow.phones[port] != .idle { broken.append("'\(digits)': port \(port) is \(String(describing: bench.flow.phones[port])) after hanging up") }
        print("  feature code \(digits) on \(port): dial tone recognised \(dialTone * 20) ms after lifting; agent \(agent) \(bench.status(agent))")
        return broken
    }

    /// The far phone's ring events from `since`: the first burst's length and
    /// the gap to the next, checked against China's 1 s on, 4 s off in DAHDI
    /// time (blocks). The phone's side reports a ring's end only after
    /// DAHDI_RINGTRAILER (50 ms) without ringing, so it sees 1050 ms on and
    /// 3950 ms off; within `slack` ms (a block's 20 ms of rounding, and 10).
    static func ringCadence(_ bench: Bench, phone: ChannelNumber, since: Int, slack: Int = 30) -> [String] {
        let rings = bench.events(phone, since: since).filter { $0.event == .ringBegin || $0.event == .ringEnd }
        guard let first = rings.firstIndex(where: { $0.event == .ringBegin }), rings.count >= first + 3,
              rings[first + 1].event == .ringEnd, rings[first + 2].event == .ringBegin else {
            return ["the phone saw no ring, pause, ring (events \(rings.map { "\($0.event)@\($0.tick)" }))"]
        }
        let on = rings[first + 1].tick - rings[first].tick, off = rings[first + 2].tick - rings[first + 1].tick
        print("  ring cadence seen by the phone: \(on * 20) ms on, \(off * 20) ms off")
        var broken: [String] = []
        if abs(on * 20 - 1050) > slack { broken.append("ring burst seen \(on * 20) ms, expected 1000 + 50 ms trailer ± \(slack) ms") }
        if abs(off * 20 - 3950) > slack { broken.append("ring pause seen \(off * 20) ms, expected 4000 - 50 ms trailer ± \(slack) ms") }
        return broken
    }
}
