import Foundation
import Testing
import Tools
@testable import Setup

/// The whole flow on the simulated board, in a scratch folder.
@Suite struct SetupFlowTests {
    @Test func aFirstRunWritesAConfigThatPassesTheCheckWithItsPrompts() throws {
        let scratch = Scratch("first")
        defer { scratch.remove() }
        let (session, console, refusal) = runSetup(scratch) { $0.fxo = "1-2"; $0.fxs = "3-4"; $0.agents = ["8001:张三:3", "8002:李四:4"] }
        #expect(refusal == nil, "\(String(describing: refusal))")
        #expect(session.wrote)
        let check = ConfigCheckTool.run(path: scratch.path + "/kefu.toml", unixSeconds: now)
        #expect(check.status == 0, "\(check.lines)")
        #expect(check.lines.last?.contains("OK, 0 warnings") == true, "\(check.lines)")
        #expect(scratch.exists("prompts/zh/welcome.wav"))
        #expect(!session.madePrompts.isEmpty && session.madePrompts.count == session.missingPrompts.count)
        #expect(!scratch.exists("system.conf"), "the simulated board needs no system.conf")
        #expect(session.tests.map(\.passed) == [true, true, true, true])
        #expect(console.text.contains("line 1: dial tone 450 Hz"))
        #expect(console.text.contains("learned: not yet (run: kefu setup learn 2)"))
        #expect(console.text.contains("phone port 4: rang and was answered — agent 8002 李四"))
    }

    @Test func aSecondRunHasNothingToChange() throws {
        let scratch = Scratch("rerun")
        defer { scratch.remove() }
        #expect(runSetup(scratch) { $0.skipTests = true }.refusal == nil)
        let before = scratch.read("kefu.toml")
        let (session, console, refusal) = runSetup(scratch) { $0.skipTests = true }
        #expect(refusal == nil)
        #expect(!session.wrote && session.files.allSatisfy { !$0.changes })
        #expect(console.said.contains("Nothing to change."))
        #expect(scratch.read("kefu.toml") == before)
        #expect(!scratch.exists("kefu.toml.bak"))
    }

    @Test func aHandEditedFileShowsTheDiffKeepsTheEditAndTheOldFile() throws {
        let scratch = Scratch("edited")
        defer { scratch.remove() }
        #expect(runSetup(scratch) { $0.skipTests = true }.refusal == nil)
        let path = scratch.path + "/kefu.toml"
        let edited = scratch.read("kefu.toml")!.replacingOccurrences(of: "[agents.8002]\n", with: "[agents.8002]\nsupervisor = true\n")
            + "\n[acd]\nauto_pause_after = 5  # by hand\n"
        try FileIO.write(Array(edited.utf8), to: path)
        let (_, console, refusal) = runSetup(scratch) { $0.skipTests = true; $0.timeZone = "UTC+8" }
        #expect(refusal == nil)
        #expect(console.said.contains("-timezone = \"Asia/Shanghai\"") && console.said.contains("+timezone = \"UTC+8\""))
        let now = scratch.read("kefu.toml")!
        #expect(now.contains("[agents.8002]\nname = \"Agent 2\"\nphone = 6\nsupervisor = true\n") || now.contains("supervisor = true"))
        #expect(now.hasSuffix("[acd]\nauto_pause_after = 5  # by hand\n"))
        #expect(scratch.read("kefu.toml.bak") == edited)
    }

    @Test func theShippedExampleConfigIsLeftAsItIs() throws {
        let scratch = Scratch("example")
        defer { scratch.remove() }
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { repository.deleteLastPathComponent() }
        let example = try String(contentsOfFile: repository.path + "/config/kefu.toml", encoding: .utf8)
        try FileIO.write(Array(example.utf8), to: scratch.path + "/kefu.toml")
        try FileManager.default.copyItem(atPath: repository.path + "/config/holidays", toPath: scratch.path + "/holidays")
        let (session, console, refusal) = runSetup(scratch) { $0.dryRun = true }
        #expect(refusal == nil, "\(String(describing: refusal))")
        #expect(session.files.allSatisfy { !$0.changes }, "\(session.files.flatMap(\.diff))")
        #expect(session.plan.lines == Array(1...8) && session.plan.phones == Array(9...12) && session.plan.queue == "sales")
        #expect(console.said.contains("\(scratch.path)/kefu.toml: nothing to change"))
    }

    @Test func aDryRunWritesNothingAndTestsNothing() {
        let scratch = Scratch("dry")
        defer { scratch.remove() }
        let (session, console, refusal) = runSetup(scratch) { $0.dryRun = true; $0.yes = false }
        #expect(refusal == nil)
        #expect(!scratch.exists("kefu.toml") && !scratch.exists("prompts"))
        #expect(session.tests.isEmpty && !session.wrote)
        #expect(console.said.contains("Dry run: nothing was written."))
        #expect(console.said.contains("+++ \(scratch.path)/kefu.toml"))
    }

    @Test func withoutYesAScriptedRunRefusesToWrite() {
        let scratch = Scratch("noyes")
        defer { scratch.remove() }
        let refusal = runSetup(scratch) { $0.yes = false }.refusal
        #expect(refusal?.english == "not written: add --yes to write the files above (or --dry-run only to see them)")
        #expect(!scratch.exists("kefu.toml"))
    }

    /// Flags as `name=value` pairs, applied to the options as the command line would.
    static func apply(_ flags: [String], _ o: inout SetupOptions) {
        for flag in flags {
            let (name, value) = (String(flag.prefix { $0 != "=" }), String(flag.drop { $0 != "=" }.dropFirst()))
            switch name {
            case "fxo": o.fxo = value
            case "fxs": o.fxs = value
            case "timezone": o.timeZone = value
            case "country": o.country = value
            case "agent": o.agents.append(value)
            case "agents": o.agentCount = Int(value)
            case "queue": o.queue = value
            case "board": o.board = value
            case "languages": o.languages = value
            default: Issue.record("unknown flag \(name)")
            }
        }
    }

    @Test(arguments: [
        (["fxs=1-2", "fxo=3", "agent=8001:a:3"], "agent 8001: phone port 3 is not one of the FXS ports 1-2"),
        (["fxo=1-2", "fxs=1,3"], "channel 1 is in both --fxo and --fxs"),
        (["fxo=1-x"], "--fxo '1-x': '1-x' is not a channel or a range such as 1-4"),
        (["timezone=America/New_York"], "--timezone 'America/New_York': not a zone without daylight-saving time"),
        (["country=xx"], "--country 'xx': known presets are cn, us"),
        (["agent=8001:张三"], "--agent '8001:张三': write ID:NAME:PHONE, e.g. 8001:张三:3"),
        (["agent=8001:张三:2"], "agent 8001: phone port 2 is not one of the FXS ports 5-8"),
        (["agent=8001:a:5", "agent=8001:b:6"], "agent 8001 is given twice"),
        (["agents=9"], "--agents 9: must be 1 to 4, one per FXS port"),
        (["queue=my queue"], "--queue 'my queue': use letters, digits, '_' and '-' (up to 32)"),
        (["board=foo"], "--board 'foo': must be dahdi or sim"),
        (["languages=fr"], "--languages 'fr': write zh, en or zh,en"),
    ])
    func badFlagsAreRefusedNamingTheFlagAndTheReason(_ flags: [String], _ message: String) {
        let scratch = Scratch("bad")
        defer { scratch.remove() }
        let refusal = runSetup(scratch) { Self.apply(flags, &$0) }.refusal
        #expect(refusal?.english.hasPrefix(message) == true, "\(String(describing: refusal))")
        #expect(refusal?.chinese.isEmpty == false)
        #expect(!scratch.exists("kefu.toml"))
    }

    @Test func aScriptedInteractiveRunTakesTheAnswersAndAsksAgainAfterAWrongOne() {
        let scratch = Scratch("interactive")
        defer { scratch.remove() }
        // country, time zone, languages, caller ID, lines, phones, queue, agents, then per agent id/name/phone, write?
        let answers = ["", "Mars/Base", "UTC+8", "", "dtmf", "1-2", "5-6", "hotline", "2", "", "王五", "", "9001", "", "5", "6", "y"]
        let (session, console, refusal) = runSetup(scratch, { $0.interactive = true; $0.yes = false; $0.skipTests = true; $0.chinese = false }, answers: answers)
        #expect(refusal == nil, "\(String(describing: refusal))")
        #expect(console.said.contains { $0.hasPrefix("'Mars/Base': not a zone") })
        #expect(console.said.contains("'5': agent 8001 has this phone"))
        #expect(session.plan.timeZone == "UTC+8" && session.plan.callerID == "dtmf")
        #expect(session.plan.lines == [1, 2] && session.plan.phones == [5, 6] && session.plan.queue == "hotline")
        #expect(session.plan.agents == [SetupAgent(id: "8001", name: "王五", phone: 5), SetupAgent(id: "9001", name: "Agent 2", phone: 6)])
        #expect(console.asked.first == "Country preset (cn China, us United States) [cn]: ")
        #expect(console.said.contains("Channels 3-4,7-8 are left unused."))
        #expect(scratch.read("kefu.toml")?.contains("[queues.hotline]\nagents = [\"8001\", \"9001\"]") == true)
    }

    @Test func theEndOfInputStopsAnInteractiveRunNamingTheQuestion() {
        let scratch = Scratch("eof")
        defer { scratch.remove() }
        let refusal = runSetup(scratch, { $0.interactive = true; $0.yes = false }, answers: ["cn"]).refusal
        #expect(refusal?.english == "no answer to \"Time zone\" (end of input)")
    }

    @Test func theJSONSummaryCarriesThePlanFilesAndTests() throws {
        let scratch = Scratch("json")
        defer { scratch.remove() }
        let (session, _, refusal) = runSetup(scratch) { $0.fxo = "1"; $0.fxs = "2"; $0.json = true }
        let object = try JSONSerialization.jsonObject(with: Data(Setup.json(session, refusal: refusal).utf8)) as? [String: Any]
        #expect(object?["fxo"] as? [Int] == [1] && object?["fxs"] as? [Int] == [2])
        let tests = object?["tests"] as? [[String: Any]]
        #expect(tests?.map { $0["passed"] as? Bool } == [true, true])
        #expect((object?["files"] as? [[String: Any]])?.first?["written"] as? Bool == true)
        #expect((object?["learned"] as? [[String: Any]])?.first?["learned"] as? Bool == false)
    }
}
