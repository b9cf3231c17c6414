import Testing
import LineEditor

// `as Bool` makes #expect evaluate a mutating call once, in place, instead of
// decomposing it into a call on an immutable copy.

private func history(_ lines: [String], maxCount: Int = 500) -> History {
    var history = History(maxCount: maxCount)
    for line in lines { history.add(line) }
    return history
}

@Suite struct HistoryTests {
    @Test("Up walks back through the entries and down returns to the draft as it was typed")
    func navigationKeepsDraft() {
        var history = history(["show calls", "agent list"])
        #expect(history.previous(current: "que") == "agent list")
        #expect(history.previous(current: "agent list") == "show calls")
        #expect(history.previous(current: "show calls") == nil)
        #expect(history.next(current: "show calls") == "agent list")
        #expect(history.next(current: "agent list") == "que")
        #expect(history.next(current: "que") == nil)
        #expect(!history.isNavigating)
    }

    @Test("Edits made to a recalled entry are kept while navigating, not written into the history")
    func editedEntriesAreRemembered() {
        var history = history(["one", "two"])
        #expect(history.previous(current: "") == "two")
        #expect(history.previous(current: "two!") == "one")
        #expect(history.next(current: "one") == "two!")
        history.resetNavigation()
        #expect(history.entries == ["one", "two"])
        #expect(history.previous(current: "") == "two")
    }

    @Test("A repeat of the newest entry is not recorded; an older repeat is")
    func consecutiveDuplicates() {
        var history = history(["show calls", "show calls"])
        #expect(history.entries == ["show calls"])
        #expect(history.add("agent list") as Bool)
        #expect(history.add("show calls") as Bool)
        #expect(history.entries == ["show calls", "agent list", "show calls"])
    }

    @Test("Lines starting with a space, blank lines and multi-line text are not recorded")
    func notRecorded() {
        var history = History()
        #expect(!(history.add(" agent pin 1234") as Bool))
        #expect(!(history.add("") as Bool))
        #expect(!(history.add("   ") as Bool))
        #expect(!(history.add("two\nlines") as Bool))
        #expect(history.entries.isEmpty)
    }

    @Test("Past the maximum the oldest entries are dropped")
    func maximum() {
        let history = history(["a", "b", "c", "d"], maxCount: 3)
        #expect(history.entries == ["b", "c", "d"])
        #expect(History().maxCount == 500)
    }

    @Test("Adding a line ends navigation, so up starts again from the newest entry")
    func addResetsNavigation() {
        var history = history(["a", "b"])
        _ = history.previous(current: "")
        _ = history.previous(current: "b")
        history.add("c")
        #expect(history.previous(current: "") == "c")
    }

    @Test("An empty history has nothing to recall")
    func empty() {
        var history = History()
        #expect(history.previous(current: "x") == nil)
        #expect(history.next(current: "x") == nil)
    }
}
