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

    private func lines() {
        var owner: [Int: LineGroup] = [:]
        for group in config.lines {
            for channel in group.channels {
                if let other = owner[channel] {
                    sink.error(group.channelsLine, "channel \(channel) of [lines.\(group.name)] is also in [lines.\(other.name)] (line \(other.channelsLine))")
                } else {
                    owner[channel] = group
                }
            }
            if group.signalling.isTrunk {
                if let menu = group.menu {
                    if config.menu(menu.value) == nil { missing(menu, "menu", "[lines.\(group.name)] menu", config.menus.map(\.name)) }
                } else {
                    sink.warning(group.line, "[lines.\(group.name)] has no 'menu': incoming calls on these lines will not be answered")
                }
            }
            if let lang = group.language { language(lang, "[lines.\(group.name)] language") }
        }
    }

    private func agents() {
        var phones: [Int: Agent] = [:]
        let fxs = config.lines.filter { $0.signalling == .fxs }
        for agent in config.agents {
            guard let phone = agent.phone else { continue }
            if let other = phones[phone.value] {
                sink.error(phone.line, "agent '\(agent.id)': phone channel \(phone.value) is already the phone of agent '\(other.id)' (line \(other.phone!.line))")
            } else {
                phones[phone.value] = agent
            }
            if !fxs.contains(where: { $0.channels.contains(phone.value) }) {
                let known = fxs.map { "[lines.\($0.name)]" }.joined(separator: ", ")
                sink.error(phone.line, "agent '\(agent.id)' phone \(phone.value) is not a channel of a phone (fxs) line group\(known.isEmpty ? " (none is configured)" : " (\(known))")")
            }
        }
    }

    private func queues() {
        for queue in config.queues {
            let path = "[queues.\(queue.name)]"
            if queue.agents.isEmpty { sink.warning(queue.line, "\(path) has no agents: every caller will wait until it overflows") }
            for id in queue.agents where config.agent(id.value) == nil {
                missing(id, "agent", "\(path) agents", config.agents.map(\.id))
            }
            if let h = queue.hours, config.schedule(h.value) == nil { missing(h, "schedule", "\(path) hours", config.schedules.map(\.name)) }
            if let a = queue.closed { action(a, "\(path) closed", .flow) }
            if let a = queue.overflow { action(a, "\(path) overflow", .flow) }
            if let a = queue.whenNoAgents { action(a, "\(path) when_no_agents", .flow) }
            refusals(queue)
            if let s = queue.survey, config.survey(s.value) == nil { missing(s, "survey", "\(path) survey", config.surveys.map(\.name)) }
            if case .queue(let target)? = queue.closed?.value, target == queue.name {
                sink.error(queue.closed!.line, "\(path) closed sends callers back into the same closed queue")
            }
        }
        let shared = Set(config.queues.map(\.name)).intersection(config.agents.map(\.id))
        for name in shared.sorted() {
            sink.error(config.queue(name)!.line, "'\(name)' is both a queue and an agent id: 'voicemail \(name)' would be ambiguous")
        }
    }

    private func menus() {
        for menu in config.menus {
            let path = "[menus.\(menu.name)]"
            switch menu.kind {
            case .options(let keys):
                for (key, a) in keys.sorted(by: { $0.value.line < $1.value.line }) { action(a, "\(path) key \(key)", .key) }
            case .collect(let c):
                action(c.next, "\(path) next", .flow)
            case .message(let next):
                action(next, "\(path) next", .flow)
                if case .menu(let target) = next.value, target == menu.name {
                    sink.error(next.line, "\(path) next goes back to itself: the message would play forever")
                }
            }
            if let h = menu.hours, config.schedule(h.value) == nil { missing(h, "schedule", "\(path) hours", config.schedules.map(\.name)) }
            if let a = menu.closed { action(a, "\(path) closed", .flow) }
            if menu.onFail.line > 0 { action(menu.onFail, "\(path) on_fail", .flow) }
        }
    }

    /// Every name an action mentions must exist.
    func action(_ a: Located<MenuAction>, _ place: String, _ kind: Place) {
        switch a.value {
        case .menu(let name):
            if config.menu(name) == nil { missing(Located(name, line: a.line), "menu", place, config.menus.map(\.name)) }
        case .queue(let name):
            if config.queue(name) == nil { missing(Located(name, line: a.line), "queue", place, config.queues.map(\.name)) }
        case .callback(let name):
            if config.queue(name) == nil { missing(Located(name, line: a.line), "queue", place, config.queues.map(\.name)) }
            if !config.lines.contains(where: { $0.signalling.isTrunk && $0.outbound }) {
                sink.error(a.line, "\(place): a callback needs a line that may call out (a trunk group with outbound = true)")
            }
            if config.outbound.allowedNumbers.isEmpty {
                sink.error(a.line, "\(place): a callback needs numbers it may dial ([outbound] allowed_numbers is empty)")
            }
        case .agent(let id):
            if config.agent(id) == nil { missing(Located(id, line: a.line), "agent", place, config.agents.map(\.id)) }
        case .voicemail(let box):
            if config.queue(box) == nil && config.agent(box) == nil {
                missing(Located(box, line: a.line), "queue or agent", place, config.queues.map(\.name) + config.agents.map(\.id))
            }
        case .dial(let line, let number):
            if !config.outbound.allows(number) {
                sink.error(a.line, "\(place): \(number) matches no [outbound] allowed_numbers pattern, so it would never be dialled")
            }
            if let group = config.lineGroup(line) {
                if !group.outbound { sink.error(a.line, "\(place): [lines.\(line)] cannot call out (set outbound = true on a trunk group)") }
            } else {
                missing(Located(line, line: a.line), "line group", place, config.lines.map(\.name))
            }
        case .language(let code, let then):
            language(Located(code, line: a.line), place)
            if let then, config.menu(then) == nil { missing(Located(then, line: a.line), "menu", place, config.menus.map(\.name)) }
        case .repeat:
            if kind == .flow { sink.error(a.line, "\(place): 'repeat' is only for a menu key (here it would loop)") }
        case .back, .hangup:
            break
        }
    }

    private func language(_ code: Located<String>, _ place: String) {
        if !config.system.languages.contains(code.value) {
            sink.error(code.line, "\(place): language '\(code.value)' is not in [system] languages (\(config.system.languages.joined(separator: ", ")))")
        }
    }

    func missing(_ name: Located<String>, _ what: String, _ place: String, _ known: [String]) {
        let list = known.isEmpty ? "none is defined" : "defined: \(known.sorted().joined(separator: ", "))"
        sink.error(name.line, "\(place): no \(what) '\(name.value)'\(didYouMean(name.value, known)) (\(list))")
    }

    /// Menus nobody reaches, schedules and surveys nobody uses: warnings.
    private func unused() {
        var menus: Set<String> = []
        var schedules: Set<String> = []
        var surveys: Set<String> = []
        var queues: Set<String> = []
        var actions: [MenuAction] = []
        for g in config.lines { if let m = g.menu { menus.insert(m.value) } }
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
            sink.warning(m.line, "[menus.\(m.name)] is never used (no line, key or action leads to it)")
        }
        for s in config.schedules where !schedules.contains(s.name) {
            sink.warning(s.line, "[schedules.\(s.name)] is not used by any queue or menu")
        }
        for s in config.surveys where !surveys.contains(s.name) {
            sink.warning(s.line, "[surveys.\(s.name)] is not used by any queue")
        }
        for q in config.queues where !queues.contains(q.name) {
            sink.warning(q.line, "[queues.\(q.name)] is never used (no menu or action leads to it)")
        }
        for agent in config.agents where !config.queues.contains(where: { $0.agents.contains { $0.value == agent.id } }) {
            sink.warning(agent.line, "agent '\(agent.id)' is in no queue (reachable only by 'agent \(agent.id)')")
        }
        let observing = config.schedules.filter { !$0.alwaysOpen && $0.observesCalendar }
        if config.system.calendars.isEmpty, let first = observing.first {
            sink.warning(first.line, "no holiday calendar ([system] holidays): schedules ignore public holidays and make-up workdays")
        }
    }
}
