import Channels
import Foundation
import Testing
@testable import Setup

/// The flow on a DAHDI board given to it (the steps are a table, so the
/// detect step can be replaced): system.conf beside kefu.toml, and ports
/// the board cannot tell.
@Suite struct SetupDAHDIPlanTests {
    /// A dynamic span of four unconfigured ports and an analog card.
    static let board = DetectedBoard(board: "dahdi", spans: [
        DetectedSpan(number: 1, name: "DYN/loc/1:0", description: "loc", type: "dynamic", channelCount: 3, ports: (1...3).map {
            DetectedPort(channel: $0, span: 1, name: "DYN/loc/1:0/\($0)", kind: .either)
        }),
    ] + SystemConfTextTests.board.spans.map { span in
        var s = span
        s.number += 1
        s.ports = s.ports.map { p in var q = p; q.channel += 3; q.span += 1; return q }
        return s
    })

    func run(_ scratch: Scratch, board: DetectedBoard = Self.board, _ configure: (inout SetupOptions) -> Void) -> (SetupSession, SetupRefusal?) {
        var o = SetupOptions()
        o.configPath = scratch.path + "/kefu.toml"
        o.systemConfPath = scratch.path + "/system.conf"
        o.yes = true
        o.skipTests = true
        configure(&o)
        let session = SetupSession(options: o, console: ScriptedConsole(), unixSeconds: now)
        let given = SetupStep(name: "detect") { s in
            s.board = board
            s.plan.board = "dahdi"
        }
        let steps = Setup.steps.filter { !["apply", "tests"].contains($0.name) }.map { $0.name == "detect" ? given : $0 }
        return (session, Setup.run(session, steps: steps))
    }

    @Test func portsTheBoardCannotTellMustBeNamed() {
        let scratch = Scratch("either")
        defer { scratch.remove() }
        let (_, refusal) = run(scratch) { _ in }
        #expect(refusal?.english == "channels 1-3 take either signalling (DYN/loc/1:0/1) and are not configured: say which are lines and which phones, e.g. --fxo 1-2 --fxs 3-4")
        #expect(!scratch.exists("kefu.toml") && !scratch.exists("system.conf"))
    }

    @Test func aDAHDIBoardGetsSystemConfBesideKefuToml() throws {
        let scratch = Scratch("dahdi")
        defer { scratch.remove() }
        let (session, refusal) = run(scratch) { $0.fxo = "1,4-5"; $0.fxs = "2,6-7" }
        #expect(refusal == nil, "\(String(describing: refusal))")
        let conf = try #require(scratch.read("system.conf"))
        #expect(conf.contains("\nfxsks=1,4-5\nfxoks=2,6-7\nloadzone=cn\ndefaultzone=cn\n"))
        #expect(conf.contains("# kefu: span 3 TE4/0/1 \"T4XXP E1\": E1: no kefu.toml E1 group is on it; its lines are kept as they are"))
        #expect(scratch.read("kefu.toml")?.contains("board = \"dahdi\"") == true)
        #expect(session.files.map(\.path) == [scratch.path + "/kefu.toml", scratch.path + "/system.conf"])
        // Channel 3 was left out: it is neither line nor phone.
        #expect(!session.plan.lines.contains(3) && !session.plan.phones.contains(3))
        // Again: nothing to change in either file.
        let (again, _) = run(scratch) { $0.fxo = "1,4-5"; $0.fxs = "2,6-7" }
        #expect(again.files.allSatisfy { !$0.changes } && !scratch.exists("system.conf.bak"), "\(again.files.flatMap(\.diff))")
    }
}
