import Testing
import Tools

@Suite struct LineDiffTests {
    @Test("identical texts have no changes; a changed, an added and a removed line are named with their line numbers")
    func changesWithLineNumbers() {
        let old = "[queues.sales]\nagents = [\"8001\"]\nwrap_up = 10\nmax_wait = 300\n"
        let new = "[queues.sales]\nagents = [\"8001\", \"8002\"]\nwrap_up = 10\n# note\n"
        #expect(LineDiff.changes(old: old, new: old).isEmpty)
        #expect(LineDiff.render(LineDiff.changes(old: old, new: new)) == [
            "-2: agents = [\"8001\"]",
            "+2: agents = [\"8001\", \"8002\"]",
            "-4: max_wait = 300",
            "+4: # note",
        ])
        #expect(LineDiff.changes(old: "", new: "a") == [.removed(line: 1, text: ""), .added(line: 1, text: "a")])
    }
}
