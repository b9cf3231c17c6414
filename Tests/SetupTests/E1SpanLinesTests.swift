import Config
import Foundation
import Testing
@testable import Setup

/// system.conf's lines for E1 spans, written from kefu.toml's E1 line groups.
@Suite struct E1SpanLinesTests {
    /// An analog span (channels 1-4) and two E1 spans: span 2 is channels
    /// 5-35 (timeslot 16 is channel 20), span 3 channels 36-66 (51).
    static let board: DetectedBoard = {
        var spans = SystemConfTextTests.board.spans.prefix(1).map { $0 }
        for (number, first) in [(2, 5), (3, 36)] {
            spans.append(DetectedSpan(number: number, name: "TE2/0/\(number - 1)", description: "T2XXP E1", type: "E1", channelCount: 31,
                                      ports: (first..<first + 31).map { DetectedPort(channel: $0, span: number, name: "TE2/0/\(number - 1)/\($0 - first + 1)", kind: .digital) }))
        }
        return DetectedBoard(board: "dahdi", spans: spans)
    }()

    static func groups(_ toml: String) throws -> [LineGroup] {
        let groups = ConfigLoader.load(toml, file: "kefu.toml").config.lines
        try #require(groups.contains { $0.isE1 }, "the E1 group was not read from \(toml)")
        return groups
    }

    static func plan(_ toml: String, board: DetectedBoard = board) throws -> Result<(spans: [E1SpanLines], notes: [String]), SetupRefusal> {
        E1SpanPlanning.plan(try groups(toml), configPath: "kefu.toml", board: board, words: Words(chinese: false))
    }

    static func refusal(_ toml: String, board: DetectedBoard = board) throws -> String? {
        guard case .failure(let r) = try plan(toml, board: board) else { return nil }
        #expect(r.chinese != r.english && !r.chinese.isEmpty)
        return r.english
    }

    static let pri = "[lines.e1]\nsignalling = \"e1-pri\"\nspan = 2\nchannels = \"5-19,21-35\"\nd_channel = 20\nmenu = \"main\"\n"
    static let r2 = "[lines.r2]\nsignalling = \"e1-r2\"\nspan = 3\nchannels = \"36-45\"\nline_code = \"ami\"\ncrc4 = false\nmenu = \"main\"\n"

    @Test func aPRIGroupGetsItsSpanCCSFramedWithBChannelsAndTheDChannelOnTimeslot16() throws {
        let text = try SystemConfText.merge(old: nil, board: Self.board, plan: SetupPlan(), e1: try Self.plan(Self.pri).get().spans)
        #expect(text.contains("""
        # kefu: span 2 TE2/0/1 "T2XXP E1": E1 [lines.e1]: ISDN PRI cpe side, ccs/hdb3/crc4, clock from the line (timing 1)
        # kefu: span 3 TE2/0/2 "T2XXP E1": E1: no kefu.toml E1 group is on it; its lines are kept as they are
        span=2,1,0,ccs,hdb3,crc4
        bchan=5-19,21-35
        dchan=20
        loadzone=cn
        """), "\(text)")
    }

    @Test func anR2GroupGetsEveryTimeslotButSixteenAsCASWithItsLineCodeAndNoCRC4() throws {
        let spans = try Self.plan(Self.r2).get().spans
        #expect(spans.map(\.lines) == [["span=3,1,0,cas,ami", "cas=36-50,52-66:1101"]],
                "timeslots the group does not list are CAS too: kefud holds them blocked")
    }

    @Test func spansFollowTheNetworksClockInSpanOrderAndAPRINetworkSideGivesItsOwn() throws {
        let both = try Self.plan(Self.r2 + Self.pri).get().spans
        #expect(both.map { "\($0.span.number):\($0.timing)" } == ["2:1", "3:2"])
        let network = try Self.plan(Self.r2 + Self.pri + "pri_side = \"network\"\n").get().spans
        #expect(network.map { "\($0.span.number):\($0.timing)" } == ["2:0", "3:1"])
    }

    @Test func anExistingSpanLinesTimingAndBuildOutAreKeptTheConfigsFramingWritten() throws {
        let spans = try Self.plan(Self.r2 + Self.pri).get().spans
        let kept = E1SpanPlanning.keepingTiming(spans, old: "span=3,0,2,ccs,hdb3 # free-running by hand\nspan = 4, 1, 0, cas, hdb3\nspan=2,x,0,ccs\n")
        #expect(kept.map { $0.lines[0] } == ["span=2,1,0,ccs,hdb3,crc4", "span=3,0,2,cas,ami"],
                "span 3 keeps its timing 0 and build-out 2; span 2's unreadable line is not taken")
        #expect(kept[1].summary.hasSuffix("the box's own clock (timing 0, kept from system.conf)"))
        #expect(!kept[0].keptFromFile)
    }

    @Test func twoGroupsOnOneSpanShareItsLinesAndDisagreeingOnesAreRefused() throws {
        let half = "[lines.a]\nsignalling = \"e1-r2\"\nspan = 3\nchannels = \"36-45\"\nmenu = \"main\"\n"
            + "[lines.b]\nsignalling = \"e1-r2\"\nspan = 3\nchannels = \"46-50\"\nmenu = \"main\"\n"
        let shared = try Self.plan(half).get().spans
        #expect(shared.count == 1 && shared.first?.groups == ["a", "b"])
        #expect(try Self.refusal(half + "crc4 = false\n")
                == "kefu.toml:6: [lines.b]: span 3 would run e1-r2 cas/hdb3, but [lines.a] on the same span says e1-r2 cas/hdb3/crc4")
    }

    @Test(arguments: [
        ("channels = \"5-19,21-35\"", "channels = \"5-19,21-36\"",
         "kefu.toml:1: [lines.e1]: its channels are on spans 2, 3; an E1 group is one span"),
        ("channels = \"5-19,21-35\"", "channels = \"5-19,21-35,70\"", "kefu.toml:1: [lines.e1]: channel 70 is not on the board"),
        ("span = 2", "span = 1", "kefu.toml:1: [lines.e1]: span = 1, but its channels are on span 2 (TE2/0/1); write span = 2"),
        ("channels = \"5-19,21-35\"", "channels = \"5-20\"",
         "kefu.toml:1: [lines.e1]: channel 20 is timeslot 16 of span 2, the D channel (d_channel), not a bearer channel"),
        ("21-35\"\nd_channel = 20", "22-35\"\nd_channel = 21", "kefu.toml:1: [lines.e1]: d_channel = 21, but the D channel of span 2 is channel 20 (timeslot 16)"),
    ])
    func aGroupThatDoesNotFitTheCardIsRefusedNamingItsPlace(_ was: String, _ now: String, _ message: String) throws {
        #expect(try Self.refusal(Self.pri.replacingOccurrences(of: was, with: now)) == message)
    }

    @Test func aT1SpanIsRefusedAndADynamicSpanIsLeftToTheInstallerWithANote() throws {
        var board = Self.board
        board.spans[1].type = "T1"
        #expect(try Self.refusal(Self.pri, board: board) == "kefu.toml:1: [lines.e1]: span 2 (TE2/0/1) is a T1 span; MFC/R2 and ISDN PRI here need an E1")
        board.spans[1].type = "dynamic"
        let (spans, notes) = try Self.plan(Self.pri, board: board).get()
        #expect(spans.isEmpty)
        #expect(notes == ["[lines.e1]: span 2 is dynamic, not an E1 card: its system.conf lines are kept as they are"])
    }

    @Test func theWrittenSpansOldLinesAreReplacedAndOtherSpansLinesKept() throws {
        let spans = try Self.plan(Self.pri).get().spans
        let old = "# by hand\nspan=2,0,0,cas,ami\ncas=5-19:1101\ncas=21-35:1101 # trunk B\nspan=3,2,0,ccs,hdb3\nbchan=36-50,52-66\ndchan=51\nfxsks=1-2\n"
        let text = try SystemConfText.merge(old: old, board: Self.board, plan: SystemConfTextTests.plan, e1: spans)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(!lines.contains("span=2,0,0,cas,ami") && !lines.contains("cas=5-19:1101") && !lines.contains("cas=21-35:1101 # trunk B"))
        #expect(Array(lines.prefix(2)) == ["# by hand", "# kefu: written by `kefu setup`; it owns the fxsks=/fxoks=, loadzone= and"],
                "setup's block goes where its first line (span 2's) was")
        #expect(text.contains("\nspan=3,2,0,ccs,hdb3\nbchan=36-50,52-66\ndchan=51\n"), "span 3 has no group: its lines are kept")
        #expect(lines.contains("span=2,1,0,ccs,hdb3,crc4") && lines.contains("dchan=20"))
        #expect(try SystemConfText.merge(old: text, board: Self.board, plan: SystemConfTextTests.plan, e1: spans) == text, "merging again changes nothing")
    }

    @Test func aSignallingLineMixingAWrittenSpanWithOthersIsRefusedNotHalfRewritten() throws {
        let spans = try Self.plan(Self.pri).get().spans
        do {
            _ = try SystemConfText.merge(old: "fxsks=1-2\nbchan=30-40\n", board: Self.board, plan: SetupPlan(), e1: spans)
            Issue.record("a line mixing span 2's channels with span 3's was taken")
        } catch {
            #expect(error.english == "system.conf line 2: 'bchan=30-40' gives channels of span 2, which setup writes for kefu.toml's E1 group, and other channels too: split the line by hand")
        }
        do {
            _ = try SystemConfText.merge(old: "dchan=x\n", board: Self.board, plan: SetupPlan(), e1: spans)
            Issue.record("an unreadable channel list was taken")
        } catch {
            #expect(error.english.hasPrefix("system.conf line 1: 'dchan=x': setup cannot read its channels"))
        }
        // Without E1 spans to write, such lines are none of setup's business.
        #expect(try SystemConfText.merge(old: "dchan=x\n", board: Self.board, plan: SetupPlan()).hasPrefix("dchan=x\n"))
    }

    @Test func setupWritesTheE1SpanOfAGroupInKefuTomlAndAgainChangesNothing() throws {
        let scratch = Scratch("e1")
        defer { scratch.remove() }
        let ports: (inout SetupOptions) -> Void = { $0.fxo = "1-2"; $0.fxs = "3-4" }
        let (_, first) = SetupDAHDIPlanTests().run(scratch, board: Self.board, ports)
        #expect(first == nil, "\(String(describing: first))")
        let toml = try #require(scratch.read("kefu.toml"))
        try (toml + "\n" + Self.pri).write(toFile: scratch.path + "/kefu.toml", atomically: true, encoding: .utf8)
        let (session, refusal) = SetupDAHDIPlanTests().run(scratch, board: Self.board, ports)
        #expect(refusal == nil, "\(String(describing: refusal))")
        let conf = try #require(scratch.read("system.conf"))
        #expect(conf.contains("\nspan=2,1,0,ccs,hdb3,crc4\nbchan=5-19,21-35\ndchan=20\nfxsks=1-2\nfxoks=3-4\n"), "\(conf)")
        #expect(session.files.first { $0.path.hasSuffix("system.conf") }?.diff.contains("+span=2,1,0,ccs,hdb3,crc4") == true)
        let (again, _) = SetupDAHDIPlanTests().run(scratch, board: Self.board, ports)
        #expect(again.files.allSatisfy { !$0.changes }, "\(again.files.flatMap(\.diff))")
        // A group that does not fit the card stops setup before anything is written.
        try (toml + "\n" + Self.pri.replacingOccurrences(of: "span = 2", with: "span = 1"))
            .write(toFile: scratch.path + "/kefu.toml", atomically: true, encoding: .utf8)
        let before = scratch.read("system.conf")
        let (_, refused) = SetupDAHDIPlanTests().run(scratch, board: Self.board, ports)
        #expect(refused?.english.hasSuffix("[lines.e1]: span = 1, but its channels are on span 2 (TE2/0/1); write span = 2") == true,
                "\(String(describing: refused))")
        #expect(scratch.read("system.conf") == before)
    }
}
