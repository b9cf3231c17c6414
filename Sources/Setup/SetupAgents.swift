/// Step 4: the first queue and its agents, one per phone unless told otherwise.
enum SetupAgents {
    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 32 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    static func run(_ s: SetupSession) throws(SetupRefusal) {
        let queueDefault = s.options.queue ?? s.existing?.queues.first?.name ?? "service"
        s.plan.queue = try s.answer("Name of the first queue", "第一个队列的名称", default: queueDefault) { name in
            isName(name) ? .success(name)
                : .failure(SetupRefusal("--queue '\(name)': use letters, digits, '_' and '-' (up to 32)",
                                        "--queue '\(name)'：只能用字母、数字、'_' 和 '-'（最多 32 个）"))
        }
        let phones = s.plan.phones
        var agents: [SetupAgent]
        if !s.options.agents.isEmpty {
            agents = []
            for spec in s.options.agents { agents.append(try SetupAgent.parse(spec).get()) }
        } else if let e = s.existing, s.options.agentCount == nil, !e.agents.isEmpty {
            agents = e.agents.compactMap { a in a.phone.map { SetupAgent(id: a.id, name: a.name, phone: $0.value) } }
                .filter { phones.contains($0.phone) }
        } else {
            let count = s.options.agentCount ?? phones.count
            guard (1...phones.count).contains(count) || phones.isEmpty else {
                throw SetupRefusal("--agents \(count): must be 1 to \(phones.count), one per FXS port",
                                   "--agents \(count)：必须是 1 到 \(phones.count)，每个话机端口一个")
            }
            agents = phones.prefix(count).enumerated().map { i, phone in
                SetupAgent(id: "\(8001 + i)", name: s.w("Agent \(i + 1)", "坐席\(i + 1)"), phone: phone)
            }
        }
        if s.options.interactive && s.options.agents.isEmpty {
            let count = try s.answer("How many agents", "坐席人数", default: "\(agents.count)") { (t: String) -> Result<Int, SetupRefusal> in
                guard let n = Int(t), (1...max(phones.count, 1)).contains(n) else {
                    return .failure(SetupRefusal("answer 1 to \(phones.count): one agent per FXS port", "请回答 1 到 \(phones.count)：每个话机端口一个坐席"))
                }
                return .success(n)
            }
            var asked: [SetupAgent] = []
            for i in 0..<count {
                var d = i < agents.count ? agents[i] : SetupAgent(id: "\(8001 + i)", name: s.w("Agent \(i + 1)", "坐席\(i + 1)"),
                                                                  phone: phones.first { p in !asked.contains { $0.phone == p } } ?? phones[0])
                if asked.contains(where: { $0.phone == d.phone }), let free = phones.first(where: { p in !asked.contains { $0.phone == p } }) {
                    d.phone = free
                }
                let id = try s.answer("Agent \(i + 1): login number", "坐席 \(i + 1)：工号", default: d.id) { (t: String) -> Result<String, SetupRefusal> in
                    guard SetupAgent.isAgentID(t) else { return .failure(SetupRefusal("'\(t)': 2 to 8 digits", "'\(t)'：2 到 8 位数字")) }
                    guard !asked.contains(where: { $0.id == t }) else {
                        return .failure(SetupRefusal("'\(t)': an earlier agent has this number", "'\(t)'：前面的坐席已用这个工号"))
                    }
                    return .success(t)
                }
                let name = try s.answer("Agent \(i + 1): name", "坐席 \(i + 1)：姓名", default: d.name) { (t: String) -> Result<String, SetupRefusal> in .success(t) }
                let phone = try s.answer("Agent \(i + 1): phone port", "坐席 \(i + 1)：话机端口", default: "\(d.phone)") { (t: String) -> Result<Int, SetupRefusal> in
                    guard let p = Int(t), phones.contains(p) else {
                        return .failure(SetupRefusal("'\(t)': one of the FXS ports \(ChannelList.format(phones))", "'\(t)'：必须是话机端口 \(ChannelList.format(phones)) 之一"))
                    }
                    if let other = asked.first(where: { $0.phone == p }) {
                        return .failure(SetupRefusal("'\(t)': agent \(other.id) has this phone", "'\(t)'：坐席 \(other.id) 已用这部话机"))
                    }
                    return .success(p)
                }
                asked.append(SetupAgent(id: id, name: name, phone: phone))
            }
            agents = asked
        }
        try check(agents, phones: phones)
        s.plan.agents = agents
        if let e = s.existing, let queue = e.queues.first(where: { $0.name == s.plan.queue }) {
            let planned = agents.map(\.id), known = Set(e.agents.map(\.id))
            let members = queue.agents.map(\.value).filter(planned.contains) + planned.filter { !known.contains($0) }
            s.plan.queueAgents = members.isEmpty ? nil : members
        }
    }

    /// Each agent's phone on an FXS port, no number or phone used twice.
    static func check(_ agents: [SetupAgent], phones: [Int]) throws(SetupRefusal) {
        guard !agents.isEmpty else {
            throw SetupRefusal("no agents: give --agents N or --agent ID:NAME:PHONE", "没有坐席：请用 --agents N 或 --agent 工号:姓名:话机端口")
        }
        var ids: Set<String> = [], used: Set<Int> = []
        for a in agents {
            guard phones.contains(a.phone) else {
                throw SetupRefusal("agent \(a.id): phone port \(a.phone) is not one of the FXS ports \(ChannelList.format(phones))",
                                   "坐席 \(a.id)：话机端口 \(a.phone) 不在话机端口 \(ChannelList.format(phones)) 中")
            }
            guard ids.insert(a.id).inserted else { throw SetupRefusal("agent \(a.id) is given twice", "坐席 \(a.id) 重复") }
            guard used.insert(a.phone).inserted else {
                throw SetupRefusal("agent \(a.id): phone port \(a.phone) already has an agent", "坐席 \(a.id)：话机端口 \(a.phone) 已有坐席")
            }
            guard !a.name.contains("\n") else { throw SetupRefusal("agent \(a.id): the name has a line break", "坐席 \(a.id)：姓名中有换行") }
        }
    }
}
