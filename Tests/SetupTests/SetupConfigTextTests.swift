import Config
import Testing
import Tools
@testable import Setup

@Suite struct SetupConfigTextTests {
    static var plan: SetupPlan {
        var p = SetupPlan()
        p.lines = [1, 2, 9, 10]
        p.phones = [3, 4]
        p.agents = [SetupAgent(id: "8001", name: "张三", phone: 3), SetupAgent(id: "8002", name: "李四", phone: 4)]
        return p
    }

    @Test func theGeneratedConfigPassesKefusOwnCheck() {
        let text = SetupConfigText.merge(old: nil, plan: Self.plan)
        let loaded = ConfigCheckTool.load(text: text, path: "/etc/kefu/kefu.toml", unixSeconds: now, checkPromptFiles: false)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { $0.text(chinese: false) })")
        #expect(loaded.config.lines.map(\.channels) == [[1, 2, 9, 10], [3, 4]])
        #expect(loaded.config.agents.map(\.id) == ["8001", "8002"])
        #expect(loaded.config.queues.map(\.name) == ["service"])
        #expect(ConfigCheckTool.requiredPromptFiles(loaded.config).contains("zh/welcome.wav"))
    }

    @Test func mergingAgainChangesNothing() {
        let text = SetupConfigText.merge(old: nil, plan: Self.plan)
        #expect(SetupConfigText.merge(old: text, plan: Self.plan) == text)
    }

    @Test func keysAndTablesSetupDoesNotOwnAreKeptVerbatim() {
        let first = SetupConfigText.merge(old: nil, plan: Self.plan)
        let edited = first
            .replacingOccurrences(of: "[agents.8001]\n", with: "[agents.8001]\n# team lead\nsupervisor = true\n")
            .replacingOccurrences(of: "menu = \"main\"", with: "menu = \"main\"  # the welcome menu")
            + "\n[learned.1]\ndisconnect = \"busy 450 Hz 350/350\"   # measured\ncaller_id = \"dtmf\"\n\n[acd]\nauto_pause_after = 5\n"
        var plan = Self.plan
        plan.agents[0].name = "张三丰"
        let merged = SetupConfigText.merge(old: edited, plan: plan)
        #expect(merged.contains("[agents.8001]\n# team lead\nsupervisor = true\nname = \"张三丰\"\nphone = 3\n"))
        #expect(merged.contains("menu = \"main\"  # the welcome menu"))
        #expect(merged.hasSuffix("\n[learned.1]\ndisconnect = \"busy 450 Hz 350/350\"   # measured\ncaller_id = \"dtmf\"\n\n[acd]\nauto_pause_after = 5\n"))
        let changes = LineDiff.changes(old: edited, new: merged)
        #expect(LineDiff.render(changes).map { $0.drop { $0 != ":" } } == [": name = \"张三\"", ": name = \"张三丰\""])
    }

    @Test func anAgentNoLongerPlannedIsRemovedWithItsSubTables() {
        let first = SetupConfigText.merge(old: nil, plan: Self.plan)
            .replacingOccurrences(of: "[agents.8002]\nname = \"李四\"\nphone = 4\n", with: "[agents.8002]\nname = \"李四\"\nphone = 4\n\n[agents.8002.skills]\nbilling = 3\n")
        var plan = Self.plan
        plan.agents.removeLast()
        let merged = SetupConfigText.merge(old: first, plan: plan)
        #expect(!merged.contains("8002"))
        #expect(merged.contains("agents = [\"8001\"]"))
    }

    @Test func anExampleStyleFileKeepsItsOtherQueuesMenusAndComments() throws {
        let old = """
        # my center
        [system]
        name = "Hotline"
        timezone = "Asia/Shanghai"

        # ---- lines ----
        [lines.trunks]
        signalling = "fxo"
        channels = "1-2"
        menu = "front"

        [menus.front]
        prompt = "hello"
        [menus.front.keys]
        1 = "queue service"

        """
        let merged = SetupConfigText.merge(old: old, plan: Self.plan, lineGroup: "trunks", phoneGroup: "phones")
        #expect(merged.hasPrefix("# my center\n[system]\nname = \"Hotline\"\ntimezone = \"Asia/Shanghai\"\nlanguages = [\"zh\"]\n"))
        #expect(merged.contains("# ---- lines ----\n[lines.trunks]\nsignalling = \"fxo\"\nchannels = \"1-2,9-10\"\nmenu = \"front\"\ncaller_id = \"fsk\"\n"))
        #expect(merged.contains("[menus.front]\nprompt = \"hello\"\n[menus.front.keys]\n1 = \"queue service\"\n"))
        #expect(!merged.contains("[menus.main]\ntype") || merged.contains("next = \"queue service\""))
    }

    @Test func multiLineArraysStayOneItem() {
        let doc = TOMLDocument(parsing: "[queues.a]\nagents = [\n  \"8001\",\n  \"8002\", # two\n]\nstrategy = \"linear\"\n")
        #expect(doc.tables[0].items.map(\.key) == ["agents", "strategy"])
        #expect(doc.tables[0].items[0].lines.count == 4)
        #expect(doc.text == "[queues.a]\nagents = [\n  \"8001\",\n  \"8002\", # two\n]\nstrategy = \"linear\"\n")
    }
}
