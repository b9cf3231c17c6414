/// kefu.toml as setup writes it, and the rule for a file that is already there.
///
/// The rule: setup owns the tables it generates — `[system]`, `[prompts]`,
/// the fxo and fxs `[lines.*]` groups, `[agents.*]`, the first queue and
/// `[menus.main]` — and in those only the keys it writes (`owned`); keys it
/// writes only when it creates a table (`initial`: a line group's menu, the
/// prompt directory, the whole of `[menus.main]`) are left alone once there.
/// A queue already there keeps its members that are still agents, and gains
/// the agents new to the file.
/// Every other key, comment and table (other queues and menus, schedules,
/// `[acd]`, `[recording]`, E1 line groups, `[learned.N]`, …) is kept as it is,
/// where it is. An fxo/fxs line group or an agent setup no longer generates
/// is removed (its channels or phone went to the new plan).
enum SetupConfigText {
    struct GeneratedTable {
        var name: String
        var owned: [(String, String)]
        var initial: [(String, String)]
    }

    static let header = [
        "# Kefu configuration, written by `kefu setup`.",
        "#",
        "# Setup owns [system], [prompts], the fxo/fxs [lines.*] groups, [agents.*],",
        "# the first queue and [menus.main], and only the keys it writes there; a",
        "# re-run keeps every other key, comment and table as it is. Check after",
        "# editing: kefu config check FILE. Every key is explained in the example",
        "# configuration (config/kefu.toml in Kefu's sources) and docs/setup.md.",
    ]

    /// The tables setup generates for a plan, in file order.
    static func tables(_ plan: SetupPlan, lineGroup: String, phoneGroup: String) -> [GeneratedTable] {
        var out: [GeneratedTable] = [
            GeneratedTable(name: "system", owned: [
                ("timezone", TOMLText.string(plan.timeZone)), ("languages", TOMLText.strings(plan.languages)),
                ("board", TOMLText.string(plan.board)), ("tone_zone", TOMLText.string(plan.country.toneZone)),
            ], initial: []),
            GeneratedTable(name: "prompts", owned: [], initial: [("directory", TOMLText.string(plan.promptDirectory))]),
        ]
        if !plan.lines.isEmpty {
            out.append(GeneratedTable(name: "lines." + lineGroup, owned: [
                ("signalling", TOMLText.string("fxo")), ("channels", TOMLText.string(ChannelList.format(plan.lines))),
                ("caller_id", TOMLText.string(plan.callerID)),
            ], initial: [("menu", TOMLText.string("main"))]))
        }
        if !plan.phones.isEmpty {
            out.append(GeneratedTable(name: "lines." + phoneGroup, owned: [
                ("signalling", TOMLText.string("fxs")), ("channels", TOMLText.string(ChannelList.format(plan.phones))),
            ], initial: []))
        }
        for agent in plan.agents {
            out.append(GeneratedTable(name: "agents." + agent.id, owned: [
                ("name", TOMLText.string(agent.name)), ("phone", "\(agent.phone)"),
            ], initial: []))
        }
        out.append(GeneratedTable(name: "queues." + plan.queue, owned: [("agents", TOMLText.strings(plan.queueAgents ?? plan.agents.map(\.id)))], initial: []))
        out.append(GeneratedTable(name: "menus.main", owned: [], initial: [
            ("type", TOMLText.string("message")), ("prompt", TOMLText.string("welcome")),
            ("next", TOMLText.string("queue " + plan.queue)),
        ]))
        return out
    }

    /// Whether an existing table belongs to a family setup generates, so it
    /// goes when setup no longer generates it.
    static func isOwnedFamily(_ table: TOMLDocument.Table, queue: String) -> Bool {
        let parts = table.name.split(separator: ".").map(String.init)
        guard let top = parts.first else { return false }
        switch top {
        case "agents": return true
        case "lines":
            let signalling = table.value("signalling")?.trimmingCharacters(in: "\"'")
            return parts.count == 2 && (signalling == "fxo" || signalling == "fxs")
        default: return false
        }
    }

    /// The new text of kefu.toml: `old` (nil: no file yet) with setup's tables put in.
    static func merge(old: String?, plan: SetupPlan, lineGroup: String = "pstn", phoneGroup: String = "phones") -> String {
        let generated = tables(plan, lineGroup: lineGroup, phoneGroup: phoneGroup)
        var doc = old.map { TOMLDocument(parsing: $0) } ?? TOMLDocument(preamble: header)
        let names = Set(generated.map(\.name))
        // Owned families' tables setup no longer generates go, with their sub-tables.
        let dropped = doc.tables.filter { !names.contains($0.name) && isOwnedFamily($0, queue: plan.queue) }.map(\.name)
        doc.tables.removeAll { t in dropped.contains { t.name == $0 || t.name.hasPrefix($0 + ".") } }
        var lastPlaced: Int? = nil
        for g in generated {
            if let i = doc.tables.firstIndex(where: { $0.name == g.name }) {
                doc.tables[i] = update(doc.tables[i], owned: g.owned)
                lastPlaced = i
            } else {
                let family = g.name.split(separator: ".").first.map(String.init) ?? g.name
                let sameFamily = doc.tables.lastIndex { $0.name == family || $0.name.hasPrefix(family + ".") }
                let at = (sameFamily ?? lastPlaced ?? -1) + 1
                var table = TOMLDocument.Table(leading: at == 0 && doc.preamble.isEmpty ? [] : [""], header: "[\(g.name.split(separator: ".").map { TOMLText.key(String($0)) }.joined(separator: "."))]",
                                               name: g.name, items: [])
                for (k, v) in g.owned + g.initial { table.items.append(.init(key: k, lines: ["\(k) = \(v)"])) }
                // Sub-tables of the one after which it goes stay with it.
                var position = at
                if let previous = doc.tables[safe: at - 1] {
                    while let next = doc.tables[safe: position], next.name.hasPrefix(previous.name + ".") { position += 1 }
                }
                doc.tables.insert(table, at: position)
                lastPlaced = position
            }
        }
        return doc.text
    }

    /// A table with its owned keys set to the new values, in place; missing ones added after its last key.
    static func update(_ table: TOMLDocument.Table, owned: [(String, String)]) -> TOMLDocument.Table {
        var t = table
        for (k, v) in owned {
            let line = "\(k) = \(v)"
            if let i = t.items.firstIndex(where: { $0.key == k }) {
                if t.items[i].lines != [line] && t.value(k) != v { t.items[i].lines = [line] }
            } else {
                let after = (t.items.lastIndex { $0.key != nil } ?? -1) + 1
                t.items.insert(.init(key: k, lines: [line]), at: after)
            }
        }
        return t
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
