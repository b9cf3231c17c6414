import Channels
import Glibc
import Testing
@testable import Setup

@Suite struct SystemConfTextTests {
    /// A TDM410-like analog span (ports 1-2 FXO modules, 3-4 FXS) and an E1 span.
    static let board = DetectedBoard(board: "dahdi", spans: [
        DetectedSpan(number: 1, name: "WCTDM/0", description: "Wildcard TDM410P", type: "analog", channelCount: 4, ports: [
            DetectedPort(channel: 1, span: 1, name: "WCTDM/0/0", kind: .line), DetectedPort(channel: 2, span: 1, name: "WCTDM/0/1", kind: .line),
            DetectedPort(channel: 3, span: 1, name: "WCTDM/0/2", kind: .phone), DetectedPort(channel: 4, span: 1, name: "WCTDM/0/3", kind: .phone),
        ]),
        DetectedSpan(number: 2, name: "TE4/0/1", description: "T4XXP E1", type: "E1", channelCount: 2, ports: [
            DetectedPort(channel: 5, span: 2, name: "TE4/0/1/1", kind: .digital), DetectedPort(channel: 6, span: 2, name: "TE4/0/1/2", kind: .digital),
        ]),
    ])

    static var plan: SetupPlan {
        var p = SetupPlan()
        p.lines = [1, 2]
        p.phones = [3, 4]
        return p
    }

    @Test func aNewSystemConfSignalsLinesFxsksPhonesFxoksAndLoadsTheChinaZone() throws {
        let text = try SystemConfText.merge(old: nil, board: Self.board, plan: Self.plan)
        #expect(text == """
        # kefu: written by `kefu setup`; it owns the fxsks=/fxoks=, loadzone= and
        # kefu: defaultzone= lines and keeps every other line. Apply with: dahdi_cfg -vv
        # kefu: span 1 WCTDM/0 "Wildcard TDM410P": FXO lines 1-2, FXS ports 3-4
        # kefu: span 2 TE4/0/1 "T4XXP E1": E1: no kefu.toml E1 group is on it; its lines are kept as they are
        fxsks=1-2
        fxoks=3-4
        loadzone=cn
        defaultzone=cn

        """)
    }

    @Test func linesSetupDoesNotOwnStayWhereTheyAre() throws {
        let old = "# the board\ndynamic=loc,1:0,24,0\nfxsks=1-4\nfxoks=5-8\nloadzone=us\ndefaultzone=us\ncas=17-31:1001\n"
        let text = try SystemConfText.merge(old: old, board: Self.board, plan: Self.plan)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == ["# the board", "dynamic=loc,1:0,24,0"])
        #expect(lines.last == "cas=17-31:1001")
        #expect(!lines.contains("fxsks=1-4") && !lines.contains("loadzone=us"))
        #expect(lines.contains("fxsks=1-2") && lines.contains("defaultzone=cn"))
        // Merging again changes nothing.
        #expect(try SystemConfText.merge(old: text, board: Self.board, plan: Self.plan) == text)
    }

    @Test(arguments: [
        ("--fxs", PortKind.phone, "1", "--fxs: channel 1 has an FXO module (for a line from the exchange); a phone needs an FXS port"),
        ("--fxo", PortKind.line, "3", "--fxo: channel 3 has an FXS module (for a phone); a line from the exchange needs an FXO port"),
        ("--fxo", PortKind.line, "5", "--fxo: channel 5 is on a digital span (E1/T1): give it to an E1 line group (e1-r2, e1-pri) in kefu.toml"),
        ("--fxo", PortKind.line, "1,7", "--fxo: channel 7 is not on the board (it has 1-6)"),
    ])
    func aPortIsRefusedForARoleItsModuleCannotTake(_ place: String, _ role: PortKind, _ list: String, _ message: String) {
        guard case .failure(let r) = SetupAnswers.check(list, place: place, role: role, board: Self.board) else {
            Issue.record("accepted \(list)"); return
        }
        #expect(r.english == message)
    }

    @Test func theSummarySaysWhereOpermodeIsSetWhenTheDriverCannotBeRead() throws {
        try #require(access("/sys/module/wctdm24xxp", F_OK) != 0, "a box with the driver loaded reads its parameter instead")
        let session = SetupSession(options: SetupOptions(), console: ScriptedConsole(), unixSeconds: now)
        session.board = Self.board
        session.plan = Self.plan
        #expect(SetupSummary.opermodeNote(session) == "wctdm24xxp's opermode could not be read: /etc/modprobe.d/kefu-dahdi.conf (board/x86-analog/modprobe.conf) needs \"options wctdm24xxp opermode=CHINA\"; then systemctl restart kefu-dahdi, or reboot")
        session.board.spans[0].name = "DYN/loc/1:0"
        #expect(SetupSummary.opermodeNote(session) == nil, "dynamic spans have no analog modules")
    }
}
