/// Checks across sections, after every section has been read: references
/// that point nowhere, channels used twice, phones shared, parts never used.
struct ConfigValidator {
    let config: KefuConfig
    let sink: DiagnosticSink

    /// Where an action is written: a menu key may `repeat`; elsewhere
    /// (closed, overflow, on_fail, next) repeating would loop.
    enum Place { case key, flow }

    func run() {
        lines()
        agents()
        queues()
        skills()
        transferCodes()
        escalations()
        menus()
        unused()
    }

    private func learnedLines() {
        for l in config.learnedLines {
            let group = config.lines.first { $0.channels.contains(l.channel) }
            if group?.signalling != .fxo {
                let now = group.map { Bilingual("an \($0.signalling.rawValue) channel of [lines.\($0.name)]", "是 [lines.\($0.name)] 的 \($0.signalling.rawValue) 通道") }
                    ?? Bilingual("in no line group", "不在任何线路组中")
                sink.error(l.line, "[learned.\(l.channel)]: channel \(l.channel) is \(now.english); only analog lines (fxo) are learned",
                           "[learned.\(l.channel)]：通道 \(l.channel) \(now.chinese)；只有模拟外线（fxo）才能学习")
            }
        }
    }

    private func lines() {
        learnedLines()
        var owner: [Int: LineGroup] = [:]
        for group in config.lines {
            for channel in group.channels {
                if let other = owner[channel] {
                    sink.error(group.channelsLine, "channel \(channel) of [lines.\(group.name)] is also in [lines.\(other.name)] (line \(other.channelsLine))",
                               "[lines.\(group.name)] 的通道 \(channel) 也在 [lines.\(other.name)] 中（第 \(other.channelsLine) 行）")
                } else {
                    owner[channel] = group
                }
            }
            if group.signalling.isTrunk {
                for entry in group.e1?.dnisMenus ?? [] where config.menu(entry.menu.value) == nil {
                    missing(entry.menu, .menu, at("[lines.\(group.name).dnis]", entry.number), config.menus.map(\.name))
                }
                if let menu = group.menu {
                    if config.menu(menu.value) == nil { missing(menu, .menu, at("[lines.\(group.name)]", "menu"), config.menus.map(\.name)) }
                } else if !(group.e1?.dnisMenus.isEmpty ?? true) {
                    sink.warning(group.line, "[lines.\(group.name)] has no 'menu': calls to numbers not in [lines.\(group.name).dnis] will be refused",
                                 "[lines.\(group.name)] 没有 'menu'：被叫号码不在 [lines.\(group.name).dnis] 中的来电会被拒绝")
                } else {
                    sink.warning(group.line, "[lines.\(group.name)] has no 'menu': incoming calls on these lines will not be answered",
                                 "[lines.\(group.name)] 没有 'menu'：这些外线的来电不会被接听")
                }
            }
            if let lang = group.language { language(lang, at("[lines.\(group.name)]", "language")) }
        }
    }

    private func agents() {
        var phones: [Int: Agent] = [:]
        let fxs = config.lines.filter { $0.signalling == .fxs }
        for agent in config.agents {
            guard let phone = agent.phone else { continue }
            if let other = phones[phone.value] {
                sink.error(phone.line, "agent '\(agent.id)': phone channel \(phone.value) is already the phone of agent '\(other.id)' (line \(other.phone!.line))",
                           "坐席 '\(agent.id)'：话机通道 \(phone.value) 已经是坐席 '\(other.id)' 的话机（第 \(other.phone!.line) 行）")
            } else {
                phones[phone.value] = agent
            }
            if !fxs.contains(where: { $0.channels.contains(phone.value) }) {
                let known = fxs.map { "[lines.\($0.name)]" }.joined(separator: ", ")
                sink.error(phone.line, "agent '\(agent.id)' phone \(phone.value) is not a channel of a phone (fxs) line group\(known.isEmpty ? " (none is configured)" : " (\(known))")",
                           "坐席 '\(agent.id)' 的话机 \(phone.value) 不是话机（fxs）线路组中的通道\(known.isEmpty ? "（还没有配置话机线路组）" : "（\(known)）")")
            }
        }
    }

    private func queues() {
        for queue in config.queues {
            let path = "[queues.\(queue.name)]"
            if queue.agents.isEmpty {
                sink.warning(queue.line, "\(path) has no agents: every caller will wait until it overflows", "\(path) 没有坐席：每位来电者都会一直等到溢出")
            }
            for id in queue.agents where config.agent(id.value) == nil {
                missing(id, .agent, at(path, "agents"), config.agents.map(\.id))
            }
            if let h = queue.hours, config.schedule(h.value) == nil { missing(h, .schedule, at(path, "hours"), config.schedules.map(\.name)) }
            if let a = queue.closed { action(a, at(path, "closed"), .flow) }
            if let a = queue.overflow { action(a, at(path, "overflow"), .flow) }
            if let a = queue.whenNoAgents { action(a, at(path, "when_no_agents"), .flow) }
            refusals(queue)
            if let s = queue.survey, config.survey(s.value) == nil { missing(s, .survey, at(path, "survey"), config.surveys.map(\.name)) }
            if case .queue(let target)? = queue.closed?.value, target == queue.name {
                sink.error(queue.closed!.line, "\(path) closed sends callers back into the same closed queue", "\(path) 的 closed 把来电者送回同一个已关闭的队列")
            }
        }
        let shared = Set(config.queues.map(\.name)).intersection(config.agents.map(\.id))
        for name in shared.sorted() {
            sink.error(config.queue(name)!.line, "'\(name)' is both a queue and an agent id: 'voicemail \(name)' would be ambiguous",
                       "'\(name)' 既是队列名又是坐席工号：'voicemail \(name)' 会分不清是哪一个")
        }
    }

    private func menus() {
        for menu in config.menus {
            let path = "[menus.\(menu.name)]"
            switch menu.kind {
            case .options(let keys):
                for (key, a) in keys.sorted(by: { $0.value.line < $1.value.line }) {
                    action(a, Bilingual("\(path) key \(key)", "\(path) 的按键 \(key)"), .key)
                }
            case .collect(let c):
                action(c.next, at(path, "next"), .flow)
            case .message(let next):
                action(next, at(path, "next"), .flow)
                if case .menu(let target) = next.value, target == menu.name {
                    sink.error(next.line, "\(path) next goes back to itself: the message would play forever", "\(path) 的 next 又回到自己：这段语音会一直循环播放")
                }
            }
            if let h = menu.hours, config.schedule(h.value) == nil { missing(h, .schedule, at(path, "hours"), config.schedules.map(\.name)) }
            if let a = menu.closed { action(a, at(path, "closed"), .flow) }
            if menu.onFail.line > 0 { action(menu.onFail, at(path, "on_fail"), .flow) }
        }
    }

    /// Every name an action mentions must exist.
    func action(_ a: Located<MenuAction>, _ place: Bilingual, _ kind: Place) {
        switch a.value {
        case .menu(let name):
            if config.menu(name) == nil { missing(Located(name, line: a.line), .menu, place, config.menus.map(\.name)) }
        case .queue(let name):
            if config.queue(name) == nil { missing(Located(name, line: a.line), .queue, place, config.queues.map(\.name)) }
        case .callback(let name):
            if config.queue(name) == nil { missing(Located(name, line: a.line), .queue, place, config.queues.map(\.name)) }
            if !config.lines.contains(where: { $0.signalling.isTrunk && $0.outbound }) {
                sink.error(a.line, "\(place.english): a callback needs a line that may call out (a trunk group with outbound = true)",
                           "\(place.chinese)：回拨需要一条可以外呼的线路（设置了 outbound = true 的中继线路组）")
            }
            if config.outbound.allowedNumbers.isEmpty {
                sink.error(a.line, "\(place.english): a callback needs numbers it may dial ([outbound] allowed_numbers is empty)",
                           "\(place.chinese)：回拨需要允许拨打的号码（[outbound] 的 allowed_numbers 为空）")
            }
        case .agent(let id):
            if config.agent(id) == nil { missing(Located(id, line: a.line), .agent, place, config.agents.map(\.id)) }
        case .voicemail(let box):
            if config.queue(box) == nil && config.agent(box) == nil {
                missing(Located(box, line: a.line), Bilingual("queue or agent", "队列或坐席"), place, config.queues.map(\.name) + config.agents.map(\.id))
            }
        case .dial(let line, let number):
            if !config.outbound.allows(number) {
                sink.error(a.line, "\(place.english): \(number) matches no [outbound] allowed_numbers pattern, so it would never be dialled",
                           "\(place.chinese)：\(number) 不符合 [outbound] allowed_numbers 中的任何号码规则，永远不会被拨出")
            }
            if let group = config.lineGroup(line) {
                if !group.outbound {
                    sink.error(a.line, "\(place.english): [lines.\(line)] cannot call out (set outbound = true on a trunk group)",
                               "\(place.chinese)：[lines.\(line)] 不能外呼（请在中继线路组上设置 outbound = true）")
                }
            } else {
                missing(Located(line, line: a.line), .lineGroup, place, config.lines.map(\.name))
            }
        case .language(let code, let then):
            language(Located(code, line: a.line), place)
            if let then, config.menu(then) == nil { missing(Located(then, line: a.line), .menu, place, config.menus.map(\.name)) }
        case .repeat:
            if kind == .flow {
                sink.error(a.line, "\(place.english): 'repeat' is only for a menu key (here it would loop)",
                           "\(place.chinese)：'repeat' 只能用于菜单按键（用在这里会无限循环）")
            }
        case .back, .hangup:
            break
        }
    }

    private func language(_ code: Located<String>, _ place: Bilingual) {
        if !config.system.languages.contains(code.value) {
            let languages = config.system.languages.joined(separator: ", ")
            sink.error(code.line, "\(place.english): language '\(code.value)' is not in [system] languages (\(languages))",
                       "\(place.chinese)：语言 '\(code.value)' 不在 [system] 的 languages 中（\(languages)）")
        }
    }

    /// `[queues.sales] agents: no agent '8009' (defined: 8001, 8002)`.
    func missing(_ name: Located<String>, _ what: Bilingual, _ place: Bilingual, _ known: [String]) {
        let defined = known.sorted().joined(separator: ", "), hint = didYouMean(name.value, known)
        let list = known.isEmpty ? Bilingual("none is defined", "一个也没有定义") : Bilingual("defined: \(defined)", "已定义：\(defined)")
        sink.error(name.line, "\(place.english): no \(what.english) '\(name.value)'\(hint.english) (\(list.english))",
                   "\(place.chinese)：没有\(what.chinese) '\(name.value)'\(hint.chinese)（\(list.chinese)）")
    }

    /// Where in a section a value is: `[queues.sales] agents` (`[queues.sales] 的 agents`).
    func at(_ path: String, _ key: String) -> Bilingual { Bilingual("\(path) \(key)", "\(path) 的 \(key)") }

    /// Menus nobody reaches, schedules and surveys nobody uses: warnings.
    private func unused() {
        var menus: Set<String> = []
        var schedules: Set<String> = []
        var surveys: Set<String> = []
        var queues: Set<String> = []
        var actions: [MenuAction] = []
        for g in config.lines {
            if let m = g.menu { menus.insert(m.value) }
            for entry in g.e1?.dnisMenus ?? [] { menus.insert(entry.menu.value) }
        }
        for q in config.queues {
            if let h = q.hours { schedules.insert(h.value) }
            if let s = q.survey { surveys.insert(s.value) }
            actions += [q.closed?.value, q.overflow?.value, q.whenNoAgents?.value].compactMap { $0 }
        }
        for m in config.menus {
            if let h = m.hours { schedules.insert(h.value) }
            actions += [m.closed?.value, m.onFail.value].compactMap { $0 }
            switch m.kind {
            case .options(let keys): actions += keys.values.map(\.value)
            case .collect(let c): actions.append(c.next.value)
            case .message(let next): actions.append(next.value)
            }
        }
        for a in actions {
            switch a {
            case .menu(let n): menus.insert(n)
            case .language(_, let n?): menus.insert(n)
            case .queue(let n), .callback(let n), .voicemail(let n): queues.insert(n)
            default: break
            }
        }
        for m in config.menus where !menus.contains(m.name) {
            sink.warning(m.line, "[menus.\(m.name)] is never used (no line, key or action leads to it)",
                         "[menus.\(m.name)] 没有被用到（没有任何外线、按键或动作通向它）")
        }
        for s in config.schedules where !schedules.contains(s.name) {
            sink.warning(s.line, "[schedules.\(s.name)] is not used by any queue or menu", "[schedules.\(s.name)] 没有被任何队列或菜单使用")
        }
        for s in config.surveys where !surveys.contains(s.name) {
            sink.warning(s.line, "[surveys.\(s.name)] is not used by any queue", "[surveys.\(s.name)] 没有被任何队列使用")
        }
        for q in config.queues where !queues.contains(q.name) {
            sink.warning(q.line, "[queues.\(q.name)] is never used (no menu or action leads to it)",
                         "[queues.\(q.name)] 没有被用到（没有任何菜单或动作通向它）")
        }
        for agent in config.agents where !config.queues.contains(where: { $0.agents.contains { $0.value == agent.id } }) {
            sink.warning(agent.line, "agent '\(agent.id)' is in no queue (reachable only by 'agent \(agent.id)')",
                         "坐席 '\(agent.id)' 不属于任何队列（只能通过 'agent \(agent.id)' 找到）")
        }
        let observing = config.schedules.filter { !$0.alwaysOpen && $0.observesCalendar }
        if config.system.calendars.isEmpty, let first = observing.first {
            sink.warning(first.line, "no holiday calendar ([system] holidays): schedules ignore public holidays and make-up workdays",
                         "没有节假日日历（[system] 的 holidays）：时间表不会考虑法定节假日和调休上班日")
        }
    }
}
